package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.config.RebondConfig;
import org.rebond.realserver.DovecotServer;

/**
 * The mailbox's first connection, made while the daemon is still being built: on a real Dovecot,
 * INBOX and Sent have been opened once by the time the watcher takes it (the server built their
 * indexes meanwhile, on the other core), and a refused login reaches the watcher as the refused
 * login it is.
 */
class ConnectAheadIT {

    @TempDir
    Path dir;

    private DovecotServer dovecot;

    @BeforeEach
    void start() throws Exception {
        DovecotServer.assumeAvailable();
        dovecot = DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withQuota(null));
        Path maildir = dovecot.maildir(dovecot.user());
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        for (int i = 1; i <= 3; i++) {
            Files.writeString(maildir.resolve("cur").resolve((1_700_000_000L + i) + ".M" + i + "P1.test:2,S"),
                    "From: a" + i + "@example.org\r\nTo: " + dovecot.user() + "\r\nSubject: message " + i
                            + "\r\nMessage-ID: <ahead-" + i + "@example.org>\r\n\r\nHello.\r\n", StandardCharsets.UTF_8);
        }
        dovecot.handToMailUser(maildir);
    }

    @AfterEach
    void stop() {
        if (dovecot != null) {
            dovecot.stop();
        }
    }

    @Test
    void theConnectionMadeAheadHasOpenedInboxAndSentOnceWhenTheWatcherTakesIt() throws Exception {
        Path maildir = dovecot.maildir(dovecot.user());
        assertThat(maildir.resolve("dovecot.index.log")).as("no index before any session").doesNotExist();

        ImapConnector.FirstConnection ahead = connector(dovecot.password()).connectAhead();
        try (Store store = ahead.take()) {
            assertThat(maildir.resolve("dovecot.index.log")).as("INBOX's index, built by the EXAMINE made ahead").exists();
            assertThat(maildir.resolve(".Sent").resolve("dovecot.index.log")).as("Sent's index").exists();
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(3);
            assertThat(inbox.getMessage(1).getFlags().contains(Flags.Flag.SEEN)).as("flags as they were").isTrue();
            inbox.close(false);
        }
    }

    @Test
    void aLoginRefusedAheadReachesTheWatcherAsARefusedLogin() {
        ImapConnector.FirstConnection ahead = connector("not the password").connectAhead();

        assertThatThrownBy(ahead::take).isInstanceOfSatisfying(MailboxException.class, e -> {
            assertThat(e.authentication()).isTrue();
            assertThat(e.getMessage()).contains("refused the login of " + dovecot.user()).doesNotContain("not the password");
        });
    }

    private ImapConnector connector(String password) {
        RebondConfig.Mailbox mailbox = new RebondConfig.Mailbox(dovecot.host(), dovecot.port(), RebondConfig.Security.NONE, true,
                dovecot.user(), null, false, null, "INBOX", null, null, "none", false, true, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofMinutes(30), Duration.ofSeconds(10));
        return new ImapConnector(mailbox, () -> password);
    }
}
