package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.SteppedClock;
import org.rebond.application.MessageHistory.SeenMessage;
import org.rebond.application.OutgoingMessage;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Policy;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * The thank-you as the daemon composes it, from notes given by reply (the same composer, a real
 * SQLite store and message history): whom it greets and how, which day it speaks of, where it sits
 * in the thread, and what it leaves out.
 */
class ThankYouCompositionTest {

    private static final String USER = "alex.martin@example.net";
    private static final String CONTACT = "marc.lefevre@kardia.example";
    private static final Instant START = Instant.parse("2026-03-10T16:00:00Z");

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(START.plus(Duration.ofHours(3)));
    private Database db;
    private SqlInterviewStore store;
    private SqlMessageHistory history;
    private long uid = 1;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        history = new SqlMessageHistory(db, Set.of(USER));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private TemplateComposer composer(Locale language) {
        RebondConfig.Profile profile = new RebondConfig.Profile("Alex Martin", List.of(USER), language, ZoneId.of("Europe/Paris"),
                "move into product management in digital health", "", List.of(), "Alex Martin");
        return new TemplateComposer(new Templates(null, Path.of("templates")), profile, Policy.defaults(), store, history,
                new NotesParser(), new VocabularyFinder(), "Drafts", clock);
    }

    private void seen(String messageId, Instant at, String from, String fromName, List<String> to, String subject, String text) {
        history.recordAll(List.of(new SeenMessage("INBOX", 1, uid++, messageId, "", List.of(), at, from, fromName, to, subject,
                text.lines().findFirst().orElse(""), text)));
    }

    private Interview marcWithNotes(DebriefNotes notes) {
        seen("<invite@kardia.example>", START.minus(Duration.ofDays(5)), CONTACT, "Marc Lefèvre", List.of(USER),
                "Invitation: information interview", "Marc Lefèvre invites you");
        seen("<confirm@kardia.example>", START.minus(Duration.ofDays(2)), CONTACT, "Marc Lefèvre", List.of(USER),
                "Re: our call", "Hello Alex,\n\nSee you on Tuesday, I will call you.\n\nMarc\n");
        Interview interview = store.save(new Interview(0, "iv-marc", "", 0, null, Interview.State.SCHEDULED, START,
                START.plus(Duration.ofMinutes(30)), "Europe/Paris", false, "Information interview", "", CONTACT,
                new Interview.Person(CONTACT, "Marc Lefèvre"), null, "title says \"information interview\"", "<invite@kardia.example>"));
        store.saveNotes(interview.id(), notes, "<notes@example.net>");
        return interview;
    }

    private static final DebriefNotes NOTES = new DebriefNotes(
            List.of("CE marking takes a third of a product manager's time", "He thinks clinical experience counts for more than a certificate"),
            List.of("Read the health authority's guide to digital medical devices", "Ask him to forward my CV to the product team"),
            List.of(new DebriefNotes.NameGiven("Julie Bernard", "julie@kardia.example", true, true)),
            "https://example.org/health-product-discovery");

    @Test
    void theThankYouGoesFromTheUserToTheContactAloneThreadedToTheirLastMessage() {
        OutgoingMessage draft = composer(Locale.ENGLISH).compose(marcWithNotes(NOTES), Action.THANK_YOU, "tok", "<rebond.tok@example.net>");

        assertThat(draft.destination()).isEqualTo(OutgoingMessage.Destination.DRAFTS);
        assertThat(draft.from().email()).isEqualTo(USER);
        assertThat(draft.to().email()).isEqualTo(CONTACT);
        assertThat(draft.inReplyTo()).isEqualTo("<confirm@kardia.example>");
    }

    @Test
    void theThankYouGreetsMarcAsHeSignsSpeaksOfTodayAndRecallsEachNoteAsASentence() {
        String text = composer(Locale.ENGLISH).compose(marcWithNotes(NOTES), Action.THANK_YOU, "tok", "<rebond.tok@example.net>").text();

        assertThat(text).contains("Hi Marc,\n\nThank you for taking the time to talk with me today;",
                "You explained that CE marking takes a third of a product manager's time.",
                "You also made the point that clinical experience counts for more than a certificate.",
                "As you suggested, I will read the health authority's guide to digital medical devices.",
                "Thank you also for suggesting I talk to Julie Bernard. I will get in touch with Julie, saying that you suggested it,",
                "I came across this article after we spoke and thought of you: https://example.org/health-product-discovery")
                .doesNotContain("Dear Marc Lefèvre", "\n- ");
    }

    @Test
    void theJobAskIsLeftOutOfTheLetterAndNamedInAFirstLineToDelete() {
        String text = composer(Locale.ENGLISH).compose(marcWithNotes(NOTES), Action.THANK_YOU, "tok", "<rebond.tok@example.net>").text();

        assertThat(text).startsWith("[[ DELETE THIS LINE BEFORE SENDING. Left out of this draft: \u201cAsk him to forward my CV to the "
                + "product team\u201d.");
        assertThat(text.substring(text.indexOf("Hi Marc,"))).doesNotContain("CV", "[[");
    }

    @Test
    void aDraftWrittenTheNextDaySaysYesterdayAndInFrenchToo() {
        Interview interview = marcWithNotes(NOTES);
        clock.advance(Duration.ofHours(16));

        String text = composer(Locale.FRENCH).compose(interview, Action.THANK_YOU, "tok", "<rebond.tok@example.net>").text()
                .replace('\u00a0', ' ');

        assertThat(text).startsWith("[[ SUPPRIMEZ CETTE LIGNE AVANT D'ENVOYER.")
                .contains("Bonjour Marc,\n\nMerci d'avoir pris le temps d'échanger avec moi hier ; j'en ai beaucoup appris.",
                        "Merci aussi de m'avoir suggéré de rencontrer Julie Bernard.");
    }

    @Test
    void withoutNotesEveryPlaceToFillIsCountedInTheFirstLine() {
        Interview interview = marcWithNotes(DebriefNotes.NONE);

        String text = composer(Locale.ENGLISH).compose(interview, Action.THANK_YOU, "tok", "<rebond.tok@example.net>").text();

        assertThat(text).startsWith("[[ DELETE THIS LINE BEFORE SENDING. 3 places are left to fill in below, between double brackets. ]]");
        assertThat(DraftNotice.placesToFill(text.substring(text.indexOf("Hi Marc,")))).hasSize(3);
    }

    @Test
    void theKeepPostedDraftsNeverTellTheJobAskEither() {
        String text = composer(Locale.ENGLISH).compose(marcWithNotes(NOTES), Action.keepPosted(1), "tok", "<rebond.tok@example.net>").text();

        assertThat(text).contains("Hi Marc,");
        assertThat(text.substring(text.indexOf("Hi Marc,"))).doesNotContain("CV");
    }
}
