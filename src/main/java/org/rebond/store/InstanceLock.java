package org.rebond.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rebond.application.StoreException;

/** Keeps a second daemon off the same database (BAD-INPUTS B67): an OS file lock beside it. */
public final class InstanceLock implements AutoCloseable {

    /**
     * Lock files this JVM holds. A second attempt from the same process must not even open the
     * file: on POSIX systems closing any channel on a file drops every lock the process holds on
     * it, so a refused attempt would silently free the lock for another process.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    public static InstanceLock acquire(Path database) {
        Path lockFile = database.toAbsolutePath().normalize().resolveSibling(database.getFileName() + ".lock");
        if (!HELD.add(lockFile)) {
            throw busy(database);
        }
        try {
            // With PostgreSQL, no SQLite file made the state folder: made here, 0700, when missing.
            PrivateFiles.createFolders(lockFile.getParent());
            // 0600 whatever the umask, like the database beside it (tightened if it was not).
            PrivateFiles.createFile(lockFile);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                HELD.remove(lockFile);
                throw busy(database);
            }
            return new InstanceLock(lockFile, channel, lock);
        } catch (IOException e) {
            HELD.remove(lockFile);
            throw new StoreException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD.remove(lockFile);
            throw e;
        }
    }

    private static StoreException busy(Path database) {
        return new StoreException("another rebond is already running on " + database
                + " — stop it first (systemctl stop rebond), or give this one its own storage.database");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing a lock we hold cannot lose anything
        } finally {
            HELD.remove(lockFile);
        }
    }
}
