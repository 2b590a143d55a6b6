package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.rebond.application.ActionRunner.Result;
import org.rebond.compose.TemplateComposer;
import org.rebond.compose.Templates;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * The thank-you draft (issue 15): never a second thanks, and notes that come after it replace the
 * draft only when the user has not touched it, exactly once even when rebond stops half-way.
 */
class ThankYouDraftTest {

    private static final String USER = "sam.martin@example.net";
    private static final String CONTACT = "claire.dubois@acme.example";
    private static final Instant START = Instant.parse("2025-12-09T09:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final Action REVISION = Action.thankYouRevision(1);

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(END.plus(Duration.ofHours(2)));
    private final InMemoryMailDrop mailbox = new InMemoryMailDrop();
    private Database db;
    private SqlInterviewStore store;
    private SqlOutbox outbox;
    private SqlMessageHistory history;
    private TemplateComposer composer;
    private Interview interview;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        outbox = new SqlOutbox(db);
        history = new SqlMessageHistory(db, Set.of(USER));
        RebondConfig.Profile profile = new RebondConfig.Profile("Sam Martin", List.of(USER), Locale.ENGLISH, ZoneId.of("Europe/Paris"),
                "move into health data", "I build data pipelines", List.of("What does a day look like?"), "Sam");
        composer = new TemplateComposer(new Templates(null, Path.of("templates")), profile, Policy.defaults(), store, history,
                new NotesParser(), new VocabularyFinder(), "Drafts", clock);
        interview = store.save(new Interview(0, "iv-1@acme.example", "", 0, null, Interview.State.SCHEDULED, START, END, "Europe/Paris",
                false, "Information interview with Claire", "Café de la Gare", CONTACT, new Interview.Person(CONTACT, "Claire Dubois"),
                null, "title says \"information interview\"", "<invite-1@acme.example>"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ActionRunner runner(MailDrop drop) {
        return new ActionRunner(store, outbox, composer, drop, new Planner(Policy.defaults()), clock, "rebond.test",
                new UserWroteFirst(history, address -> address.equalsIgnoreCase(USER)));
    }

    private ActionRunner runner() {
        return runner(mailbox);
    }

    /** The thank-you is drafted, then notes come: one revision is requested, as InterviewService does. */
    private String thankYouThenLateNotes() {
        assertThat(runner().run(interview.id(), Action.THANK_YOU).kind()).isEqualTo(Result.Kind.DELIVERED);
        String first = mailbox.drafts().get(0).message().messageId();
        store.saveNotes(interview.id(), new NotesParser().parse("Points discussed:\n- Discovery starts with the nurses\n"), "<notes@example.net>");
        assertThat(store.requestDraftRevision(interview.id(), clock.instant())).isEqualTo(1);
        return first;
    }

    private List<String> draftTexts() {
        return mailbox.drafts().stream().map(s -> s.message().text()).toList();
    }

    private List<InterviewStore.JournalLine> journal() {
        return store.journalOf(interview.id());
    }

    @Test
    void noThankYouIsDraftedWhenTheUserAlreadyWroteToTheContactAfterTheInterview() {
        history.recordAll(List.of(new MessageHistory.SeenMessage("Sent", 1, 7, "<mine@example.net>", "", List.of(),
                END.plus(Duration.ofMinutes(40)), USER, "Sam Martin", List.of(CONTACT), "Thanks for this morning!", "Thank you Claire", "")));

        Result result = runner().run(interview.id(), Action.THANK_YOU);

        assertThat(result.kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(mailbox.appendCalls()).isZero();
        assertThat(outbox.find(interview.id(), Action.THANK_YOU).orElseThrow().lastError())
                .isEqualTo("you already wrote to Claire Dubois on 9 Dec (subject \"Thanks for this morning!\"); no thank-you draft made");
    }

    @Test
    void aMessageToTheContactBeforeTheInterviewEndedOrFromSomeoneElseDoesNotStopTheThankYou() {
        history.recordAll(List.of(
                new MessageHistory.SeenMessage("Sent", 1, 7, "<before@example.net>", "", List.of(), START.minus(Duration.ofHours(3)), USER,
                        "Sam Martin", List.of(CONTACT), "See you at 10", "", ""),
                new MessageHistory.SeenMessage("INBOX", 1, 8, "<hers@acme.example>", "", List.of(), END.plus(Duration.ofMinutes(10)), CONTACT,
                        "Claire Dubois", List.of(USER), "Nice meeting you", "", "")));

        assertThat(runner().run(interview.id(), Action.THANK_YOU).kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.drafts()).hasSize(1);
    }

    @Test
    void lateNotesReplaceAnUntouchedThankYouDraftWithANewOne() {
        String first = thankYouThenLateNotes();

        Result result = runner().run(interview.id(), REVISION);

        assertThat(result.kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.drafts()).singleElement().satisfies(d -> {
            assertThat(d.message().messageId()).isNotEqualTo(first).isEqualTo(outbox.find(interview.id(), REVISION).orElseThrow().messageId());
            assertThat(d.message().text()).contains("Discovery starts with the nurses");
        });
        assertThat(outbox.find(interview.id(), REVISION).orElseThrow().replaces()).isEqualTo(first);
        assertThat(runner().run(interview.id(), REVISION).kind()).isEqualTo(Result.Kind.ALREADY_DONE);
        assertThat(journal()).anySatisfy(l -> assertThat(l.event()).isEqualTo("thank-you draft replaced"));
    }

    @Test
    void aThankYouDraftTheUserEditedIsKeptAsTheyLeftItAndStatusSaysSo() {
        String first = thankYouThenLateNotes();
        mailbox.userEdits(first, "Dear Claire,\nMy own words.\nSam");

        Result result = runner().run(interview.id(), REVISION);

        assertThat(result.kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(draftTexts()).containsExactly("Dear Claire,\nMy own words.\nSam");
        assertThat(outbox.find(interview.id(), REVISION).orElseThrow().lastError())
                .isEqualTo("the thank-you draft was kept as you left it; your new notes were not applied to it");
        assertThat(journal()).anySatisfy(l -> assertThat(l.detail()).contains("kept as you left it").contains("you edited it"));
    }

    @Test
    void aThankYouDraftTheUserAlreadySentIsNotWrittenAgain() {
        String first = thankYouThenLateNotes();
        mailbox.userSends(first);

        Result result = runner().run(interview.id(), REVISION);

        assertThat(result.kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(mailbox.drafts()).isEmpty();
        assertThat(mailbox.appendCalls()).isEqualTo(1);
    }

    @Test
    void aStopBetweenTheNewDraftAndTheRemovalOfTheOldOneLeavesOneDraftAfterTheRestart() {
        String first = thankYouThenLateNotes();
        assertThatThrownBy(() -> runner(new StoppingMailDrop(mailbox, StoppingMailDrop.Step.AFTER_APPEND)).run(interview.id(), REVISION))
                .isInstanceOf(StoppingMailDrop.Stopped.class);
        assertThat(mailbox.drafts()).as("both drafts, for the moment").hasSize(2);
        assertThat(outbox.find(interview.id(), REVISION).orElseThrow().state()).isEqualTo(Outbox.State.APPENDING);

        Result restart = runner().run(interview.id(), REVISION);

        assertThat(restart.kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.drafts()).singleElement().satisfies(d -> assertThat(d.message().messageId()).isNotEqualTo(first));
        assertThat(mailbox.appendCalls()).as("the new draft is not appended twice").isEqualTo(2);
        assertThat(outbox.find(interview.id(), REVISION).orElseThrow().state()).isEqualTo(Outbox.State.DONE);
    }

    @Test
    void aStopBeforeTheNewDraftIsAppendedLeavesTheOldOneUntilTheRestartReplacesIt() {
        String first = thankYouThenLateNotes();
        assertThatThrownBy(() -> runner(new StoppingMailDrop(mailbox, StoppingMailDrop.Step.BEFORE_APPEND)).run(interview.id(), REVISION))
                .isInstanceOf(StoppingMailDrop.Stopped.class);
        assertThat(mailbox.drafts()).singleElement().satisfies(d -> assertThat(d.message().messageId()).isEqualTo(first));

        assertThat(runner().run(interview.id(), REVISION).kind()).isEqualTo(Result.Kind.DELIVERED);

        assertThat(mailbox.drafts()).singleElement().satisfies(d -> assertThat(d.message().text()).contains("Discovery starts with the nurses"));
    }

    @Test
    void aStopAfterTheOldDraftWasRemovedIsFinishedOnRestartWithoutLosingTheNewOne() {
        thankYouThenLateNotes();
        assertThatThrownBy(() -> runner(new StoppingMailDrop(mailbox, StoppingMailDrop.Step.AFTER_DELETE)).run(interview.id(), REVISION))
                .isInstanceOf(StoppingMailDrop.Stopped.class);

        assertThat(runner().run(interview.id(), REVISION).kind()).isEqualTo(Result.Kind.DELIVERED);

        assertThat(mailbox.drafts()).singleElement().satisfies(d -> assertThat(d.message().text()).contains("Discovery starts with the nurses"));
        assertThat(outbox.find(interview.id(), REVISION).orElseThrow().state()).isEqualTo(Outbox.State.DONE);
    }

    @Test
    void aSecondRevisionReplacesTheFirstOneAsLongAsItIsUntouched() {
        thankYouThenLateNotes();
        runner().run(interview.id(), REVISION);
        store.saveNotes(interview.id(), new NotesParser().parse("Points discussed:\n- Interoperability is the hard part\n"), "<notes-2@example.net>");
        store.requestDraftRevision(interview.id(), clock.instant());

        assertThat(runner().run(interview.id(), Action.thankYouRevision(2)).kind()).isEqualTo(Result.Kind.DELIVERED);

        assertThat(mailbox.drafts()).singleElement().satisfies(d -> {
            assertThat(d.message().text()).contains("Interoperability is the hard part");
            assertThat(d.message().messageId()).isEqualTo(outbox.find(interview.id(), Action.thankYouRevision(2)).orElseThrow().messageId());
        });
    }

    @Test
    void notesThatComeWhileTheThankYouIsBeingComposedAreInTheDraft() {
        MessageComposer notesArriveMeanwhile = new MessageComposer() {
            private boolean once;

            @Override
            public OutgoingMessage compose(Interview i, Action action, String token, String messageId) {
                OutgoingMessage message = composer.compose(i, action, token, messageId);
                if (!once) {
                    once = true;
                    store.saveNotes(i.id(), new NotesParser().parse("Points discussed:\n- Discovery starts with the nurses\n"),
                            "<notes@example.net>");
                }
                return message;
            }

            @Override
            public Rendered preview(Interview i, Action action) {
                return composer.preview(i, action);
            }
        };
        ActionRunner runner = new ActionRunner(store, outbox, notesArriveMeanwhile, mailbox, new Planner(Policy.defaults()), clock,
                "rebond.test", new UserWroteFirst(history, address -> address.equalsIgnoreCase(USER)));

        assertThat(runner.run(interview.id(), Action.THANK_YOU).kind()).isEqualTo(Result.Kind.DELIVERED);

        assertThat(draftTexts()).singleElement().asString().contains("nurses");
    }

    @Test
    void aRevisionAskedForWhileTheThankYouIsBeingDeliveredWaitsForIt() {
        outbox.begin(interview.id(), Action.THANK_YOU, OutgoingMessage.Destination.DRAFTS, "t-1", "<rebond.t-1@rebond.test>", clock.instant());
        assertThat(store.requestDraftRevision(interview.id(), clock.instant())).isEqualTo(1);

        Result result = runner().run(interview.id(), REVISION);

        assertThat(result.kind()).isEqualTo(Result.Kind.WAIT);
        assertThat(result.retryAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(mailbox.appendCalls()).isZero();
        assertThat(store.settled(interview.id(), REVISION)).as("still to be made").isFalse();
    }
}
