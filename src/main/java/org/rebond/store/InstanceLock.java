package org.rebond.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rebond.application.StoreException;

/**
 * Keeps a second daemon off the same database (BAD-INPUTS B67): an OS file lock beside it. The
 * holder writes into the lock file who it is ({@link Holder}: pid, since when, which command), so
 * that {@code status} can say which process runs on the state and since when. The lock, not the
 * file's text, says whether anyone holds it: the text of a process that died stays behind, and is
 * read only while the lock is held.
 */
public final class InstanceLock implements AutoCloseable {

    /** The command name the daemon writes as holder ({@code rebond run}). */
    public static final String DAEMON = "run";
    /** The command name a command writes when it holds the lock for a moment to change the state itself ({@code track}, {@code ignore}…). */
    public static final String OFFLINE = "offline";

    /** Who holds the lock: the process id, when it took the lock, and the rebond command it runs ({@code run} for the daemon). */
    public record Holder(long pid, Instant since, String command) {
        /** This process, holding the lock from {@code since} for {@code command}. */
        public static Holder thisProcess(Instant since, String command) {
            return new Holder(ProcessHandle.current().pid(), since, command);
        }

        String text() {
            return "pid=" + pid + "\nsince=" + (since == null ? "" : since) + "\ncommand=" + command + "\n";
        }

        static Optional<Holder> parse(String text) {
            long pid = -1;
            Instant since = null;
            String command = "";
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq < 0) continue;
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                try {
                    switch (key) {
                        case "pid" -> pid = Long.parseLong(value);
                        case "since" -> since = value.isEmpty() ? null : Instant.parse(value);
                        case "command" -> command = value;
                        default -> { }
                    }
                } catch (NumberFormatException | DateTimeParseException unreadable) {
                    return Optional.empty();
                }
            }
            return pid < 0 ? Optional.empty() : Optional.of(new Holder(pid, since, command));
        }
    }

    /**
     * Lock files this JVM holds, with who holds each. A second attempt from the same process must
     * not even open the file: on POSIX systems closing any channel on a file drops every lock the
     * process holds on it, so a refused attempt (or a read of the holder) would silently free the
     * lock for another process.
     */
    private static final Map<Path, Holder> HELD = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock without saying since when (tests, tools). */
    public static InstanceLock acquire(Path database) {
        return acquire(database, Holder.thisProcess(null, ""));
    }

    /** Takes the lock for {@code holder}, written into the lock file for {@link #holder}. */
    public static InstanceLock acquire(Path database, Holder holder) {
        Path lockFile = lockFileOf(database);
        if (HELD.putIfAbsent(lockFile, holder) != null) {
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
            channel.truncate(0);
            // Not forced to the disk: other processes read it from the page cache, and after a power
            // cut nobody holds the lock any more (an empty or stale text then says nothing). Forcing it
            // took 0.14 s of every start on a virtual disk.
            channel.write(ByteBuffer.wrap(holder.text().getBytes(StandardCharsets.UTF_8)), 0);
            return new InstanceLock(lockFile, channel, lock);
        } catch (IOException e) {
            HELD.remove(lockFile);
            throw new StoreException(e, "store.lock", lockFile, e.getMessage());
        } catch (RuntimeException e) {
            HELD.remove(lockFile);
            throw e;
        }
    }

    /**
     * Who holds the lock on {@code database}, as it wrote itself into the lock file. Call it only
     * once taking the lock failed: the file's text outlives its writer. Empty when unreadable.
     */
    public static Optional<Holder> holder(Path database) {
        Path lockFile = lockFileOf(database);
        Holder here = HELD.get(lockFile);
        if (here != null) {
            return Optional.of(here); // held by this process: reading the file would free the lock (see HELD)
        }
        try {
            return Holder.parse(Files.readString(lockFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path lockFileOf(Path database) {
        return database.toAbsolutePath().normalize().resolveSibling(database.getFileName() + ".lock");
    }

    private static StoreException busy(Path database) {
        return new StoreException(null, "store.running", database);
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
