package org.rebond.realserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What {@link DovecotServer} does to its maildirs' files directly, behind Dovecot's back: the
 * faults the tests inject into a message's file, and the owners and permissions the mail
 * processes need when the tests run as root.
 */
final class DovecotMaildir {

    private DovecotMaildir() {
    }

    /** The maildir folder of {@code folder} in a user's maildir: the maildir itself for INBOX, {@code .folder} else. */
    static Path folder(Path maildir, String folder) {
        return folder.equalsIgnoreCase("INBOX") ? maildir : maildir.resolve("." + folder);
    }

    /** Takes every permission from the file of the message with this UID (mode 000). */
    static void makeUnreadable(Path box, long uid) {
        try {
            Files.setPosixFilePermissions(messageFile(box, uid), Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites, in place, the file of the message with this UID (same length) and drops the
     * folder's index; Dovecot must be stopped meanwhile.
     */
    static void rewriteMessage(Path box, long uid, UnaryOperator<byte[]> change) {
        try {
            Path file = messageFile(box, uid);
            byte[] before = Files.readAllBytes(file);
            byte[] after = change.apply(before);
            if (after.length != before.length) {
                throw new IllegalArgumentException("the new content must keep the length " + before.length + " (got " + after.length + ")");
            }
            Files.write(file, after); // in place: owner and name (and so the UID) kept
            // The whole index, not only its cache: a cache alone was sometimes still served (stale
            // header fields) under load. dovecot-uidlist stays, so the UIDs do not change.
            try (Stream<Path> index = Files.list(box)) {
                for (Path f : index.filter(f -> f.getFileName().toString().startsWith("dovecot.index")).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The maildir file of the message with this UID (from dovecot-uidlist). */
    private static Path messageFile(Path box, long uid) throws IOException {
        String base = null;
        for (String line : Files.readAllLines(box.resolve("dovecot-uidlist"))) {
            if (line.startsWith(uid + " ")) {
                base = line.substring(line.indexOf(':') + 1);
                int colon = base.indexOf(':');
                base = colon < 0 ? base : base.substring(0, colon);
            }
        }
        if (base == null) {
            throw new IllegalStateException("no UID " + uid + " in " + box.resolve("dovecot-uidlist"));
        }
        Path file = null;
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(box.resolve(sub))) {
                String b = base;
                var match = files.filter(f -> f.getFileName().toString().startsWith(b)).findFirst();
                if (match.isPresent()) {
                    file = match.get();
                }
            }
        }
        if (file == null) {
            throw new IllegalStateException("no file for UID " + uid + " (" + base + ") in " + box);
        }
        return file;
    }

    /** As root, the mail user (nobody) must be able to walk down to the mail folder: add g+x, o+x where missing. */
    static void openPathFor(Path dir) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!p.startsWith(tmp) && !p.equals(dir)) {
                break;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            // group too: the mail processes keep root's supplementary group, so the group bits apply to them
            if (perms.add(PosixFilePermission.OTHERS_EXECUTE) | perms.add(PosixFilePermission.GROUP_EXECUTE)) {
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    /** Gives {@code p} and everything below it to this user and group. */
    static void chownTree(Path p, String mailUser, String mailGroup) throws IOException {
        UserPrincipalLookupService lookup = p.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(mailUser);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(mailGroup);
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(f, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
    }
}
