package org.rebond.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The system service reads its configuration as the {@code rebond} user, from {@code /etc/rebond},
 * which the Debian package makes {@code 0750 root:rebond}. A configuration {@code rebond init} writes
 * into a folder of that group is given to the group, read-only ({@code 0640}), so the service can
 * read it and nobody else can; anywhere else it stays {@code 0600}, the user's alone.
 */
final class ServiceGroup {

    /** The group the package creates for the service. */
    static final String NAME = "rebond";

    private ServiceGroup() {}

    /**
     * Gives {@code file} to {@code group} read-only when its folder belongs to that group.
     *
     * @return whether the file is now readable by the group
     */
    static boolean share(Path file, String group) throws IOException {
        PosixFileAttributeView folder = Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class);
        if (folder == null) {
            return false;
        }
        GroupPrincipal owner = folder.readAttributes().group();
        if (!owner.getName().equals(group)) {
            return false;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        view.setGroup(owner);
        view.setPermissions(PosixFilePermissions.fromString("rw-r-----"));
        return true;
    }
}
