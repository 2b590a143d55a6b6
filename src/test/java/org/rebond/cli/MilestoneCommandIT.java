package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.domain.Interview;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;

/**
 * {@code rebond milestone} as a user runs it, with no daemon: a step recorded for everyone, one for
 * the contact of interview #1 only, the list of them; in English and in French. It is 4 May 2030.
 */
class MilestoneCommandIT {

    private static final Clock MAY_4 = Clock.fixed(Instant.parse("2030-05-04T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private long interview;

    @BeforeEach
    void oneInterviewHeld() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        Files.createDirectories(database.getParent());
        Instant start = Instant.parse("2030-03-10T13:00:00Z");
        try (Database db = Database.open(database)) {
            interview = new SqlInterviewStore(db, MAY_4).save(new Interview(0, "iv-1@company.example", "", 0, start,
                    Interview.State.SCHEDULED, start, start.plusSeconds(30 * 60), "Europe/Paris", false, "Information interview", "",
                    "jane.doe@company.example", new Interview.Person("jane.doe@company.example", "Jane Doe"), null,
                    "title says \"information interview\"", "")).id();
        }
    }

    private String config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-milestone", "rw-------");
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, "")).toString();
    }

    @Test
    void aStepIsRecordedForEveryoneOrForOneContactAndListed() throws IOException {
        String config = config("en");

        Cli.Result everyone = Cli.runAt(MAY_4, "milestone", "Signed up for the CE marking course", "--config", config);
        Cli.Result forJane = Cli.runAt(MAY_4, "milestone", "Sent Jane's team my notes on FHIR", "--contact", Long.toString(interview),
                "--config", config);
        Cli.Result list = Cli.runAt(MAY_4, "milestone", "--list", "--config", config);

        assertThat(everyone.exitCode()).isZero();
        assertThat(everyone.out()).contains("Step recorded (#1, 4 May 2030): \"Signed up for the CE marking course\".",
                "The next keeping-you-posted drafts will tell it, once to each person.");
        assertThat(forJane.out()).contains("Only the next keeping-you-posted draft to Jane Doe will tell it.");
        assertThat(list.out()).contains("#1  4 May 2030  for everyone  Signed up for the CE marking course",
                "#2  4 May 2030  for jane.doe@company.example  Sent Jane's team my notes on FHIR");
    }

    @Test
    void inFrenchTheCommandAnswersInFrenchAndAnUnknownInterviewIsRefused() throws IOException {
        String config = config("fr");

        Cli.Result recorded = Cli.runAt(MAY_4, "milestone", "J'ai suivi la formation au marquage CE", "--config", config);
        Cli.Result unknown = Cli.runAt(MAY_4, "milestone", "Relancé Paul", "--contact", "42", "--config", config);
        Cli.Result neither = Cli.runAt(MAY_4, "milestone", "--config", config);

        assertThat(recorded.out().replace('\u00a0', ' ')).contains("Étape notée (#1, 4 mai 2030) : « J'ai suivi la formation au marquage CE ».",
                "Les prochains brouillons « je vous tiens au courant » la raconteront");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(unknown.err()).contains("aucun entretien #42");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("donnez soit une étape entre guillemets, soit --list");
    }
}
