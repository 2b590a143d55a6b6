package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;
import org.rebond.config.RebondConfig;

/**
 * The folders followed besides INBOX, and one read of them all (GreenMail): Sent and the archive,
 * each once and never INBOX again; INBOX read on the calling thread while the others are read on
 * {@code rebond-mailbox-folders}; whichever fails, the other read is waited for.
 */
class FollowedFoldersTest {

    @TempDir
    Path dir;

    private MailTestKit kit;
    private IntakeLane lane;
    private FollowedFolders folders;
    private FolderOpener opener;
    private final Map<String, String> syncedBy = new ConcurrentHashMap<>();
    /** The folder whose batches the intake fails to take (null: none). */
    private volatile String failing;

    private final MailboxWatcher.ScanObserver observer = new MailboxWatcher.ScanObserver() {
        @Override
        public void batchRead(String folder, List<ScannedMessage> messages) {
            if (folder.equals(failing)) {
                throw new IllegalStateException("the intake failed on " + folder + " (test)");
            }
        }

        @Override
        public void reopened(String folder) { }

        @Override
        public void synced(String folder) {
            syncedBy.put(folder, Thread.currentThread().getName());
        }
    };

    @BeforeEach
    void start() throws Exception {
        kit = new MailTestKit(dir);
        lane = new IntakeLane();
        kit.deliverFromStrangers(3);
        kit.put("Sent", "Camille Martin <" + MailTestKit.USER + ">", "lou@example.net", "Hello", "Hello Lou.");
        kit.put("Sent", "Camille Martin <" + MailTestKit.USER + ">", "lou@example.net", "Hello again", "Hello again, Lou.");
    }

    @AfterEach
    void stop() throws Exception {
        if (folders != null) {
            folders.close();
        }
        lane.close();
        kit.close();
    }

    private FollowedFolders folders(BooleanSupplier running) {
        opener = new FolderOpener(kit.cursors, MailboxWatcher.WINDOW, observer);
        FolderCursorKeeper keeper = new FolderCursorKeeper(kit.cursors, kit.history, kit.validityChanges, kit.reader, opener);
        FolderScan scan = new FolderScan(kit.reader, kit.intake, keeper, opener, new UnreadableMessages(kit.reader, kit.intake, () -> ""),
                new TextBackfill(kit.reader, kit.intake, kit.history, opener), lane, observer, MailboxWatcher.WINDOW, MessageIntake.OWN_TEXTS,
                running);
        folders = new FollowedFolders(opener, scan, running);
        return folders;
    }

    /** Reads all the followed folders once, as the IDLE loop does. */
    private void readAll(BooleanSupplier running) throws Exception {
        FollowedFolders followed = folders(running);
        IMAPStore store = (IMAPStore) kit.connect();
        opener.useCapabilitiesOf(store);
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        opener.open(inbox);
        followed.readAll(store, inbox, FollowedFolders.others(store, kit.mailbox(), "INBOX"));
    }

    private long lastUid(String folder) {
        return kit.cursors.get(folder).map(Cursor::lastUid).orElse(0L);
    }

    private List<String> others(String sent, String archive) throws Exception {
        RebondConfig.Mailbox mailbox = kit.mailbox(true, Duration.ofMinutes(1), Duration.ofSeconds(10), sent, archive);
        Store store = kit.connect();
        return FollowedFolders.others(store, mailbox, "INBOX");
    }

    @Test
    void sentIsFollowedByItsWellKnownNameAndAnArchiveOnlyWhenOneIsConfiguredOrFound() throws Exception {
        kit.folder("Archive");

        assertThat(others(null, "none")).containsExactly("Sent");
        assertThat(others(null, null)).as("no folder holding all mail (SPECIAL-USE \\All)").containsExactly("Sent");
        assertThat(others(null, "Archive")).containsExactly("Sent", "Archive");
        assertThat(others(null, "Missing")).as("a configured folder that does not exist").containsExactly("Sent");
    }

    @Test
    void aFolderIsFollowedOnceAndInboxNeverAsAnotherFolder() throws Exception {
        assertThat(others(null, "Sent")).as("the archive configured is Sent").containsExactly("Sent");
        assertThat(others("INBOX", "none")).isEmpty();
        assertThat(others("inbox", "INBOX")).isEmpty();
    }

    @Test
    void inboxIsReadOnTheCallingThreadWhileSentIsReadOnTheFoldersThreadAndBothReachTheirEnds() throws Exception {
        readAll(() -> true);

        assertThat(lastUid("INBOX")).isEqualTo(3);
        assertThat(lastUid("Sent")).isEqualTo(2);
        assertThat(syncedBy).as("INBOX's sync ends in the IDLE loop").containsExactly(Map.entry("Sent", "rebond-mailbox-folders"));
    }

    @Test
    void aFailedInboxReadStillWaitsForTheOtherFoldersWhichReadOnToTheirEnds() {
        failing = "INBOX";

        assertThatThrownBy(() -> readAll(() -> true)).hasMessage("the intake failed on INBOX (test)");

        assertThat(lastUid("Sent")).isEqualTo(2);
    }

    @Test
    void aFailedReadOfAnotherFolderFailsThePassOnceInboxWasRead() {
        failing = "Sent";

        assertThatThrownBy(() -> readAll(() -> true)).hasMessage("the intake failed on Sent (test)");

        assertThat(lastUid("INBOX")).isEqualTo(3);
    }

    @Test
    void onceTheWatcherStopsNoFolderIsRead() throws Exception {
        readAll(() -> false);

        assertThat(kit.cursors.get("INBOX")).isEmpty();
        assertThat(kit.cursors.get("Sent")).isEmpty();
        assertThat(syncedBy).isEmpty();
    }
}
