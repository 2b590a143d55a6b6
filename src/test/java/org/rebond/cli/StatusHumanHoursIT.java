package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.domain.Interview;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;

/**
 * {@code rebond status} the evening of two late interviews in Paris, on 12 June 2025 at 20:30: one ended at 19:30, one
 * ends at 22:00. It says when the prompt and the thank-you are due, in words, and why the human hours moved them.
 */
class StatusHumanHoursIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock EVENING = Clock.fixed(paris("2025-06-12T20:30"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    private Path config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-status", "rw-------");
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, ""));
    }

    private void createState() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        Files.createDirectories(database.getParent());
        try (Database db = Database.open(database)) {
            SqlInterviewStore store = new SqlInterviewStore(db, EVENING);
            store.save(interview("after-work@company.example", paris("2025-06-12T19:00"), paris("2025-06-12T19:30"), "Jane Doe"));
            store.save(interview("late@company.example", paris("2025-06-12T21:30"), paris("2025-06-12T22:00"), "Paul Durand"));
        }
    }

    private static Interview interview(String uid, Instant start, Instant end, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@company.example";
        return new Interview(0, uid, "", 0, Instant.parse("2025-06-01T10:00:00Z"), Interview.State.SCHEDULED, start, end,
                "Europe/Paris", false, "Information interview with " + name, "", email, new Interview.Person(email, name), null,
                "title says \"information interview\"", "");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', value = {
            "en|debrief-prompt  due tomorrow 08:30 (in the morning rather than at night)"
                    + "|thank-you       due tomorrow 08:30 (the interview ended after 19:00)"
                    + "|thank-you       due tomorrow 10:30 (2 h after the morning's debrief prompt, so that your notes can shape it)",
            "fr|demande de notes  prévu demain à 08:30 (le matin plutôt que la nuit)"
                    + "|remerciements     prévu demain à 08:30 (l'entretien a fini après 19:00)"
                    + "|remerciements     prévu demain à 10:30 (2 h après la demande de notes du matin, pour que vos notes puissent l'inspirer)"})
    void statusSaysTheThankYouOfALateInterviewIsDueTomorrowMorningAndWhy(String language, String nightPrompt, String lateThanks,
                                                                        String afterPrompt) throws IOException {
        createState();

        Cli.Result result = Cli.runAt(EVENING, "status", "--config", config(language).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().map(String::strip).toList();
        assertThat(lines).as(result.out()).contains(lateThanks, nightPrompt, afterPrompt);
        // The prompt of the interview that ended at 19:30 comes at its end, with no reason to give.
        assertThat(lines).as(result.out()).containsAnyOf("debrief-prompt  due today 19:30", "demande de notes  prévu aujourd'hui à 19:30");
    }
}
