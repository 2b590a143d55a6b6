package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;
import org.rebond.vocabulary.VocabularyFinder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/**
 * The brief as the daemon composes it (the same composer, a real SQLite store and message history),
 * read for what a user notices: where it sits in the thread, what it counts, whom it cautions about.
 */
class BriefCompositionTest {

    private static final String USER = "sam.martin@example.net";
    private static final String CONTACT = "claire.dubois@acme-health.example";
    private static final String REFERRER = "paul.lenoir@lumen.example";
    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    private static final String INVITATION = "<invite-1@acme-health.example>";

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(START.minus(Duration.ofHours(24)));
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
        RebondConfig.Profile profile = new RebondConfig.Profile("Sam Martin", List.of(USER), language, ZoneId.of("Europe/Paris"),
                "move into health data", "I build data pipelines", language == Locale.FRENCH
                ? List.of("À quoi ressemble une semaine ordinaire pour vous ?", "Qui d'autre devrais-je rencontrer ?")
                : List.of("What does an ordinary week look like for you?", "Who else should I talk to?"), "Sam");
        return new TemplateComposer(new Templates(null, Path.of("templates")), profile, Policy.defaults(), store, history,
                new NotesParser(), new VocabularyFinder(), "Drafts", clock);
    }

    private Interview interview(String id, Instant start, String contact, String name, Interview.Person referrer) {
        return store.save(new Interview(0, id, "", 0, null, Interview.State.SCHEDULED, start, start.plus(Duration.ofMinutes(30)),
                "Europe/Paris", false, "Information interview", "Café de la Gare", contact, new Interview.Person(contact, name),
                referrer, "title says \"information interview\"", id.equals("iv-claire") ? INVITATION : ""));
    }

    private void seen(String folder, String messageId, Instant at, String from, String fromName, List<String> to, String subject,
                      String text, String... references) {
        history.recordAll(List.of(new SeenMessage(folder, 1, uid++, messageId, references.length == 0 ? "" : references[references.length - 1],
                List.of(references), at, from, fromName, to, subject, text.lines().findFirst().orElse(""), text)));
    }

    /** An introduction by Paul, Claire's answer with her signature, the invitation, and a draft and a brief of rebond's. */
    private Interview claireIntroducedByPaul(String title) {
        Instant day = START.minus(Duration.ofDays(6));
        seen("INBOX", "<intro@lumen.example>", day, REFERRER, "Paul Lenoir", List.of(USER, CONTACT), "Introduction: Sam / Claire",
                "Hello Sam, hello Claire,\n\nLet me put you in touch. Claire leads the patient data platform at Acme Health.\n\nPaul");
        seen("INBOX", "<reply@acme-health.example>", day.plus(Duration.ofDays(1)), CONTACT, "Claire Dubois", List.of(USER),
                "Re: Introduction: Sam / Claire", "Hello Sam,\n\nWith pleasure.\n\n--\nClaire Dubois\n" + title + ", Acme Health\n"
                        + "https://www.linkedin.com/in/claire-dubois-data\n+33 6 11 22 33 44", "<intro@lumen.example>");
        seen("INBOX", INVITATION, day.plus(Duration.ofDays(2)), CONTACT, "Claire Dubois", List.of(USER),
                "Invitation: Information interview", "Claire Dubois invites you", "<intro@lumen.example>", "<reply@acme-health.example>");
        seen("Drafts", "<rebond.tok-9@example.net>", day.plus(Duration.ofDays(3)), USER, "Sam Martin", List.of(CONTACT),
                "Thank you", "Dear Claire, thank you");
        seen("Archive", "<reply@acme-health.example>", day.plus(Duration.ofDays(1)), CONTACT, "Claire Dubois", List.of(USER),
                "Re: Introduction: Sam / Claire", "Hello Sam,\n\nWith pleasure.");
        return interview("iv-claire", START, CONTACT, "Claire Dubois", new Interview.Person(REFERRER, "Paul Lenoir"));
    }

    private OutgoingMessage brief(Interview interview, Locale language) {
        return composer(language).compose(interview, Action.BRIEF, "tok-1", "<rebond.tok-1@example.net>");
    }

    @Test
    void theBriefRepliesToTheInvitationSoItSitsInItsThread() {
        OutgoingMessage brief = brief(claireIntroducedByPaul("Data Product Manager"), Locale.ENGLISH);

        assertThat(brief.inReplyTo()).isEqualTo(INVITATION);
        assertThat(brief.references()).containsExactly("<intro@lumen.example>", "<reply@acme-health.example>", INVITATION);
        assertThat(brief.subject()).startsWith("Claire Dubois, Tue 10 Mar, ").endsWith(": prep for your 1st information interview");
    }

    @Test
    void theHistoryLeavesOutTheInvitationRebondsOwnDraftsAndCopiesOfOneMessage() {
        String text = brief(claireIntroducedByPaul("Data Product Manager"), Locale.ENGLISH).text();

        assertThat(text).contains("Claire wrote: \"Re: Introduction: Sam / Claire\"", "Paul Lenoir wrote: \"Introduction: Sam / Claire\"")
                .doesNotContain("Invitation: Information interview", "Dear Claire, thank you");
        assertThat(text.split("Re: Introduction: Sam / Claire", -1)).as("the copy in Archive is not listed again").hasSize(2);
    }

    @Test
    void theCardSaysWhoIntroducedTheUserWithALineOfTheIntroductionAndWhereToLookThemUp() {
        String text = brief(claireIntroducedByPaul("Data Product Manager"), Locale.ENGLISH).text();

        assertThat(text).contains("Data Product Manager, Acme Health", "Phone: +33 6 11 22 33 44",
                "On linkedin.com: https://www.linkedin.com/in/claire-dubois-data",
                "Paul Lenoir introduced you on 4 March: \"Claire leads the patient data platform at Acme Health.\"",
                "- Acme Health's site: https://acme-health.example/", "Paul Lenoir put us in touch.");
    }

    @Test
    void theOrdinalCountsOnlyInterviewsAlreadyHeldAndASeniorTitleEarlyBringsACautionNamingWhomToSeeFirst() {
        Interview earlier = interview("iv-lou", START.minus(Duration.ofDays(20)), "lou@clinic.example", "Lou Kim", null);
        store.saveNotes(earlier.id(), new DebriefNotes(List.of("Data quality is the daily work"), List.of(), List.of(
                new DebriefNotes.NameGiven("Nina Roy", "nina@lab.example", true, true)), ""), "<notes@example.net>");
        interview("iv-later", START.minus(Duration.ofHours(2)), "ahmed@acme.example", "Ahmed Benali", null);
        Interview claire = claireIntroducedByPaul("Head of Data Products");

        String english = brief(claire, Locale.ENGLISH).text();
        String french = brief(claire, Locale.FRENCH).text();

        assertThat(english).contains("This will be your 2nd information interview (1 held so far).",
                "CAUTION: A SENIOR CONTACT, EARLY IN YOUR SEQUENCE", "\"Head of Data Products\", reads senior",
                "Consider seeing Nina Roy first");
        assertThat(french.replace('\u00a0', ' ')).contains("Ce sera votre 2e entretien d'information (1 déjà mené).",
                "« Head of Data Products », laisse penser", "Envisagez de voir d'abord Nina Roy");
    }

    @ParameterizedTest(name = "introduces={0}")
    @CsvSource(delimiter = '|', value = {
            "false|Lou Kim suggested you contact Nina when you met on 18 February.|Lou Kim suggested I talk to you.",
            "true|Lou Kim introduced you.|Lou Kim put us in touch."})
    void aContactNamedInADebriefIsIntroducedWhenTheGiverSaidTheyWouldIntroduceAndSuggestedOtherwise(boolean introduces, String card,
                                                                                                      String opening) {
        Interview.Person lou = new Interview.Person("lou@clinic.example", "Lou Kim");
        Interview earlier = interview("iv-lou", START.minus(Duration.ofDays(20)), lou.email(), lou.name(), null);
        store.saveNotes(earlier.id(), new DebriefNotes(List.of("Data quality is the daily work"), List.of(), List.of(
                new DebriefNotes.NameGiven("Nina Roy", "nina@lab.example", true, true, true, introduces)), ""), "<notes@example.net>");
        Interview nina = interview("iv-nina", START, "nina@lab.example", "Nina Roy", lou);

        String text = brief(nina, Locale.ENGLISH).text();

        assertThat(text).contains(card, opening);
    }

    @Test
    void aSeniorContactAfterTheFirstThreeInterviewsBringsNoCaution() {
        for (int i = 1; i <= 3; i++) {
            interview("iv-" + i, START.minus(Duration.ofDays(30L * i)), "p" + i + "@clinic.example", "Person " + i, null);
        }
        String text = brief(claireIntroducedByPaul("Head of Data Products"), Locale.ENGLISH).text();

        assertThat(text).contains("This will be your 4th information interview (3 held so far).").doesNotContain("CAUTION");
    }

    @Test
    void questionsAreAskedOnceAndTheNamesAskIsLeftToTheClosing() {
        String text = brief(claireIntroducedByPaul("Data Product Manager"), Locale.ENGLISH).text();

        assertThat(text.split("ordinary week", -1)).as("the user's question and the built-in one are one question").hasSize(2);
        assertThat(text).doesNotContain("Who else should I talk to?").contains("BEFORE YOU LEAVE: TWO OR THREE NAMES");
    }

    @Test
    void theWholeFrenchBriefUsesNoBreakSpacesAndNoEnglishSentence() {
        String text = brief(claireIntroducedByPaul("Data Product Manager"), Locale.FRENCH).text();

        assertThat(text).contains("Lieu\u00a0: Café de la Gare", "Téléphone\u00a0: +33", "Demain à 10:00",
                        "Site d'Acme Health\u00a0: https://acme-health.example/")
                .doesNotContain(" :", " ?", "Phone", "wrote", "Tomorrow", "Prep");
        List<String> englishLines = new ArrayList<>();
        for (String line : text.replaceAll("«[^»]*»", "«»").split("\n")) { // quoted mail is the people's own words
            if (line.matches(".*\\b(the|you|your|with|and)\\b.*") && !line.contains("http") && !line.contains("Introduction: Sam")) {
                englishLines.add(line);
            }
        }
        assertThat(englishLines).isEmpty();
    }

    @Test
    void thePrepEventIsTitledWithoutATimeAndRemindsTheUser() {
        OutgoingMessage brief = brief(claireIntroducedByPaul("Data Product Manager"), Locale.ENGLISH);

        assertThat(brief.calendar()).contains("SUMMARY:Prepare: information interview with Claire Dubois\r\n", "BEGIN:VALARM",
                "TRIGGER;RELATED=START:-PT10M");
    }
}
