package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.CountingHistory;
import org.rebond.application.MessageHistory;

/**
 * The texts filled in after a pass (GreenMail): after a long read, the latest messages with every
 * known contact, in INBOX and in the other folders, get the text the read skipped; without one,
 * only those of new contacts do. A stranger's never. The structure and text FETCHes themselves:
 * MessageIntakeReadsTest.
 */
class TextBackfillTest {

    private static final String JEANNE = "jeanne.roe@acme-health.example";

    @TempDir
    Path dir;

    private MailTestKit kit;
    private FolderOpener opener;
    private TextBackfill backfill;
    private Store store;
    private IMAPFolder inbox;

    @BeforeEach
    void start() throws Exception {
        kit = new MailTestKit(dir);
        opener = new FolderOpener(kit.cursors, MailboxWatcher.WINDOW, MailboxWatcher.ScanObserver.NONE);
        backfill = new TextBackfill(kit.reader, kit.intake, kit.history, opener);
        kit.deliver("Jeanne Roe <" + JEANNE + ">", "Our chat", "Interoperability is the hard part.");
        kit.deliver("Nina Stranger <" + MailTestKit.STRANGER + ">", "Digest", "Nothing for you.");
        kit.put("Sent", "Camille Martin <" + MailTestKit.USER + ">", JEANNE, "Thanks", "Thank you for your time.");
        store = kit.connect();
        opener.useCapabilitiesOf((IMAPStore) store);
        inbox = (IMAPFolder) store.getFolder("INBOX");
        opener.open(inbox);
        readWithoutText(inbox);
        IMAPFolder sent = (IMAPFolder) store.getFolder("Sent");
        sent.open(Folder.READ_ONLY);
        readWithoutText(sent);
        sent.close(false);
    }

    @AfterEach
    void stop() throws Exception {
        kit.close();
    }

    /** Reads what the folder holds into the history as a long read keeps older messages: without text. */
    private void readWithoutText(IMAPFolder folder) throws Exception {
        long[] uids = FolderScan.uidsAfter(folder, 0);
        List<ScannedMessage> scanned = kit.reader.scan(folder, uids, 0, uids.length);
        MessageIntake.Batch batch = kit.intake.startBatch(folder.getFullName(), folder.getUIDValidity(), Long.MAX_VALUE);
        BatchDispatch.take(kit.intake, FolderScan.fetchBatch(kit.reader, kit.intake, folder, batch, scanned, Map.of()));
        kit.intake.flush();
    }

    private List<String> samples(String email) {
        return kit.history.with(email, 50).stream().map(MessageHistory.SeenMessage::sample).toList();
    }

    @Test
    void afterALongReadTheMessagesWithEveryKnownContactGetTheirTextInInboxAndInTheOtherFolders() throws Exception {
        kit.makeKnownContact(JEANNE, "Jeanne Roe");
        assertThat(samples(JEANNE)).containsOnly("");

        backfill.leftForLater();
        backfill.fill(store, inbox);

        assertThat(samples(JEANNE)).hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("Interoperability is the hard part"))
                .anySatisfy(s -> assertThat(s).contains("Thank you for your time"));
        assertThat(samples(MailTestKit.STRANGER)).containsOnly("");
        assertThat(inbox.isOpen()).as("INBOX stays open").isTrue();
        assertThat(opener.takeAtOpen("Sent")).as("Sent, opened for the while, was closed").isNull();
    }

    @Test
    void withoutALongReadOnlyTheContactsNewToThisPassAreFilledIn() throws Exception {
        kit.makeKnownContact(JEANNE, "Jeanne Roe"); // known before the pass: not new

        backfill.fill(store, inbox);

        assertThat(samples(JEANNE)).containsOnly("");
    }

    @Test
    void aLongReadIsCoveredByOneBackfill() throws Exception {
        kit.makeKnownContact(JEANNE, "Jeanne Roe");
        backfill.leftForLater();
        backfill.fill(store, inbox);
        kit.deliver("Jeanne Roe <" + JEANNE + ">", "Later", "A later note.");
        long[] before = FolderScan.uidsAfter(inbox, 0);
        MessageIntake.Batch batch = kit.intake.startBatch("INBOX", inbox.getUIDValidity(), Long.MAX_VALUE);
        List<ScannedMessage> later = kit.reader.scan(inbox, before, before.length - 1, before.length);
        BatchDispatch.take(kit.intake, FolderScan.fetchBatch(kit.reader, kit.intake, inbox, batch, later, Map.of()));
        kit.intake.flush();

        backfill.fill(store, inbox);

        assertThat(kit.history.with(JEANNE, 50)).filteredOn(m -> m.subject().startsWith("Later")).singleElement()
                .satisfies(m -> assertThat(m.sample()).as("not a long read any more").isEmpty());
    }

    @Test
    void manyTextsAreDownloadedAndWrittenAFewAtATimeAndAllOfThemInTheEnd() throws Exception {
        for (int i = 1; i <= 4; i++) {
            kit.deliver("Jeanne Roe <" + JEANNE + ">", "Note " + i, "Point number " + i + " about interoperability.");
        }
        readWithoutText(inbox);
        List<MessageHistory.Textless> rows = kit.history.withoutText(JEANNE, 50).stream().filter(r -> r.folder().equals("INBOX")).toList();
        CountingHistory counting = new CountingHistory(kit.history);

        TextBackfill.fillText(kit.reader, kit.intake, counting, inbox, rows, 2);

        assertThat(rows).hasSize(5);
        assertThat(counting.textWrites).containsExactly(2, 2, 1);
        assertThat(kit.history.with(JEANNE, 50)).filteredOn(m -> m.folder().equals("INBOX")).hasSize(5)
                .allSatisfy(m -> assertThat(m.sample()).isNotEmpty());
    }

    @Test
    void aFolderThatNoLongerExistsIsPassedOver() throws Exception {
        kit.makeKnownContact(JEANNE, "Jeanne Roe");
        kit.history.recordAll(List.of(new MessageHistory.SeenMessage("Gone", 9, 1, "<gone@kit.example>", "", List.of(),
                MailTestKit.CLOCK.instant(), JEANNE, "Jeanne Roe", List.of(MailTestKit.USER), "Gone", "", "")));

        backfill.leftForLater();
        backfill.fill(store, inbox);

        assertThat(samples(JEANNE)).filteredOn(s -> !s.isEmpty()).hasSize(2);
    }
}
