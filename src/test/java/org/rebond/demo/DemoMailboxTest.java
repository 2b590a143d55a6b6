package org.rebond.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMailboxTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theDemosConfigurationAndPasswordFileAreTheirOwnersAlone() throws IOException {
        Path config = DemoMailbox.writeConfig(dir, new DemoStory(false), false, ZoneOffset.UTC, 3143);

        assertThat(config).isEqualTo(dir.resolve("rebond.yaml"));
        assertThat(mode(config)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("imap-password"))).isEqualTo("rw-------");
        assertThat(dir.resolve("imap-password")).hasContent("demo");
    }

    @Test
    void aConfigurationLeftOpenToOthersByAnEarlierDemoIsTightenedAndRewritten() throws IOException {
        Path config = dir.resolve("rebond.yaml");
        Files.writeString(config, "an older demo's configuration, much longer than the new one would be ".repeat(200));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        DemoMailbox.writeConfig(dir, new DemoStory(true), true, ZoneOffset.UTC, 3144);

        assertThat(mode(config)).isEqualTo("rw-------");
        assertThat(Files.readString(config)).startsWith("# Written by `rebond demo`").contains("port: 3144").doesNotContain("older demo");
    }
}
