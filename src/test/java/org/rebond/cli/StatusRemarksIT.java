package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;

/**
 * {@code rebond status} shows what the journal says about cancellations and flagged updates (B20), and the events seen
 * but not taken with the id {@code track} takes, in English and in French.
 */
class StatusRemarksIT {

    private static final Instant START = Instant.parse("2030-03-10T13:00:00Z");

    @TempDir
    Path dir;

    private Path config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-status", "rw-------");
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, ""));
    }

    private void createState() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        Files.createDirectories(database.getParent());
        try (Database db = Database.open(database)) {
            SqlInterviewStore store = new SqlInterviewStore(db, Clock.systemUTC());
            long cancelled = store.save(new Interview(0, "cancelled-1@company.example", "", 1, Instant.parse("2030-02-01T10:00:00Z"),
                    Interview.State.CANCELLED, START, START.plusSeconds(1800), "Europe/Paris", false, "Information interview with Jane Doe", "",
                    "jane.doe@company.example", new Interview.Person("jane.doe@company.example", "Jane Doe"), null,
                    "title says \"information interview\"", "")).id();
            store.journal(cancelled, Instant.parse("2030-02-03T09:15:00Z"), "cancelled", "cancelled by the organizer; pending actions removed");
            long flagged = store.save(new Interview(0, "kept-2@health.example", "", 0, Instant.parse("2030-02-01T10:00:00Z"),
                    Interview.State.SCHEDULED, START.plusSeconds(86_400), START.plusSeconds(88_200), "Europe/Paris", false, "Entretien d'information",
                    "", "paul.durand@health.example", new Interview.Person("paul.durand@health.example", "Paul Durand"), null,
                    "title says \"entretien d'information\"", "")).id();
            store.journal(flagged, Instant.parse("2030-02-04T10:00:00Z"), "flagged",
                    "a cancellation came from someone other than the organizer (mallory@evil.example); ignored");
            store.journal(flagged, Instant.parse("2030-02-05T10:00:00Z"), "flagged",
                    "an update came from another organizer (eve@evil.example); not applied");
            store.rememberSeen(new SeenEvent(0, "sync-3@company.example", "", 0, null, START.plusSeconds(3 * 86_400),
                    START.plusSeconds(3 * 86_400 + 1800), "Europe/Paris", false, "Weekly sync", "", "boss@company.example", "Boss",
                    List.of(new CalendarEvent.Attendee("camille.martin@example.org", "Camille", "REQ-PARTICIPANT", "")),
                    new Interview.Person("boss@company.example", "Boss"), "", "no information-interview wording", "", SeenEvent.State.SEEN, 0,
                    Instant.parse("2030-02-06T10:00:00Z")));
        }
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', value = {
            "en|cancelled by the organizer on Sun 3 Feb 2030 10:15; pending actions removed"
                    + "|flagged on Mon 4 Feb 2030 11:00: a cancellation from someone other than the organizer (mallory@evil.example) was ignored"
                    + "|flagged on Tue 5 Feb 2030 11:00: an update from another organizer (eve@evil.example) was not applied"
                    + "|seen, not taken: no information-interview wording",
            "fr|annulé par l'organisateur le dim. 3 févr. 2030 10:15 ; actions en attente retirées"
                    + "|signalé le lun. 4 févr. 2030 11:00 : une annulation envoyée par quelqu'un d'autre que l'organisateur (mallory@evil.example) a été ignorée"
                    + "|signalé le mar. 5 févr. 2030 11:00 : une mise à jour venue d'un autre organisateur (eve@evil.example) n'a pas été appliquée"
                    + "|vu, non retenu : aucune formule d'entretien d'information"})
    void statusShowsCancellationsFlaggedUpdatesAndEventsSeenButNotTaken(String language, String cancelled, String flaggedCancel,
                                                                       String flaggedUpdate, String seen) throws IOException {
        createState();

        Cli.Result result = Cli.run("status", "--config", config(language).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().map(String::strip).toList();
        assertThat(lines).contains(cancelled, flaggedCancel, flaggedUpdate, seen);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("e1").contains("Weekly sync"));
    }
}
