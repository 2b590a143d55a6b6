package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.OutgoingMessage;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;

/**
 * {@code rebond status} and {@code rebond preview} on a real SQLite state, written through the stores the daemon uses:
 * one interview to come (10 March 2030, 14:00 in Paris), one held (5 November 2024) with its brief and prompt done and
 * its thank-you skipped, and one quarantined invitation.
 */
class StatusAndPreviewIT {

    private static final Instant COMING_START = Instant.parse("2030-03-10T13:00:00Z");
    private static final Instant HELD_START = Instant.parse("2024-11-05T09:00:00Z");

    @TempDir
    Path dir;

    private long coming;
    private long held;

    private Path config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-status", "rw-------");
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, ""));
    }

    private Path database() {
        return dir.resolve("state").resolve("rebond.db");
    }

    private void createState() throws IOException {
        Files.createDirectories(database().getParent());
        try (Database db = Database.open(database())) {
            SqlInterviewStore store = new SqlInterviewStore(db, Clock.systemUTC());
            coming = store.save(new Interview(0, "coming-1@company.example", "", 0, Instant.parse("2030-02-01T10:00:00Z"),
                    Interview.State.SCHEDULED, COMING_START, COMING_START.plusSeconds(45 * 60), "Europe/Paris", false,
                    "Information interview with Jane Doe", "Café des Arts", "jane.doe@company.example",
                    new Interview.Person("jane.doe@company.example", "Jane Doe"),
                    new Interview.Person("marie.lefevre@example.net", "Marie Lefèvre"),
                    "title says \"information interview\"", "<invite-1@company.example>")).id();
            held = store.save(new Interview(0, "held-2@health.example", "", 1, Instant.parse("2024-10-20T10:00:00Z"),
                    Interview.State.SCHEDULED, HELD_START, HELD_START.plusSeconds(30 * 60), "Europe/Paris", false,
                    "Entretien d'information", "", "paul.durand@health.example",
                    new Interview.Person("paul.durand@health.example", "Paul Durand"), null,
                    "title says \"entretien d'information\"", "<invite-2@health.example>")).id();
            SqlOutbox outbox = new SqlOutbox(db);
            var brief = outbox.begin(held, Action.BRIEF, OutgoingMessage.Destination.INBOX, "token-brief", "<brief-2@example.org>",
                    Instant.parse("2024-11-04T09:00:00Z"));
            outbox.markDone(brief.id(), 11, Instant.parse("2024-11-04T09:00:00Z"));
            outbox.markSkipped(held, Action.THANK_YOU, "the Drafts folder refused the message", Instant.parse("2024-11-05T11:30:00Z"));
            new SqlQuarantine(db, Clock.systemUTC()).add("INBOX", "uid 17", "calendar part larger than max_calendar_part_bytes (1 MiB)");
        }
    }

    @Test
    void statusShowsEachInterviewItsContactEachActionWithItsDueTimeInTheProfileZoneAndTheQuarantine() throws IOException {
        createState();

        Cli.Result result = Cli.run("status", "--config", config("en").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().map(String::strip).toList();
        assertThat(lines.get(0)).isEqualTo("rebond — 2 interviews followed, times in Europe/Paris");
        assertThat(lines.get(1)).as("no daemon holds this state, so status claims no connection")
                .startsWith("rebond is not running on this state. Start it with systemctl start rebond, or rebond run --config ");
        assertThat(lines).containsSubsequence(
                "#" + held + "  Tue 5 Nov 2024 10:00  Entretien d'information",
                "with Paul Durand <paul.durand@health.example>",
                "state: followed — title says \"entretien d'information\"",
                "notes: not yet",
                "brief           done Mon 4 Nov 2024 10:00",
                "thank-you       skipped: the Drafts folder refused the message",
                "debrief-prompt  due Tue 5 Nov 2024 10:30",
                "keep-posted #1  due Tue 26 Nov 2024 10:30",
                "keep-posted #2  due Mon 3 Feb 2025 10:30",
                "#" + coming + "  Sun 10 Mar 2030 14:00  Information interview with Jane Doe",
                "with Jane Doe <jane.doe@company.example>",
                "introduced by Marie Lefèvre",
                "state: followed — title says \"information interview\"",
                "brief           due Sat 9 Mar 2030 14:00",
                "debrief-prompt  due Sun 10 Mar 2030 14:45",
                "thank-you       due Sun 10 Mar 2030 16:45",
                // 21 days after the end: summer time has begun in Paris (UTC+2)
                "keep-posted #1  due Sun 31 Mar 2030 15:45",
                "keep-posted #2  due Sat 8 Jun 2030 15:45",
                "Progress:",
                "1 information interview held, 1 to come",
                "names obtained: no debrief notes yet (reply to the debrief prompt, or rebond notes ID)",
                "due news, soonest first:",
                "Paul Durand — Tue 26 Nov 2024 10:30 (keep-posted #1 of interview #" + held + ")",
                "Set aside (not processed, with the reason):",
                "INBOX uid 17: calendar part larger than max_calendar_part_bytes (1 MiB)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void statusSpeaksFrenchWhenTheProfileLanguageIsFrench() throws IOException {
        createState();

        Cli.Result result = Cli.run("status", "--config", config("fr").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().map(String::strip).toList();
        assertThat(lines.get(0)).isEqualTo("rebond — 2 entretiens suivis, heures en Europe/Paris");
        assertThat(lines.get(1)).startsWith("rebond ne tourne pas sur cet état. Pour le lancer : systemctl start rebond, ou rebond run --config ");
        assertThat(lines).containsSubsequence(
                "#" + held + "  mar. 5 nov. 2024 10:00  Entretien d'information",
                "avec Paul Durand <paul.durand@health.example>",
                "état : suivi — le titre dit « entretien d'information »",
                "notes : pas encore",
                "préparation       fait le lun. 4 nov. 2024 10:00",
                "remerciements     sauté : « the Drafts folder refused the message » (raison notée en anglais)",
                "demande de notes  prévu le mar. 5 nov. 2024 10:30",
                "nouvelles #1      prévu le mar. 26 nov. 2024 10:30",
                "nouvelles #2      prévu le lun. 3 févr. 2025 10:30",
                "#" + coming + "  dim. 10 mars 2030 14:00  Information interview with Jane Doe",
                "avec Jane Doe <jane.doe@company.example>",
                "par l'intermédiaire de Marie Lefèvre",
                "préparation       prévu le sam. 9 mars 2030 14:00",
                "remerciements     prévu le dim. 10 mars 2030 16:45",
                "nouvelles #1      prévu le dim. 31 mars 2030 15:45",
                "Progression :",
                "1 entretien d'information tenu, 1 à venir",
                "noms obtenus : pas encore de notes (répondez à la demande de notes, ou rebond notes ID)",
                "à tenir au courant, au plus proche d'abord :",
                "Paul Durand — mar. 26 nov. 2024 10:30 (nouvelles #1 de l'entretien #" + held + ")",
                "Mis de côté (non traités, avec la raison) :",
                "INBOX uid 17 : « calendar part larger than max_calendar_part_bytes (1 MiB) » (raison notée en anglais)");
        assertThat(result.out()).as("no English label left").doesNotContain("state:").doesNotContain("due ")
                .doesNotContain("thank-you").doesNotContain("keep-posted").doesNotContain("brief ");
    }

    @Test
    void statusWithNoInterviewSaysSo() throws IOException {
        Files.createDirectories(database().getParent());
        Database.open(database()).close();

        Cli.Result result = Cli.run("status", "--config", config("en").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("no interview followed").contains("No information interview detected yet.")
                .doesNotContain("Set aside");
    }

    @Test
    void statusBeforeTheFirstRunExits74AndSaysToStartRebondOnce() throws IOException {
        Cli.Result result = Cli.run("status", "--config", config("en").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).contains("no database at " + database()).contains("start rebond once");
        assertThat(Files.exists(database())).as("status does not create the database").isFalse();
    }

    @Test
    void previewPrintsASubjectLineAndTheTextOfEachMessageAndExitsZero() throws IOException {
        createState();
        Path config = config("en");

        for (String message : List.of("brief", "debrief", "thank-you", "keep-posted")) {
            long id = message.equals("brief") ? coming : held;
            Cli.Result result = Cli.run("preview", message, "--interview", Long.toString(id), "--config", config.toString());

            assertThat(result.exitCode()).as("preview %s: %s", message, result.err()).isZero();
            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0)).as("preview %s", message).startsWith("Subject: ").hasSizeGreaterThan("Subject: ".length() + 3);
            assertThat(lines.get(1)).as("preview %s", message).isEmpty();
            assertThat(String.join("\n", lines.subList(2, lines.size())).strip()).as("preview %s", message).isNotEmpty()
                    .doesNotContain("<html").doesNotContain("<p>").doesNotContain("${");
            assertThat(result.out()).as("preview %s", message).contains(message.equals("brief") ? "Jane" : "Paul");
        }
    }

    @Test
    void previewWithHtmlPrintsOnlyTheHtmlDocumentSoThatItsOutputOpensInABrowser() throws IOException {
        createState();

        Cli.Result result = Cli.run("preview", "brief", "--html", "--interview", Long.toString(coming), "--config", config("en").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as("the document and nothing before it").startsWith("<!DOCTYPE html>")
                .doesNotContain("Subject:").contains("Jane");
        assertThat(result.out().strip()).as("and nothing after it").endsWith("</html>");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void previewOfTheSecondKeepPostedMessageWorks() throws IOException {
        createState();

        Cli.Result result = Cli.run("preview", "keep-posted", "--number", "2", "--interview", Long.toString(held),
                "--config", config("fr").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Objet : ").contains("Paul");
    }

    @Test
    void previewOfAnUnknownInterviewExits65AndSaysWhereToFindTheNumbers() throws IOException {
        createState();

        Cli.Result result = Cli.run("preview", "brief", "--interview", "999", "--config", config("en").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(result.err()).contains("no interview #999").contains("rebond status");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void previewBeforeTheFirstRunExits74() throws IOException {
        Cli.Result result = Cli.run("preview", "brief", "--interview", "1", "--config", config("en").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).contains("start rebond once");
    }
}
