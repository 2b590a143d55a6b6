package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening the followed folders on a server without CONDSTORE (GreenMail): read-only, what the
 * folder reported kept until a read takes it, and the folder kept open reopened once a window's
 * worth of messages was read since it was opened. CONDSTORE and QRESYNC: {@link FolderOpenerIT}.
 */
class FolderOpenerTest {

    private static final int WINDOW = 5;

    @TempDir
    Path dir;

    private MailTestKit kit;
    private final List<String> reopened = new CopyOnWriteArrayList<>();
    private FolderOpener opener;

    @BeforeEach
    void start() {
        kit = new MailTestKit(dir);
        opener = new FolderOpener(kit.cursors, WINDOW, new MailboxWatcher.ScanObserver() {
            @Override
            public void batchRead(String folder, List<ScannedMessage> messages) { }

            @Override
            public void reopened(String folder) {
                reopened.add(folder);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        kit.close();
    }

    private IMAPFolder inbox() throws Exception {
        IMAPStore store = (IMAPStore) kit.connect();
        opener.useCapabilitiesOf(store);
        return (IMAPFolder) store.getFolder("INBOX");
    }

    @Test
    void onAServerWithoutCondstoreFoldersOpenPlainlyAndReportNoHighestModseq() throws Exception {
        kit.deliverFromStrangers(3);
        IMAPFolder inbox = inbox();

        opener.open(inbox);

        assertThat(opener.condstore()).isFalse();
        assertThat(opener.qresync()).isFalse();
        assertThat(inbox.isOpen()).isTrue();
        assertThat(inbox.getMode()).isEqualTo(Folder.READ_ONLY);
        assertThat(opener.takeAtOpen("INBOX")).isEqualTo(new FolderOpener.AtOpen(0, 3, 4));
    }

    @Test
    void whatAFolderReportedAtItsOpeningIsTakenOnce() throws Exception {
        kit.deliverFromStrangers(1);
        opener.open(inbox());

        assertThat(opener.takeAtOpen("INBOX")).isNotNull();
        assertThat(opener.takeAtOpen("INBOX")).as("no longer fresh once a read took it").isNull();
    }

    @Test
    void aFolderClosedForgetsWhatItReportedAtItsOpening() throws Exception {
        IMAPFolder inbox = inbox();
        opener.open(inbox);
        inbox.close(false);

        opener.closed("INBOX");

        assertThat(opener.takeAtOpen("INBOX")).isNull();
    }

    @Test
    void aFolderKeptOpenIsReopenedOnceAWindowsWorthOfMessagesWasReadSinceItWasOpened() throws Exception {
        kit.deliverFromStrangers(2);
        IMAPFolder inbox = inbox();
        opener.open(inbox);
        opener.read("INBOX", WINDOW - 1);

        opener.reopenIfFull(inbox);
        assertThat(reopened).as("under the window").isEmpty();

        opener.read("INBOX", 1);
        opener.reopenIfFull(inbox);
        assertThat(reopened).containsExactly("INBOX");
        assertThat(inbox.isOpen()).isTrue();
        assertThat(opener.takeAtOpen("INBOX")).as("read only after the next wait: no longer fresh by then").isNull();

        opener.reopenIfFull(inbox);
        assertThat(reopened).as("the count starts again at the reopening").containsExactly("INBOX");
    }

    @Test
    void eachFolderCountsItsOwnReads() throws Exception {
        kit.put("Sent", "Camille Martin <" + MailTestKit.USER + ">", "lou@example.net", "Hello", "Hello Lou.");
        IMAPFolder inbox = inbox();
        opener.open(inbox);
        opener.read("Sent", WINDOW);

        opener.reopenIfFull(inbox);

        assertThat(reopened).isEmpty();
    }
}
