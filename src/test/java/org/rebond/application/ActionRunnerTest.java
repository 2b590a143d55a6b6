package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.rebond.vocabulary.VocabularyFinder;

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

class ActionRunnerTest {

    private static final String USER = "sam.martin@example.net";
    private static final String CONTACT = "claire.dubois@acme.example";
    private static final Instant START = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final Instant BRIEF_DUE = START.minus(Duration.ofHours(24));

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(BRIEF_DUE);
    private final InMemoryMailDrop mailbox = new InMemoryMailDrop();
    private Database db;
    private SqlInterviewStore store;
    private SqlOutbox outbox;
    private TemplateComposer composer;
    private Planner planner;
    private Interview interview;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        outbox = new SqlOutbox(db);
        planner = new Planner(Policy.defaults());
        RebondConfig.Profile profile = new RebondConfig.Profile("Sam Martin", List.of(USER), Locale.ENGLISH, ZoneId.of("Europe/Paris"),
                "move into health data", "I build data pipelines", List.of("What does a day look like?"), "Sam");
        composer = new TemplateComposer(new Templates(null, Path.of("templates")), profile, Policy.defaults(), store,
                new SqlMessageHistory(db, Set.of(USER)), new NotesParser(), new VocabularyFinder(), "Drafts", clock);
        interview = store.save(new Interview(0, "iv-1@acme.example", "", 0, null, Interview.State.SCHEDULED, START, END, "Europe/Paris",
                false, "Information interview with Claire", "Café de la Gare", CONTACT, new Interview.Person(CONTACT, "Claire Dubois"),
                null, "title says \"information interview\"", "<invite-1@acme.example>"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ActionRunner runner(MailDrop drop) {
        return new ActionRunner(store, outbox, composer, drop, planner, clock, "rebond.test");
    }

    private ActionRunner runner() {
        return runner(mailbox);
    }

    private Outbox.Entry entry(Action action) {
        return outbox.find(interview.id(), action).orElseThrow();
    }

    @Test
    void aBriefRunTwiceIsAppendedOnceToTheInbox() {
        Result first = runner().run(interview.id(), Action.BRIEF);
        Result second = runner().run(interview.id(), Action.BRIEF);

        assertThat(first.kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(second.kind()).isEqualTo(Result.Kind.ALREADY_DONE);
        assertThat(mailbox.stored()).singleElement().satisfies(s -> {
            assertThat(s.message().destination()).isEqualTo(OutgoingMessage.Destination.INBOX);
            assertThat(s.message().token()).isEqualTo(entry(Action.BRIEF).token());
            assertThat(s.message().messageId()).isEqualTo("<rebond." + s.message().token() + "@rebond.test>");
            assertThat(s.message().calendar()).contains("METHOD:PUBLISH");
        });
        assertThat(entry(Action.BRIEF).state()).isEqualTo(Outbox.State.DONE);
        assertThat(entry(Action.BRIEF).uid()).isEqualTo(mailbox.stored().get(0).uid());
        assertThat(store.settled(interview.id(), Action.BRIEF)).isTrue();
    }

    @Test
    void aThankYouIsADraftFromTheUserToTheContact() {
        clock.set(END.plus(Duration.ofHours(2)));

        Result result = runner().run(interview.id(), Action.THANK_YOU);

        assertThat(result.kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.stored()).singleElement().extracting(InMemoryMailDrop.Stored::message).satisfies(m -> {
            assertThat(m.destination()).isEqualTo(OutgoingMessage.Destination.DRAFTS);
            assertThat(m.from().email()).isEqualTo(USER);
            assertThat(m.to().email()).isEqualTo(CONTACT);
            assertThat(m.calendar()).isNull();
        });
    }

    @Test
    void aCrashAfterTheOutboxCommitIsFollowedByExactlyOneAppend() {
        assertThatThrownBy(() -> runner(new StoppingMailDrop(mailbox, StoppingMailDrop.Step.BEFORE_APPEND)).run(interview.id(), Action.BRIEF))
                .isInstanceOf(StoppingMailDrop.Stopped.class);
        assertThat(mailbox.appendCalls()).isZero();
        String token = entry(Action.BRIEF).token();
        assertThat(entry(Action.BRIEF).state()).isEqualTo(Outbox.State.APPENDING);

        Result restart = runner().run(interview.id(), Action.BRIEF);

        assertThat(restart.kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.stored()).singleElement().satisfies(s -> assertThat(s.message().token()).isEqualTo(token));
        assertThat(entry(Action.BRIEF).state()).isEqualTo(Outbox.State.DONE);
        assertThat(runner().run(interview.id(), Action.BRIEF).kind()).isEqualTo(Result.Kind.ALREADY_DONE);
        assertThat(mailbox.appendCalls()).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheAppendFindsTheTokenOnRestartAndDoesNotAppendAgain() {
        clock.set(END.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> runner(new StoppingMailDrop(mailbox, StoppingMailDrop.Step.AFTER_APPEND)).run(interview.id(), Action.THANK_YOU))
                .isInstanceOf(StoppingMailDrop.Stopped.class);
        assertThat(entry(Action.THANK_YOU).state()).isEqualTo(Outbox.State.APPENDING);

        Result restart = runner().run(interview.id(), Action.THANK_YOU);

        assertThat(restart.kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(restart.detail()).contains("found");
        assertThat(mailbox.appendCalls()).isEqualTo(1);
        assertThat(mailbox.stored()).hasSize(1);
        assertThat(entry(Action.THANK_YOU).state()).isEqualTo(Outbox.State.DONE);
        assertThat(entry(Action.THANK_YOU).uid()).isEqualTo(mailbox.stored().get(0).uid());
    }

    @Test
    void anAppendWhoseTaggedOkIsLostIsFoundByItsTokenAndNotAppendedTwice() {
        mailbox.loseTheNextTaggedOk();

        Result first = runner().run(interview.id(), Action.BRIEF);
        assertThat(first.kind()).isEqualTo(Result.Kind.RETRY);
        assertThat(entry(Action.BRIEF).state()).isEqualTo(Outbox.State.APPENDING);

        clock.set(first.retryAt());
        Result retry = runner().run(interview.id(), Action.BRIEF);

        assertThat(retry.kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.appendCalls()).isEqualTo(1);
        assertThat(mailbox.stored()).hasSize(1);
        assertThat(entry(Action.BRIEF).state()).isEqualTo(Outbox.State.DONE);
    }

    @Test
    void anAppendRefusedOverQuotaIsRetriedWithAGrowingBackoffAndNeverMarkedDone() {
        mailbox.refuseAppendsWith(new IllegalStateException("NO [OVERQUOTA] Mailbox is full"));
        clock.set(END.plus(Duration.ofHours(2)));

        Result first = runner().run(interview.id(), Action.THANK_YOU);
        clock.set(first.retryAt());
        Result second = runner().run(interview.id(), Action.THANK_YOU);
        clock.set(second.retryAt());
        Result third = runner().run(interview.id(), Action.THANK_YOU);

        assertThat(List.of(first, second, third)).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Result.Kind.RETRY);
            assertThat(r.detail()).contains("OVERQUOTA");
        });
        assertThat(Duration.between(END.plus(Duration.ofHours(2)), first.retryAt())).isEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.between(first.retryAt(), second.retryAt())).isEqualTo(Duration.ofMinutes(2));
        assertThat(Duration.between(second.retryAt(), third.retryAt())).isEqualTo(Duration.ofMinutes(4));
        assertThat(entry(Action.THANK_YOU).state()).isEqualTo(Outbox.State.APPENDING);
        assertThat(entry(Action.THANK_YOU).attempts()).isEqualTo(3);
        assertThat(entry(Action.THANK_YOU).lastError()).contains("OVERQUOTA");
        assertThat(store.settled(interview.id(), Action.THANK_YOU)).isFalse();

        mailbox.acceptAppends();
        clock.set(third.retryAt());
        assertThat(runner().run(interview.id(), Action.THANK_YOU).kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.stored()).hasSize(1);
        assertThat(entry(Action.THANK_YOU).state()).isEqualTo(Outbox.State.DONE);
        assertThat(entry(Action.THANK_YOU).lastError()).isNull();
    }

    @Test
    void aBriefWhoseAppendFailedIsSkippedOnRetryOnceTheInterviewHasStarted() {
        mailbox.refuseAppendsWith(new IllegalStateException("connection reset"));
        Result first = runner().run(interview.id(), Action.BRIEF);
        assertThat(first.kind()).isEqualTo(Result.Kind.RETRY);

        mailbox.acceptAppends();
        clock.set(START.plus(Duration.ofMinutes(5)));
        Result retry = runner().run(interview.id(), Action.BRIEF);

        assertThat(retry.kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(mailbox.stored()).isEmpty();
        assertThat(entry(Action.BRIEF).state()).isEqualTo(Outbox.State.SKIPPED);
    }

    @Test
    void aThankYouWhoseAppendFailedIsNotRetriedAfterTheInterviewWasCancelled() {
        mailbox.refuseAppendsWith(new IllegalStateException("NO [OVERQUOTA] Mailbox is full"));
        clock.set(END.plus(Duration.ofHours(2)));
        assertThat(runner().run(interview.id(), Action.THANK_YOU).kind()).isEqualTo(Result.Kind.RETRY);

        store.save(interview.withState(Interview.State.CANCELLED));
        mailbox.acceptAppends();
        Result retry = runner().run(interview.id(), Action.THANK_YOU);

        assertThat(retry.kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(mailbox.stored()).isEmpty();
        assertThat(store.settled(interview.id(), Action.THANK_YOU)).isTrue();
    }

    @Test
    void theBackoffIsCappedAtSixHours() {
        assertThat(ActionRunner.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ActionRunner.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(ActionRunner.backoff(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(ActionRunner.backoff(10)).isEqualTo(Duration.ofHours(6));
        assertThat(ActionRunner.backoff(10_000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void anActionOfACancelledInterviewIsSkippedAndRecorded() {
        store.save(interview.withState(Interview.State.CANCELLED));
        clock.set(END.plus(Duration.ofHours(2)));

        Result result = runner().run(interview.id(), Action.THANK_YOU);

        assertThat(result.kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(mailbox.appendCalls()).isZero();
        assertThat(entry(Action.THANK_YOU).state()).isEqualTo(Outbox.State.SKIPPED);
        assertThat(runner().run(interview.id(), Action.THANK_YOU).kind()).isEqualTo(Result.Kind.ALREADY_DONE);
    }

    @Test
    void aBriefThatFiresAfterDowntimeForAPastInterviewIsSkipped() {
        clock.set(START.plus(Duration.ofDays(2)));

        Result result = runner().run(interview.id(), Action.BRIEF);

        assertThat(result.kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(mailbox.appendCalls()).isZero();
        assertThat(store.settled(interview.id(), Action.BRIEF)).isTrue();
    }

    @Test
    void anActionFiringEarlyWaitsWithoutWritingAnything() {
        clock.set(BRIEF_DUE.minus(Duration.ofDays(1)));

        Result result = runner().run(interview.id(), Action.BRIEF);

        assertThat(result.kind()).isEqualTo(Result.Kind.WAIT);
        assertThat(result.retryAt()).isEqualTo(BRIEF_DUE);
        assertThat(outbox.find(interview.id(), Action.BRIEF)).isEmpty();
        assertThat(mailbox.appendCalls()).isZero();
    }

    @Test
    void anActionOfAnInterviewThatNoLongerExistsIsSkipped() {
        assertThat(runner().run(interview.id() + 99, Action.BRIEF).kind()).isEqualTo(Result.Kind.SKIPPED);
        assertThat(mailbox.appendCalls()).isZero();
    }
}
