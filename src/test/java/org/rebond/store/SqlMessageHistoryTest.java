package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebond.domain.Interview;

class SqlMessageHistoryTest extends StoreTestBase {

    private static final String USER = "sam.martin@example.net";
    private static final String CONTACT = "claire.dubois@acme.example";
    private static final Instant T0 = Instant.parse("2025-02-01T10:00:00Z");



    private Database db;
    private SqlMessageHistory history;

    @BeforeEach
    void open() {
        db = open(dir.resolve("rebond.db"));
        history = new SqlMessageHistory(db, Set.of("Sam.Martin@example.net"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SqlMessageHistory.SeenMessage message(String folder, long uidValidity, long uid, String messageId, Instant sentAt,
                                                         String from, String fromName, List<String> to, String subject) {
        return new SqlMessageHistory.SeenMessage(folder, uidValidity, uid, messageId, "", List.of(), sentAt, from, fromName, to, subject,
                "excerpt of " + subject, "sample of " + subject);
    }

    @Test
    void theSameMessageInInboxAndSentCountsOnce() {
        history.record(message("INBOX", 1, 10, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"));
        history.record(message("Archive", 5, 77, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"));
        history.record(message("INBOX", 1, 11, "<b@acme.example>", T0.plus(Duration.ofDays(1)), CONTACT, "Claire", List.of(USER), "Again"));

        assertThat(history.with(CONTACT, 10)).extracting(SqlMessageHistory.SeenMessage::messageId)
                .containsExactly("<b@acme.example>", "<a@acme.example>");
        assertThat(history.count()).isEqualTo(3);
    }

    @Test
    void theLatestMessagesWithABusyContactAreTheNewestByDateEachOnceWhateverTheOrderTheyWereKeptIn() {
        // Kept newest first (a folder read after another), each in three folders.
        for (int day = 20; day >= 1; day--) {
            for (String folder : List.of("INBOX", "Archive", "All")) {
                history.record(message(folder, 1, 100 - day, "<d" + day + "@acme.example>", T0.plus(Duration.ofDays(day)), CONTACT, "Claire",
                        List.of(USER), folder + " day " + day));
            }
        }

        assertThat(history.with(CONTACT, 5)).extracting(SqlMessageHistory.SeenMessage::subject)
                .containsExactly("INBOX day 20", "INBOX day 19", "INBOX day 18", "INBOX day 17", "INBOX day 16");
        assertThat(history.with(CONTACT, 100)).hasSize(20);
    }

    @Test
    void whatWasExchangedAfterAnInstantIsTheLatestAfterItEachOnceWithoutTexts() {
        for (int day = 1; day <= 20; day++) {
            for (String folder : List.of("INBOX", "Archive")) {
                history.record(message(folder, 1, 100 + day, "<d" + day + "@acme.example>", T0.plus(Duration.ofDays(day)), CONTACT, "Claire",
                        List.of(USER), folder + " day " + day));
            }
        }
        Instant interviewEnded = T0.plus(Duration.ofDays(17)); // the day-17 message was sent at that very second: not after

        assertThat(history.exchangedAfter(CONTACT, interviewEnded, 200)).extracting(SqlMessageHistory.SeenMessage::subject)
                .containsExactly("INBOX day 20", "INBOX day 19", "INBOX day 18");
        assertThat(history.exchangedAfter(CONTACT, interviewEnded.minusMillis(1), 200)).hasSize(4);
        assertThat(history.exchangedAfter(CONTACT, T0, 2)).extracting(SqlMessageHistory.SeenMessage::subject)
                .containsExactly("INBOX day 20", "INBOX day 19");
        assertThat(history.exchangedAfter(CONTACT, T0, 200)).hasSize(20)
                .allSatisfy(m -> assertThat(m.excerpt() + m.sample()).isEmpty());
        assertThat(history.exchangedAfter("nobody@acme.example", T0, 200)).isEmpty();
    }

    @Test
    void messagesWithoutMessageIdAreEachKept() {
        history.record(message("INBOX", 1, 10, "", T0, CONTACT, "Claire", List.of(USER), "One"));
        history.record(message("INBOX", 1, 11, "", T0.plusSeconds(60), CONTACT, "Claire", List.of(USER), "Two"));

        assertThat(history.with(CONTACT, 10)).extracting(SqlMessageHistory.SeenMessage::subject).containsExactly("Two", "One");
    }

    @Test
    void seeingTheSameFolderUidAgainChangesNothing() {
        history.record(message("INBOX", 1, 10, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"));
        history.record(message("INBOX", 1, 10, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"));

        assertThat(history.count()).isEqualTo(1);
    }

    @Test
    void aBatchKeepsEachMessageWithItsOwnPartiesAndOneSeenTwiceInTheBatchOnce() {
        String other = "paul.intro@example.net";
        history.recordAll(List.of(
                message("INBOX", 1, 10, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"),
                message("INBOX", 1, 11, "<b@acme.example>", T0.plusSeconds(60), other, "Paul", List.of(USER, CONTACT), "Meet Claire"),
                message("INBOX", 1, 10, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"),
                message("INBOX", 1, 12, "<c@acme.example>", T0.plusSeconds(120), other, "Paul", List.of(USER), "Follow-up")));

        assertThat(history.count()).isEqualTo(3);
        assertThat(history.with(CONTACT, 10)).extracting(SqlMessageHistory.SeenMessage::subject).containsExactly("Meet Claire", "Hello");
        assertThat(history.with(other, 10)).extracting(SqlMessageHistory.SeenMessage::subject).containsExactly("Follow-up", "Meet Claire");
    }

    @Test
    void anAddressFirstSeenInABatchThatWasRolledBackIsNumberedAfreshWhenSeenAgain() {
        String newcomer = "nadia.new@startup.example";
        Assertions.assertThatThrownBy(() -> db.inOneTransaction(() -> {
            history.recordAll(List.of(message("INBOX", 1, 10, "<a@startup.example>", T0, newcomer, "Nadia", List.of(USER), "Hello")));
            throw new IllegalStateException("the batch failed after its history was written");
        })).hasMessageContaining("batch failed");

        history.recordAll(List.of(message("INBOX", 1, 10, "<a@startup.example>", T0, newcomer, "Nadia", List.of(USER), "Hello")));

        assertThat(history.with(newcomer, 10)).extracting(SqlMessageHistory.SeenMessage::subject).containsExactly("Hello");
    }

    @Test
    void historyIsFoundWhateverTheCaseOfTheAddressAskedFor() {
        history.record(message("INBOX", 1, 10, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"));

        assertThat(history.with("Claire.Dubois@ACME.example", 10)).hasSize(1);
    }

    @Test
    void aFolderWhoseUidValidityChangedIsForgottenAndReadAgain() {
        history.record(message("INBOX", 1, 10, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"));
        history.record(message("Sent", 3, 4, "<s@example.net>", T0.plusSeconds(60), USER, "Sam", List.of(CONTACT), "Re: Hello"));

        history.forgetFolder("INBOX", 1);

        assertThat(history.with(CONTACT, 10)).extracting(SqlMessageHistory.SeenMessage::folder).containsExactly("Sent");
        history.record(message("INBOX", 2, 1, "<a@acme.example>", T0, CONTACT, "Claire", List.of(USER), "Hello"));
        assertThat(history.with(CONTACT, 10)).hasSize(2);
        assertThat(history.count()).isEqualTo(2);
    }

    @Test
    void theIntroducerIsTheThirdPersonWhoWroteToTheUserAndTheContactBeforeTheInterview() {
        Instant interview = T0.plus(Duration.ofDays(10));
        history.record(message("INBOX", 1, 1, "<intro@f.example>", T0, "paul@friends.example", "Paul Martin", List.of(USER, CONTACT), "Intro"));
        history.record(message("INBOX", 1, 2, "<c@acme.example>", T0.plus(Duration.ofDays(1)), CONTACT, "Claire", List.of(USER), "Happy to"));
        history.record(message("INBOX", 1, 3, "<late@f.example>", interview.plusSeconds(60), "eve@other.example", "Eve", List.of(USER, CONTACT), "After"));

        assertThat(history.introducerOf(CONTACT, interview)).contains(new Interview.Person("paul@friends.example", "Paul Martin"));
        assertThat(history.introducerOf(CONTACT, T0)).isEmpty();
        assertThat(history.introducerOf("", interview)).isEmpty();
    }

    @Test
    void aMessageBetweenTheContactAndSomeoneElseWithoutTheUserIsNoIntroduction() {
        history.record(message("INBOX", 1, 1, "<fwd@f.example>", T0, "paul@friends.example", "Paul", List.of(CONTACT), "FYI"));

        assertThat(history.introducerOf(CONTACT, T0.plus(Duration.ofDays(1)))).isEmpty();
    }
}
