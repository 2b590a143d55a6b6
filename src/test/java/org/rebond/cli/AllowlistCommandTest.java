package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rebond allowlist}, as an administrator runs it: the addresses of the servers the
 * configuration names and of the DNS resolvers, as a systemd drop-in, each line explained.
 * (Literal addresses in the configuration: the test needs no DNS.)
 */
class AllowlistCommandTest {

    private static Path configWith(Path dir, String host, String calendars) throws Exception {
        Path config = dir.resolve("rebond.yaml");
        Files.writeString(config, Cli.config(dir, "en", "Europe/Paris", host, 993, "tls", Cli.passwordFile(dir, "secret", "rw-------"), "")
                + calendars);
        return config;
    }

    @Test
    void theDropInAllowsTheImapServerTheCalendarsAndTheResolversEachWithWhyItIsThere(@TempDir Path dir) throws Exception {
        Path config = configWith(dir, "192.0.2.10", """
                calendars:
                  - {type: ics-url, url: "https://[2001:db8::5]/basic.ics"}
                """);
        Path resolv = dir.resolve("resolv.conf");
        Files.writeString(resolv, "# by hand\nsearch example.org\nnameserver 198.51.100.53\nnameserver 127.0.0.53\noptions edns0\n");

        Cli.Result result = Cli.run("allowlist", "--config", config.toString(), "--resolv-conf", resolv.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("[Service]\n",
                        "# 192.0.2.10, the IMAP server (mailbox.host)\nIPAddressAllow=192.0.2.10\n",
                        "# 2001:db8::5, a calendar (ics_url)\nIPAddressAllow=2001:db8:0:0:0:0:0:5\n",
                        "# a DNS resolver (" + resolv + ")\nIPAddressAllow=198.51.100.53\n")
                .as("loopback is allowed by the unit already").doesNotContain("127.0.0.53");
    }

    @Test
    void withWriteTheDropInIsWrittenReadableAndTheNextStepsAreSaid(@TempDir Path dir) throws Exception {
        Path config = configWith(dir, "192.0.2.10", "");
        Path dropIn = dir.resolve("rebond.service.d").resolve("addresses.conf");

        Cli.Result result = Cli.run("allowlist", "--config", config.toString(), "--resolv-conf", dir.resolve("none").toString(),
                "--write", dropIn.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(Files.readString(dropIn)).contains("IPAddressAllow=192.0.2.10\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dropIn))).isEqualTo("rw-r--r--");
        assertThat(result.out()).contains("Wrote " + dropIn + " (1 address besides the machine's own).",
                "Now run: systemctl daemon-reload && systemctl restart rebond");
    }

    @Test
    void aServerOnThisMachineNeedsNothingMore(@TempDir Path dir) throws Exception {
        Path config = configWith(dir, "127.0.0.1", "");

        Cli.Result result = Cli.run("allowlist", "--config", config.toString(), "--resolv-conf", dir.resolve("none").toString());

        assertThat(result.out()).contains("# Nothing to add: every server of the configuration is on this machine.")
                .doesNotContain("\nIPAddressAllow=");
    }

    @Test
    void withSeveralAccountsOnPostgresqlTheDropInAllowsEveryAccountsServersAndTheDatabase(@TempDir Path dir) throws Exception {
        Path camille = configWith(dir, "192.0.2.10", "");
        Files.writeString(camille, Files.readString(camille).replaceAll("(?ms)^storage:.*?(?=^\\S|\\z)", ""));
        Files.writeString(dir.resolve("sam.yaml"), Files.readString(camille).replace("192.0.2.10", "192.0.2.20"));
        Path host = dir.resolve("host.yaml");
        Files.writeString(host, """
                storage:
                  kind: postgresql
                  url: jdbc:postgresql://192.0.2.30:5432/rebond
                accounts:
                  - {name: camille, config: %s}
                  - {name: sam, config: sam.yaml}
                """.formatted(camille.getFileName()));

        Cli.Result result = Cli.run("allowlist", "--config", host.toString(), "--resolv-conf", dir.resolve("none").toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("IPAddressAllow=192.0.2.10\n", "IPAddressAllow=192.0.2.20\n",
                "# 192.0.2.30, the PostgreSQL database (storage.url)\nIPAddressAllow=192.0.2.30\n");
    }
}
