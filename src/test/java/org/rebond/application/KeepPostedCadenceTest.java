package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.rebond.domain.DetectionRules;
import org.rebond.domain.HumanHours;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.NotesParser;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.domain.UserCommand;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * The keeping-you-posted drafts follow what happened with the contact (issue 16, METHOD M7): none
 * while the contact's message waits for an answer, a pause after unanswered updates, none at all
 * after {@code rebond done}, and one brought forward by a meeting thanks to the contact.
 */
class KeepPostedCadenceTest {

    private static final String USER = "sam.martin@example.net";
    private static final String CONTACT = "claire.dubois@acme.example";
    private static final String JULIE = "julie.bernard@santé.example";
    private static final Instant START = Instant.parse("2025-12-09T09:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Three updates: three weeks, three months, six months. */
    private static final Policy POLICY = new Policy(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ZERO, Duration.ofHours(2),
            List.of(Duration.ofDays(21), Duration.ofDays(90), Duration.ofDays(180)), Duration.ofMinutes(10), PARIS, HumanHours.DEFAULTS);

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(END.plus(Duration.ofHours(2)));
    private final InMemoryMailDrop mailbox = new InMemoryMailDrop();
    private final Map<String, Instant> triggers = new HashMap<>();
    private Database db;
    private SqlInterviewStore store;
    private SqlOutbox outbox;
    private SqlMessageHistory history;
    private ActionRunner runner;
    private InterviewService service;
    private UserCommands commands;
    private Interview claire;
    private int uid;
    private ActionScheduler book;
    private Planner planner;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        outbox = new SqlOutbox(db);
        history = new SqlMessageHistory(db, Set.of(USER));
        RebondConfig.Profile profile = new RebondConfig.Profile("Sam Martin", List.of(USER), Locale.ENGLISH, PARIS,
                "move into health data", "I build data pipelines", List.of("What does a day look like?"), "Sam");
        TemplateComposer composer = new TemplateComposer(new Templates(null, Path.of("templates")), profile, POLICY, store, history,
                new NotesParser(), new VocabularyFinder(), "Drafts", clock);
        ContactActivities activities = new ContactActivities(store, outbox, history, address -> address.equalsIgnoreCase(USER), clock);
        planner = new Planner(POLICY);
        runner = new ActionRunner(store, outbox, composer, mailbox, planner, clock, "rebond.test",
                new UserWroteFirst(history, address -> address.equalsIgnoreCase(USER)), activities);
        book = new ActionScheduler() {
            @Override
            public void schedule(long interviewId, PlannedAction planned) {
                triggers.put(interviewId + " " + planned.action().key(), planned.due());
            }

            @Override
            public void cancelAll(long interviewId) {
                triggers.keySet().removeIf(k -> k.startsWith(interviewId + " "));
            }
        };
        service = new InterviewService(store, book, new InterviewDetector(DetectionRules.defaults(), Set.of(USER), addr -> false), history,
                planner, PARIS, clock, activities);
        commands = new UserCommands(service, store, null, new KeepPostedStop(service, store, outbox, planner, clock));
        claire = store.save(interview("iv-1@acme.example", START, CONTACT, "Claire Dubois", null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Interview interview(String uid, Instant start, String email, String name, Interview.Person referrer) {
        return new Interview(0, uid, "", 0, null, Interview.State.SCHEDULED, start, start.plus(Duration.ofMinutes(30)), "Europe/Paris",
                false, "Information interview with " + name, "Café de la Gare", email, new Interview.Person(email, name), referrer,
                "title says \"information interview\"", "<" + uid + ">");
    }

    private Instant day(int days) {
        return END.plus(Duration.ofDays(days));
    }

    private void mail(Instant at, String from, String to, String subject) {
        uid++;
        history.recordAll(List.of(new MessageHistory.SeenMessage(from.equals(USER) ? "Sent" : "INBOX", 1, uid, "<m" + uid + "@example.net>", "",
                List.of(), at, from, "", List.of(to), subject, "", "")));
    }

    private Result fire(Action action, Instant at) {
        clock.set(at);
        return runner.run(claire.id(), action);
    }

    @Test
    void aStartReplansEveryInterviewAsOneByOneReadingEachContactsMessagesOnce() {
        store.save(interview("iv-2@acme.example", START.plus(Duration.ofDays(40)), CONTACT, "Claire Dubois", null));
        store.save(interview("iv-j@santé.example", START.plus(Duration.ofDays(60)), JULIE, "Julie Bernard", null));
        store.save(interview("iv-3@acme.example", START.plus(Duration.ofDays(80)), CONTACT, "Claire Dubois", null));
        mail(day(3), CONTACT, USER, "Re: Thank you");
        mail(day(85), USER, CONTACT, "Where I am");
        clock.set(day(100));
        store.all().forEach(service::plan);
        Map<String, Instant> oneByOne = new HashMap<>(triggers);
        triggers.clear();

        CountingHistory counting = new CountingHistory(history);
        InterviewService restarted = new InterviewService(store, book, new InterviewDetector(DetectionRules.defaults(), Set.of(USER), addr -> false),
                counting, planner, PARIS, clock, new ContactActivities(store, outbox, counting, address -> address.equalsIgnoreCase(USER), clock));
        int followed = restarted.replanAll();

        assertThat(followed).isEqualTo(4);
        assertThat(triggers).isEqualTo(oneByOne).isNotEmpty();
        assertThat(counting.reads).containsOnly(Map.entry(CONTACT, 1), Map.entry(JULIE, 1));
    }

    @Test
    void whenTheContactWroteLastNoNewsIsDraftedAndTheUpdateWaitsUntilTheUserHasAnswered() {
        mail(day(3), CONTACT, USER, "Re: Thank you");

        Result waiting = fire(Action.keepPosted(1), day(24));

        assertThat(waiting.kind()).isEqualTo(Result.Kind.WAIT);
        assertThat(waiting.retryAt()).isEqualTo(day(25));
        assertThat(waiting.detail()).isEqualTo("Claire Dubois wrote to you on 12 Dec (subject \"Re: Thank you\"): "
                + "reply to Claire Dubois rather than sending news");
        assertThat(mailbox.drafts()).isEmpty();
        assertThat(outbox.find(claire.id(), Action.keepPosted(1))).isEmpty();

        mail(day(26), USER, CONTACT, "Re: Re: Thank you");
        assertThat(fire(Action.keepPosted(1), day(27)).retryAt()).as("three weeks after the answer").isEqualTo(day(26 + 21));
        assertThat(fire(Action.keepPosted(1), day(26 + 21)).kind()).isEqualTo(Result.Kind.DELIVERED);
        assertThat(mailbox.drafts()).hasSize(1);
    }

    @Test
    void afterTwoUpdatesTheContactLeftUnansweredTheNextOneIsPausedAndStatusCanSayWhy() {
        assertThat(fire(Action.keepPosted(1), day(21)).kind()).isEqualTo(Result.Kind.DELIVERED);
        mail(day(21).plus(Duration.ofHours(1)), USER, CONTACT, "News from Sam");
        Instant second = day(21).plus(Duration.ofHours(1)).plus(Duration.ofDays(90));
        assertThat(fire(Action.keepPosted(2), second).kind()).isEqualTo(Result.Kind.DELIVERED);
        mail(second.plus(Duration.ofHours(1)), USER, CONTACT, "More news from Sam");

        Result paused = fire(Action.keepPosted(3), second.plus(Duration.ofHours(1)).plus(Duration.ofDays(180)));

        assertThat(paused.kind()).isEqualTo(Result.Kind.WAIT);
        assertThat(paused.detail()).isEqualTo("paused: Claire Dubois has not answered your last 2 updates");
        assertThat(mailbox.drafts()).hasSize(2);
    }

    @Test
    void updatesLeftUnansweredAreCountedBeyondTheLatestTwentyMessages() {
        assertThat(fire(Action.keepPosted(1), day(21)).kind()).isEqualTo(Result.Kind.DELIVERED);
        for (int i = 0; i < 24; i++) {
            mail(day(21).plus(Duration.ofHours(1)).plus(Duration.ofMinutes(i)), USER, CONTACT, "News from Sam, part " + (i + 1));
        }

        Result paused = fire(Action.keepPosted(2), day(21).plus(Duration.ofHours(2)).plus(Duration.ofDays(90)));

        assertThat(paused.kind()).isEqualTo(Result.Kind.WAIT);
        assertThat(paused.detail()).isEqualTo("paused: Claire Dubois has not answered your last 24 updates");
    }

    @Test
    void doneSettlesThePendingUpdatesAsSkippedWithTheUsersReasonAndRemovesTheirTriggers() {
        service.plan(claire);
        assertThat(triggers).containsKey(claire.id() + " KEEP_POSTED_1");

        InterviewService.Outcome outcome = commands.apply(new UserCommand(1, UserCommand.Kind.DONE, String.valueOf(claire.id())));

        assertThat(outcome.kind()).isEqualTo(InterviewService.Outcome.Kind.UPDATED);
        for (int n = 1; n <= 3; n++) {
            assertThat(outbox.find(claire.id(), Action.keepPosted(n)).orElseThrow().lastError())
                    .isEqualTo("you said you were done keeping Claire Dubois posted");
        }
        assertThat(triggers.keySet()).noneMatch(k -> k.contains("KEEP_POSTED"));
        assertThat(fire(Action.keepPosted(1), day(21)).kind()).isEqualTo(Result.Kind.ALREADY_DONE);
        assertThat(mailbox.drafts()).isEmpty();
        assertThat(commands.apply(new UserCommand(2, UserCommand.Kind.DONE, String.valueOf(claire.id()))).kind())
                .isEqualTo(InterviewService.Outcome.Kind.DUPLICATE);
    }

    @Test
    void aMeetingWithSomeoneTheContactSuggestedBringsTheirNextUpdateForwardToAWeekAfterIt() {
        service.plan(claire);
        assertThat(triggers.get(claire.id() + " KEEP_POSTED_1")).isEqualTo(day(21));

        Interview julie = store.save(interview("iv-2@sante.example", START.plus(Duration.ofDays(5)), JULIE, "Julie Bernard",
                new Interview.Person(CONTACT, "Claire Dubois")));
        service.plan(julie);

        assertThat(triggers.get(claire.id() + " KEEP_POSTED_1")).isEqualTo(julie.end().plus(Duration.ofDays(7)));
        assertThat(triggers.get(claire.id() + " KEEP_POSTED_2")).as("only the next update").isEqualTo(day(90));
    }

    @Test
    void aSecondMeetingWithTheContactCountsAsTheLatestExchangeWhateverTheCaseOfTheirAddress() {
        Interview again = store.save(interview("iv-2@acme.example", day(10), CONTACT.toUpperCase(Locale.ROOT), "Claire Dubois", null));
        clock.set(day(12));

        service.plan(claire);

        assertThat(triggers.get(claire.id() + " " + Action.keepPosted(1).key()))
                .as("three weeks after the second meeting, not after the first").isEqualTo(again.end().plus(Duration.ofDays(21)));
    }
}
