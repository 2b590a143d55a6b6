package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.store.PrivateFiles;

class ServiceGroupTest {

    @Test
    void aConfigurationWrittenInTheServicesFolderBecomesReadableByItsGroupAndNobodyElse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rebond.yaml");
        PrivateFiles.writeString(file, "profile: {}\n");
        String folderGroup = Files.readAttributes(dir, PosixFileAttributes.class).group().getName();

        assertThat(ServiceGroup.share(file, folderGroup)).isTrue();

        PosixFileAttributes written = Files.readAttributes(file, PosixFileAttributes.class);
        assertThat(PosixFilePermissions.toString(written.permissions())).isEqualTo("rw-r-----");
        assertThat(written.group().getName()).isEqualTo(folderGroup);
    }

    @Test
    void aConfigurationWrittenAnywhereElseStaysTheUsersAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rebond.yaml");
        PrivateFiles.writeString(file, "profile: {}\n");

        assertThat(ServiceGroup.share(file, "no-such-group-for-rebond")).isFalse();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
