package org.rebond.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher itself: the real server it starts has what the other real-server tests rely on. */
class DovecotServerIT {

    @TempDir
    Path dir;
    private DovecotServer dovecot;

    @BeforeEach
    void needsDovecot() {
        DovecotServer.assumeAvailable();
    }

    @AfterEach
    void stop() {
        if (dovecot != null) {
            dovecot.stop();
        }
    }

    private Store connect() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", "5000");
        p.setProperty("mail.imap.timeout", "5000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect(dovecot.host(), dovecot.port(), dovecot.user(), dovecot.password());
        return store;
    }

    @Test
    void theServerAdvertisesIdleCondstoreQresyncUidplusSpecialUseAndMoveAndSurvivesARestart() throws Exception {
        dovecot = DovecotServer.start(dir);
        try (Store store = connect()) {
            IMAPStore imap = (IMAPStore) store;
            for (String capability : new String[] {"IDLE", "CONDSTORE", "QRESYNC", "UIDPLUS", "SPECIAL-USE", "MOVE", "QUOTA"}) {
                assertThat(imap.hasCapability(capability)).as(capability).isTrue();
            }
            IMAPFolder drafts = (IMAPFolder) store.getFolder("Drafts");
            assertThat(drafts.getAttributes()).contains("\\Drafts");
        }
        dovecot.deliver(dovecot.user(), "INBOX", "Subject: hello\r\nMessage-ID: <1@test>\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII));
        dovecot.restart();
        try (Store store = connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            inbox.close(false);
        }
    }

    @Test
    void theLocalizedVariantHasFrenchFoldersWithoutSpecialUseAndTheUidValidityCanBeChanged() throws Exception {
        dovecot = DovecotServer.start(dir, DovecotServer.Options.defaults().withoutSpecialUse().withLocalizedNames());
        try (Store store = connect()) {
            assertThat(Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName))
                    .contains("INBOX", "Brouillons", "Envoyés", "Corbeille");
            assertThat(((IMAPFolder) store.getFolder("Brouillons")).getAttributes()).doesNotContain("\\Drafts");
        }
        long before = dovecot.uidValidity(dovecot.user(), "INBOX");
        dovecot.changeUidValidity(dovecot.user(), "INBOX", before + 1000);
        assertThat(dovecot.uidValidity(dovecot.user(), "INBOX")).isEqualTo(before + 1000);
    }
}
