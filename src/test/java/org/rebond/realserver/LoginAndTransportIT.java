package org.rebond.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in to a real Dovecot: a refused password (B46), OAuth2 (XOAUTH2), and TLS with an untrusted or a given CA (B47). */
class LoginAndTransportIT {

    @TempDir
    Path dir;
    private RebondOnDovecot r;

    @BeforeEach
    void needsDovecot() {
        DovecotServer.assumeAvailable();
    }

    @AfterEach
    void stop() {
        if (r != null) {
            r.close();
        }
    }

    @Test
    void aRefusedLoginBacksOffForLongAndShowsInStatusAndDoctor() throws Exception {
        r = new RebondOnDovecot(DovecotServer.start(dir.resolve("dovecot")), dir);
        r.writeConfig(null);
        Files.writeString(dir.resolve("pw"), "not-the-password\n");
        r.start();
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM mailbox_state WHERE state = 'LOGIN_REFUSED'") == 1);
        Instant next = Instant.parse(querynext());
        assertThat(next).as("no lock-out loop: the next attempt is far away").isAfter(Instant.now().plus(Duration.ofMinutes(25)));
        String[] status = r.cli("status");
        assertThat(status[1]).contains("Mailbox: LOGIN REFUSED since").contains("refused the login of camille").contains("next attempt");
        String[] doctor = r.cli("doctor");
        assertThat(doctor[1]).contains("the running rebond reports its login REFUSED").contains("refused the login");
        assertThat(doctor[0]).isNotEqualTo("0");
        await("one login attempt only").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> r.dovecot.log().lines().filter(l -> l.contains("auth failed")).count() <= 2); // rebond's one, doctor's one
    }

    private String querynext() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rebond.db"));
             var rs = c.createStatement().executeQuery("SELECT next_attempt_at FROM mailbox_state")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anOAuth2TokenFromACommandLogsInWithXoauth2AndIsNeverLogged() throws Exception {
        r = new RebondOnDovecot(DovecotServer.start(dir.resolve("dovecot")), dir);
        String token = "ya29.test-access-token-" + Long.toHexString(System.nanoTime());
        r.dovecot.addUser(r.dovecot.user(), token);
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, token + "\nsecond line ignored\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        r.writeConfig("oauth2_token_command: [cat, " + tokenFile + "]");
        r.start();
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM mailbox_state WHERE state = 'CONNECTED'") == 1);
        assertThat(r.dovecot.log()).contains("method=XOAUTH2").doesNotContain("method=PLAIN");
        assertThat(r.logLines()).noneMatch(l -> l.contains(token));
        assertThat(r.cli("doctor")[1]).contains("ok   connected to 127.0.0.1").doesNotContain(token);
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessItsCaIsGivenInCaFile() throws Exception {
        r = new RebondOnDovecot(DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withTls()), dir);
        r.writeConfig(null);
        String[] refused = r.cli("doctor");
        assertThat(refused[0]).isEqualTo("69");
        assertThat(refused[1]).containsAnyOf("PKIX", "certificate", "SSLHandshake");
        r.writeConfig("ca_file: " + r.dovecot.certificate());
        String[] accepted = r.cli("doctor");
        assertThat(accepted[1]).contains("ok   connected to 127.0.0.1:" + r.dovecot.port()).contains("implicit TLS, certificate and host name verified");
        assertThat(accepted[0]).isEqualTo("0");
    }
}
