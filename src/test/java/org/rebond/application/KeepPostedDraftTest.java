package org.rebond.application;

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
import org.rebond.compose.Templates;
import org.rebond.compose.TemplateComposer;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.Milestone;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlNewsStore;
import org.rebond.store.SqlOutbox;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * The keeping-you-posted drafts as the daemon makes them (METHOD M7): the runner and the composer
 * on a real SQLite store. Marc suggested Julie, who in turn introduced Paul; each draft tells only
 * what the one before did not, and with nothing new no draft is made, saying why.
 */
class KeepPostedDraftTest {

    private static final String USER = "alex.martin@example.net";
    private static final String MARC = "marc.lefevre@kardia.example";
    private static final String JULIE = "julie.bernard@medilab.example";
    private static final String PAUL = "paul.roy@santeco.example";
    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant FIRST_DUE = START.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(21));
    private static final Instant SECOND_DUE = START.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(90));

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(START);
    private final InMemoryMailDrop mailbox = new InMemoryMailDrop();
    private Database db;
    private SqlInterviewStore store;
    private SqlNewsStore news;
    private ActionRunner runner;
    private Interview marc;
    private long uid = 1;

    private void open(Locale language) {
        db = Database.open(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        news = new SqlNewsStore(db);
        SqlMessageHistory history = new SqlMessageHistory(db, Set.of(USER));
        RebondConfig.Profile profile = new RebondConfig.Profile("Alex Martin", List.of(USER), language, ZoneId.of("Europe/Paris"),
                "move into product management in digital health", "", List.of(), "Alex Martin");
        Policy policy = Policy.defaults();
        TemplateComposer composer = new TemplateComposer(new Templates(null, Path.of("templates")), profile, policy, store, history,
                new NotesParser(), new VocabularyFinder(), "Drafts", clock, news);
        Planner planner = new Planner(policy);
        runner = new ActionRunner(store, new SqlOutbox(db), composer, mailbox, planner, clock, "rebond.test", null,
                new KeepPostedNews(store, news, planner, profile.timeZone()));
        history.recordAll(List.of(new SeenMessage("INBOX", 1, uid++, "<thanks-reply@kardia.example>", "", List.of(),
                START.plus(Duration.ofDays(1)), MARC, "Marc Lefèvre", List.of(USER), "Re: Thank you for our conversation",
                "Hello Alex,", "Hello Alex,\n\nMy pleasure.\n\nMarc\n")));
        marc = interview("iv-marc", START, MARC, "Marc Lefèvre", null);
        store.saveNotes(marc.id(), new DebriefNotes(List.of("Discovery starts with the nurses"), List.of(),
                List.of(new DebriefNotes.NameGiven("Julie Bernard", JULIE, true, true)), ""), "<notes-marc@example.net>");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Interview interview(String uid, Instant start, String email, String name, Interview.Person referrer) {
        return store.save(new Interview(0, uid, "", 0, null, Interview.State.SCHEDULED, start, start.plus(Duration.ofMinutes(30)),
                "Europe/Paris", false, "Information interview", "", email, new Interview.Person(email, name), referrer,
                "title says \"information interview\"", ""));
    }

    /** Julie (suggested by Marc) met on 20 March; she will introduce Paul, met on 27 March. */
    private void theChainOfTwoReferredInterviews() {
        Interview julie = interview("iv-julie", Instant.parse("2026-03-20T10:00:00Z"), JULIE, "Julie Bernard",
                new Interview.Person(MARC, "Marc Lefèvre"));
        store.saveNotes(julie.id(), new DebriefNotes(List.of(), List.of(),
                List.of(new DebriefNotes.NameGiven("Paul Roy", PAUL, true, true, true, true)), ""), "<notes-julie@example.net>");
        interview("iv-paul", Instant.parse("2026-03-27T13:00:00Z"), PAUL, "Paul Roy", new Interview.Person(JULIE, "Julie Bernard"));
    }

    private ActionRunner.Result fire(Action action, Instant at) {
        clock.set(at.plus(Duration.ofMinutes(1)));
        return runner.run(marc.id(), action);
    }

    private String lastDraft() {
        List<InMemoryMailDrop.Stored> drafts = mailbox.drafts();
        return drafts.get(drafts.size() - 1).message().text().replace('\u00a0', ' ');
    }

    @Test
    void theFirstUpdateTellsMarcWhomHeLedToWithNamesAndDates() {
        open(Locale.ENGLISH);
        theChainOfTwoReferredInterviews();

        ActionRunner.Result result = fire(Action.keepPosted(1), FIRST_DUE);

        assertThat(result.kind()).isEqualTo(ActionRunner.Result.Kind.DELIVERED);
        OutgoingMessage draft = mailbox.drafts().get(0).message();
        assertThat(draft.to().email()).isEqualTo(MARC);
        assertThat(draft.from().email()).isEqualTo(USER);
        assertThat(draft.inReplyTo()).isEqualTo("<thanks-reply@kardia.example>");
        assertThat(lastDraft()).contains("Hi Marc,",
                "I met Julie Bernard, whom you suggested, on 20 March; Julie in turn put me in touch with Paul Roy, whom I met on 27 March.",
                "My goal is still the same. I would like to move into product management in digital health. "
                        + "So far I have held 3 information interviews.")
                .doesNotContain("[[");
    }

    @Test
    void theSecondUpdateTellsOnlyWhatIsNewSinceTheFirst() {
        open(Locale.ENGLISH);
        theChainOfTwoReferredInterviews();
        fire(Action.keepPosted(1), FIRST_DUE);
        news.add(new Milestone(0, Instant.parse("2026-05-04T08:00:00Z"), "Signed up for the CE marking course", ""));
        news.add(new Milestone(0, Instant.parse("2026-05-05T08:00:00Z"), "Sent my portfolio to Léa", "someone.else@example.org"));

        ActionRunner.Result result = fire(Action.keepPosted(2), SECOND_DUE);

        assertThat(result.kind()).isEqualTo(ActionRunner.Result.Kind.DELIVERED);
        assertThat(lastDraft()).contains("As promised, here is some more news since my last message",
                        "On 4 May, I signed up for the CE marking course.")
                .doesNotContain("Julie Bernard", "Paul Roy", "portfolio", "[[");
    }

    @Test
    void withNothingNewNoDraftIsMadeAndTheReasonSaysWhenRebondLooksAgain() {
        open(Locale.ENGLISH);

        ActionRunner.Result result = fire(Action.keepPosted(1), FIRST_DUE);

        assertThat(result.kind()).isEqualTo(ActionRunner.Result.Kind.SKIPPED);
        assertThat(result.detail()).isEqualTo("nothing new to tell Marc yet; next look on 8 Jun");
        assertThat(mailbox.drafts()).isEmpty();
        assertThat(store.journalOf(marc.id())).anySatisfy(line -> assertThat(line.detail()).isEqualTo(result.detail()));
    }

    @Test
    void anUpdateAfterOneThatToldEverythingIsNotMadeEither() {
        open(Locale.ENGLISH);
        theChainOfTwoReferredInterviews();
        fire(Action.keepPosted(1), FIRST_DUE);

        ActionRunner.Result result = fire(Action.keepPosted(2), SECOND_DUE);

        assertThat(result.kind()).isEqualTo(ActionRunner.Result.Kind.SKIPPED);
        assertThat(result.detail()).isEqualTo("nothing new to tell Marc yet; no later update is planned");
        assertThat(mailbox.drafts()).hasSize(1);
    }

    @Test
    void inFrenchTheChainReadsInFrench() {
        open(Locale.FRENCH);
        theChainOfTwoReferredInterviews();
        news.add(new Milestone(0, Instant.parse("2026-03-29T08:00:00Z"), "J'ai suivi la formation au marquage CE", MARC));

        fire(Action.keepPosted(1), FIRST_DUE);

        assertThat(lastDraft()).contains("Bonjour Marc,",
                "J'ai rencontré Julie Bernard le 20 mars, comme vous me l'aviez suggéré ; à son tour, Julie m'a fait rencontrer Paul Roy, "
                        + "avec qui j'ai échangé le 27 mars.",
                "J'ai suivi la formation au marquage CE.",
                "Mon objectif reste le même.", "J'ai mené 3 entretiens d'information jusqu'ici.")
                .doesNotContain("[[", " met ", "whom");
    }
}
