package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.application.OutgoingMessage;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.DebriefNotes.NameGiven;
import org.rebond.domain.Interview;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlOutbox;

/**
 * The progress block of {@code rebond status} (M2) on a real SQLite state, on Wednesday 11 June 2025: Claire Dubois met on
 * 2 June gave two names the user may keep (Lou Kim, met on 16 June, and Anne Roy) and one not to keep; Paul Durand met on
 * 20 May gave none, and his first keep-posted draft is already made.
 */
class StatusProgressIT {

    private static final Clock ELEVENTH_OF_JUNE = Clock.fixed(Instant.parse("2025-06-11T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-status", "rw-------");
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, ""));
    }

    private SqlInterviewStore store(Database db) throws IOException {
        return new SqlInterviewStore(db, ELEVENTH_OF_JUNE);
    }

    private Database database() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        Files.createDirectories(database.getParent());
        return Database.open(database);
    }

    private void createState() throws IOException {
        try (Database db = database()) {
            SqlInterviewStore store = store(db);
            Interview.Person claire = new Interview.Person("claire.dubois@acme.example", "Claire Dubois");
            long claireId = store.save(interview("claire-1@acme.example", Instant.parse("2025-06-02T08:00:00Z"), claire, null)).id();
            store.saveNotes(claireId, new DebriefNotes(List.of("the team uses FHIR"), List.of(), List.of(
                    new NameGiven("Lou Kim", "lou.kim@medi.example", true, true, true, false),
                    new NameGiven("Anne Roy", "", true, true, false, true),
                    new NameGiven("Max Secret", "max@secret.example", false, false, false, false)), ""), "<notes-1@example.org>");
            long paul = store.save(interview("paul-1@health.example", Instant.parse("2025-05-20T08:00:00Z"),
                    new Interview.Person("paul.durand@health.example", "Paul Durand"), null)).id();
            store.saveNotes(paul, new DebriefNotes(List.of("hospitals buy through tenders"), List.of(), List.of(), ""), "<notes-2@example.org>");
            SqlOutbox outbox = new SqlOutbox(db);
            var news = outbox.begin(paul, Action.keepPosted(1), OutgoingMessage.Destination.DRAFTS, "token-news", "<news-2@example.org>",
                    Instant.parse("2025-06-10T08:30:00Z"));
            outbox.markDone(news.id(), 12, Instant.parse("2025-06-10T08:30:00Z"));
            store.save(interview("lou-1@medi.example", Instant.parse("2025-06-16T12:00:00Z"),
                    new Interview.Person("lou.kim@medi.example", "Lou Kim"), claire));
        }
    }

    private static Interview interview(String uid, Instant start, Interview.Person contact, Interview.Person referrer) {
        return new Interview(0, uid, "", 0, Instant.parse("2025-05-01T10:00:00Z"), Interview.State.SCHEDULED, start,
                start.plusSeconds(1800), "Europe/Paris", false, "Coffee with " + contact.name(), "", contact.email(), contact, referrer,
                "title says \"information interview\"", "");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', value = {
            "en|Progress:"
                    + "|2 information interviews held, 1 to come"
                    + "|held per week since Mon 21 Apr 2025, this week last: 0 0 0 0 1 0 1 0"
                    + "|names obtained: 1 per interview on average over 2 interviews with notes (the method aims for two or three);"
                    + " latest: Claire Dubois (2), Paul Durand (0)"
                    + "|1 of 2 names led to an interview"
                    + "|due news, soonest first:"
                    + "|Claire Dubois — Mon 23 Jun 2025 10:30 (keep-posted #1 of interview #1)"
                    + "|Paul Durand — Mon 18 Aug 2025 10:30 (keep-posted #2 of interview #2)",
            "fr|Progression :"
                    + "|2 entretiens d'information tenus, 1 à venir"
                    + "|tenus par semaine depuis le lun. 21 avr. 2025, cette semaine en dernier : 0 0 0 0 1 0 1 0"
                    + "|noms obtenus : 1 par entretien en moyenne sur 2 entretiens avec notes (la méthode en vise deux ou trois) ;"
                    + " derniers : Claire Dubois (2), Paul Durand (0)"
                    + "|1 nom sur 2 a mené à un entretien"
                    + "|à tenir au courant, au plus proche d'abord :"
                    + "|Claire Dubois — lun. 23 juin 2025 10:30 (nouvelles #1 de l'entretien #1)"
                    + "|Paul Durand — lun. 18 août 2025 10:30 (nouvelles #2 de l'entretien #2)"})
    void statusShowsTheProgressHeldPerWeekNamesPerInterviewNamesThatLedToAnInterviewAndWhoIsDueNews(
            String language, String heading, String held, String perWeek, String names, String led, String newsHeading, String claire,
            String paul) throws IOException {
        createState();

        Cli.Result result = Cli.runAt(ELEVENTH_OF_JUNE, "status", "--config", config(language).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().map(String::strip).toList();
        int block = lines.indexOf(heading);
        assertThat(block).as(result.out()).isPositive();
        assertThat(lines.subList(block + 1, lines.size())).as(result.out())
                .startsWith(held, perWeek, names, led, newsHeading, claire, paul);
        assertThat(result.out()).as("the old one-line progress is gone").doesNotContain("(s) held").doesNotContain("tenu(s)");
        assertThat(lines).as("Max Secret was not to be kept: two names, not three").doesNotContain("1 of 3 names led to an interview");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', value = {
            "en|No information interview held yet, 1 to come. Most people are at ease only after three or four: the first one is the hardest.",
            "fr|Aucun entretien d'information tenu pour l'instant, 1 à venir. On n'est à l'aise qu'après trois ou quatre, en général :"
                    + " le premier est le plus difficile."})
    void beforeTheFirstInterviewIsHeldTheProgressSaysSoAndThatTheFirstIsTheHardest(String language, String line) throws IOException {
        try (Database db = database()) {
            store(db).save(interview("lou-1@medi.example", Instant.parse("2025-06-16T12:00:00Z"),
                    new Interview.Person("lou.kim@medi.example", "Lou Kim"), null));
        }

        Cli.Result result = Cli.runAt(ELEVENTH_OF_JUNE, "status", "--config", config(language).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().map(String::strip).toList();
        assertThat(lines).as(result.out()).contains(line);
        assertThat(result.out()).as("nothing held, so no weeks, names nor news").doesNotContain("per week").doesNotContain("par semaine")
                .doesNotContain("due news").doesNotContain("tenir au courant");
    }
}
