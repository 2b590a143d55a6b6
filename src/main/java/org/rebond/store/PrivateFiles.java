package org.rebond.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What rebond keeps on disk is its user's alone, whatever the umask: the files it creates are
 * {@code 0600} and the folders {@code 0700}, set explicitly after creation (the umask only ever
 * takes bits away, and an odd one such as {@code 0277} would take the owner's too). A file or
 * folder of rebond's that is already there and that other users can open is tightened, with one
 * warning line naming it, its old mode and its new one. On a file system without POSIX
 * permissions nothing is checked or changed.
 */
public final class PrivateFiles {

    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** What the group and the other users may do: none of it is left on a file of rebond's. */
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /**
     * Creates {@code folder} and whichever folders above it are missing, each {@code 0700}. Folders
     * already there are left as they are: they may be the user's home or a shared one.
     */
    public static void createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p, posix(p, FOLDER));
                setExactly(p, FOLDER);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
                // made meanwhile by someone else: theirs, left as it is
            }
        }
    }

    /**
     * As {@link #createFolders}, then {@code folder} itself, rebond's own (its state directory), is
     * tightened to its owner alone if others can enter it.
     */
    public static void keepFolderPrivate(Path folder) throws IOException {
        createFolders(folder);
        tighten(folder);
    }

    /** A new temporary folder, {@code 0700}. */
    public static Path createTempFolder(String prefix) throws IOException {
        Path folder;
        try {
            folder = Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempDirectory(prefix);
        }
        setExactly(folder, FOLDER);
        return folder;
    }

    /** Creates {@code file} empty, {@code 0600}, when it is not there; tightens it when it is. */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, posix(file, FILE));
            setExactly(file, FILE);
        } catch (FileAlreadyExistsException e) {
            tighten(file);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code file}, replacing what it held, the file being {@code 0600}. */
    public static void writeString(Path file, String text) throws IOException {
        createFile(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Takes away from {@code path} (followed if a link) whatever its group and other users may do,
     * with a warning when there was something to take; nothing when it is not there.
     */
    public static void tighten(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> before;
        try {
            before = view.readAttributes().permissions();
        } catch (NoSuchFileException absent) {
            return;
        } catch (IOException e) {
            log.warn("cannot read the mode of {} to keep it private: {}", path, reason(e));
            return;
        }
        Set<PosixFilePermission> after = EnumSet.noneOf(PosixFilePermission.class);
        after.addAll(before);
        after.removeAll(OTHERS);
        if (after.equals(before)) {
            return;
        }
        try {
            view.setPermissions(after);
            log.warn("{} was open to other local users (mode {}); tightened to mode {}", path, mode(before), mode(after));
        } catch (NoSuchFileException gone) {
            // removed meanwhile (SQLite deletes its -wal and -shm files when the last connection closes)
        } catch (IOException e) {
            log.warn("{} is open to other local users (mode {}) and cannot be tightened: {} — run chmod go= {}",
                    path, mode(before), reason(e), path);
        }
    }

    /** The mode as {@code ls -l} and {@code chmod} show it together: {@code 0644 (rw-r--r--)}. */
    static String mode(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o (%s)", bits, PosixFilePermissions.toString(permissions));
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The permissions as a creation attribute, or none on a file system without POSIX permissions. */
    private static FileAttribute<?>[] posix(Path path, Set<PosixFilePermission> permissions) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    /** What the umask took away at creation is given back: exactly {@code permissions}. */
    private static void setExactly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().equals(permissions)) {
            view.setPermissions(permissions);
        }
    }
}
