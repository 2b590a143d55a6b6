package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.mail.UnreadableMessages.ReadAlone;

/**
 * Reading on past a message the server cannot read (GreenMail; a lost connection is played by a
 * read that throws on that message, and a reconnection by a new connection): a batch is read in
 * one FETCH until its read failed twice in a row, then one message at a time, and a message that
 * loses the connection twice when read alone is quarantined with the server's words. A real
 * server that closes the connection: MailboxResilienceIT.
 */
class UnreadableMessagesTest {

    private static final String LOSS = "BYE FETCH failed: Internal error (EOFException: the server closed the connection)";
    private static final long[] UIDS = {1, 2, 3};

    @TempDir
    Path dir;

    private MailTestKit kit;
    private UnreadableMessages unreadable;
    private long uidValidity;

    @BeforeEach
    void start() throws Exception {
        kit = new MailTestKit(dir);
        unreadable = new UnreadableMessages(kit.reader, kit.intake, () -> LOSS);
        kit.deliverFromStrangers(3);
        uidValidity = kit.uidValidity("INBOX");
    }

    @AfterEach
    void stop() throws Exception {
        kit.close();
    }

    private static ReadAlone readAlone() {
        return new ReadAlone(new HashSet<>(), new HashMap<>());
    }

    /** Reads the batch of UIDs 1 to 3 on a new connection. */
    private List<ScannedMessage> scan(Consumer<ScannedMessage> described, ReadAlone readAlone) throws Exception {
        return unreadable.scanBatch(kit.open("INBOX"), "INBOX", uidValidity, UIDS, 0, UIDS.length, described, null, Map.of(), readAlone);
    }

    /** What a connection lost whenever UID 2 is read looks like to the scan. */
    private static Consumer<ScannedMessage> losingTheConnectionOnUid2() {
        return m -> {
            if (m.uid() == 2) {
                throw new IllegalStateException("connection lost (test)");
            }
        };
    }

    private static List<Long> uids(List<ScannedMessage> messages) {
        return messages.stream().map(ScannedMessage::uid).toList();
    }

    @Test
    void aBatchIsReadInOneFetchWhileItsReadFailedLessThanTwiceInARow() throws Exception {
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        ReadAlone readAlone = readAlone();

        assertThat(uids(scan(m -> { }, readAlone))).containsExactly(1L, 2L, 3L);
        assertThat(readAlone.uids()).isEmpty();
    }

    @Test
    void aBatchWhoseReadFailedTwiceInARowIsReadOneMessageAtATime() throws Exception {
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        ReadAlone readAlone = readAlone();
        boolean[] asked = {false};

        List<ScannedMessage> scanned = unreadable.scanBatch(kit.open("INBOX"), "INBOX", uidValidity, UIDS, 0, UIDS.length, m -> { },
                () -> asked[0] = true, Map.of(), readAlone);

        assertThat(uids(scanned)).containsExactly(1L, 2L, 3L);
        assertThat(readAlone.uids()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(asked[0]).as("the batch before is handed over all the same").isTrue();
    }

    @Test
    void aFailedReadOfAnotherBatchOrUnderAnotherUidValidityStartsTheCountAgain() throws Exception {
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        unreadable.noteFailedRead("INBOX", uidValidity, 1001);
        unreadable.noteFailedRead("INBOX", uidValidity + 1, 1);
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        ReadAlone readAlone = readAlone();

        scan(m -> { }, readAlone);

        assertThat(readAlone.uids()).isEmpty();
    }

    @Test
    void aBatchReadWholeClearsItsFailures() throws Exception {
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        unreadable.readWhole("INBOX");
        ReadAlone readAlone = readAlone();

        scan(m -> { }, readAlone);

        assertThat(readAlone.uids()).isEmpty();
    }

    @Test
    void aFailedReadOfTheWholeBatchCountsAsOneMoreFailure() throws Exception {
        assertThatThrownBy(() -> scan(losingTheConnectionOnUid2(), readAlone())).hasMessageContaining("connection lost");
        assertThatThrownBy(() -> scan(losingTheConnectionOnUid2(), readAlone())).hasMessageContaining("connection lost");
        ReadAlone readAlone = readAlone();

        assertThat(uids(scan(m -> { }, readAlone))).containsExactly(1L, 2L, 3L);
        assertThat(readAlone.uids()).as("read alone after two failures in a row").containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aMessageThatLosesTheConnectionTwiceWhenReadAloneIsQuarantinedWithTheServersWordsAndTheOthersAreRead() throws Exception {
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        for (int lost = 1; lost <= 2; lost++) {
            assertThatThrownBy(() -> scan(losingTheConnectionOnUid2(), readAlone())).hasMessageContaining("connection lost");
            unreadable.newRead("INBOX"); // the watcher reconnected and reads the folder again
        }
        ReadAlone readAlone = readAlone();

        List<ScannedMessage> scanned = scan(losingTheConnectionOnUid2(), readAlone);

        assertThat(uids(scanned)).containsExactly(1L, 3L);
        assertThat(kit.intake.quarantinedUids("INBOX", uidValidity)).containsExactly(2L);
        assertThat(kit.count("SELECT COUNT(*) FROM quarantine WHERE item = 'INBOX:" + uidValidity + ":2' AND reason LIKE "
                + "'the server closes the connection whenever this message is read (BYE FETCH failed%'")).isEqualTo(1);
    }

    @Test
    void aMessageReadAloneWithoutLosingTheConnectionIsNotCountedAgainstIt() throws Exception {
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        unreadable.noteFailedRead("INBOX", uidValidity, 1);
        assertThatThrownBy(() -> scan(losingTheConnectionOnUid2(), readAlone())).hasMessageContaining("connection lost");
        unreadable.newRead("INBOX");
        scan(m -> { }, readAlone()); // read alone, whole: its count is dropped
        unreadable.newRead("INBOX");
        assertThatThrownBy(() -> scan(losingTheConnectionOnUid2(), readAlone())).hasMessageContaining("connection lost");
        unreadable.newRead("INBOX");

        assertThat(uids(scan(m -> { }, readAlone()))).as("lost on once since it was last read whole: not quarantined")
                .containsExactly(1L, 2L, 3L);
        assertThat(kit.intake.quarantinedUids("INBOX", uidValidity)).isEmpty();
    }

    @Test
    void quarantinedMessagesAreLeftOutOfTheUidsToRead() {
        long[] uids = {1, 2, 3};
        assertThat(unreadable.withoutQuarantined("INBOX", uidValidity, uids)).as("none quarantined: the same array").isSameAs(uids);

        kit.intake.quarantine("INBOX", uidValidity, 2, "unreadable (test)");

        assertThat(unreadable.withoutQuarantined("INBOX", uidValidity, uids)).containsExactly(1, 3);
        assertThat(unreadable.withoutQuarantined("INBOX", uidValidity + 1, uids)).as("another UIDVALIDITY").containsExactly(1, 2, 3);
    }
}
