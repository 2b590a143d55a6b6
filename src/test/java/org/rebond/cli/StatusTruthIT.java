package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.OutgoingMessage;
import org.rebond.domain.Action;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;
import org.rebond.i18n.LanguageCheck;
import org.rebond.store.Database;
import org.rebond.store.InstanceLock;
import org.rebond.store.SqlCalendarState;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMailboxState;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;

/**
 * {@code rebond status} tells the truth about the service (running or not, by the instance lock,
 * with its pid and start time), the last word from the mailbox and each calendar source, and the
 * next action due; speaks one language throughout, reasons recorded in English included; and says
 * the same as one JSON document with {@code --json}.
 */
class StatusTruthIT {

    /** Monday 7 December 2026, 10:00 in Paris. */
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String CALDAV = "https://dav.example.org/camille/work/";
    private static final String ACCOUNT = "camille.martin@example.org@imap.example.org:993";

    @TempDir
    Path dir;

    private Path ics;
    private long held;
    private long coming;
    private long cancelled;
    private long ignored;

    @BeforeEach
    void createState() throws IOException {
        ics = Files.writeString(dir.resolve("agenda.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        Files.createDirectories(database().getParent());
        try (Database db = Database.open(database())) {
            SqlInterviewStore store = new SqlInterviewStore(db, CLOCK);
            Instant heldStart = Instant.parse("2026-12-04T09:00:00Z");
            held = store.save(interview("held-1@health.example", Interview.State.SCHEDULED, heldStart, "Entretien d'information",
                    new Interview.Person("paul.durand@health.example", "Paul Durand"), "title says \"entretien d'information\"")).id();
            coming = store.save(interview("coming-2@company.example", Interview.State.SCHEDULED, Instant.parse("2026-12-09T13:00:00Z"),
                    "Café métier", new Interview.Person("jane.doe@company.example", "Jane Doe"), "marker \"[info]\" in title")).id();
            cancelled = store.save(interview("cancelled-3@company.example", Interview.State.CANCELLED, Instant.parse("2026-12-10T13:00:00Z"),
                    "Échange carrière", new Interview.Person("lea.roux@company.example", "Léa Roux"), "category \"carrière\"")).id();
            store.journal(cancelled, NOW.minus(Duration.ofDays(1)), "cancelled", "cancelled by the organizer; pending actions removed");
            ignored = store.save(interview("ignored-4@company.example", Interview.State.IGNORED, Instant.parse("2026-12-11T13:00:00Z"),
                    "Point hebdo", new Interview.Person("boss@company.example", "Boss"), "tracked by you")).id();
            store.journal(ignored, NOW.minus(Duration.ofHours(5)), "ignored", "ignored at your request");

            SqlOutbox outbox = new SqlOutbox(db);
            var brief = outbox.begin(held, Action.BRIEF, OutgoingMessage.Destination.INBOX, "token-brief", "<brief-1@example.org>", null,
                    heldStart.minus(Duration.ofDays(1)));
            outbox.markDone(brief.id(), 11, heldStart.minus(Duration.ofDays(1)));
            var prompt = outbox.begin(held, Action.DEBRIEF_PROMPT, OutgoingMessage.Destination.INBOX, "token-prompt", "<prompt-1@example.org>",
                    null, heldStart.plus(Duration.ofHours(1)));
            outbox.markAttemptFailed(prompt.id(), "cannot append to INBOX: connection reset", heldStart.plus(Duration.ofHours(1)));
            outbox.markAttemptFailed(prompt.id(), "cannot append to INBOX: connection reset", heldStart.plus(Duration.ofHours(2)));
            outbox.markSkipped(held, Action.THANK_YOU, "you already wrote to Paul Durand on 4 Dec (subject \"Merci\"); no thank-you draft made",
                    heldStart.plus(Duration.ofHours(3)));

            SqlQuarantine quarantine = new SqlQuarantine(db, CLOCK);
            quarantine.add("calendar", CALDAV + "huge.ics", "the object is 2000000 bytes, more than limits.max_calendar_part_bytes (1048576)");
            quarantine.add("imap", "INBOX:7:42", "could not be processed (a header line without a colon)");
            store.rememberSeen(new SeenEvent(0, "sync-5@company.example", "", 0, null, Instant.parse("2026-12-08T08:00:00Z"),
                    Instant.parse("2026-12-08T08:30:00Z"), "Europe/Paris", false, "Entretien d'embauche", "", "rh@company.example", "RH",
                    List.of(new CalendarEvent.Attendee("camille.martin@example.org", "Camille", "REQ-PARTICIPANT", "")),
                    new Interview.Person("rh@company.example", "RH"), "", "excluded: \"entretien d'embauche\" in title (M1)", "",
                    SeenEvent.State.SEEN, 0, NOW.minus(Duration.ofHours(1))));

            new SqlMailboxState(db, Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC)).connected(ACCOUNT);
            new SqlMailboxState(db, Clock.fixed(NOW.minus(Duration.ofMinutes(5)), ZoneOffset.UTC)).heard(ACCOUNT);
            new SqlCalendarState(db, Clock.fixed(NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC)).synced("CalDAV " + CALDAV);
            new SqlCalendarState(db, Clock.fixed(NOW.minus(Duration.ofMinutes(30)), ZoneOffset.UTC))
                    .syncFailed("ICS file " + ics, "cannot read " + ics + ": Permission denied", 3, NOW.plus(Duration.ofMinutes(20)));
        }
    }

    private static Interview interview(String uid, Interview.State state, Instant start, String summary, Interview.Person contact,
                                       String reason) {
        return new Interview(0, uid, "", 0, start.minus(Duration.ofDays(10)), state, start, start.plus(Duration.ofMinutes(45)), "Europe/Paris",
                false, summary, "", contact.email(), contact, null, reason, "<" + uid + ">");
    }

    private Path database() {
        return dir.resolve("state").resolve("rebond.db");
    }

    private String config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-status", "rw-------");
        String yaml = Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, "")
                + "calendars:\n  - {type: caldav, url: \"" + CALDAV + "\"}\n  - {type: ics-file, path: \"" + ics + "\"}\n";
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"), yaml).toString();
    }

    private Cli.Result status(String language, String... more) throws IOException {
        String[] args = new String[more.length + 3];
        args[0] = "status";
        args[1] = "--config";
        args[2] = config(language);
        System.arraycopy(more, 0, args, 3, more.length);
        Cli.Result result = Cli.runAt(CLOCK, args);
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).isEmpty();
        return result;
    }

    private static List<String> lines(Cli.Result result) {
        return result.out().lines().map(String::strip).toList();
    }

    @Test
    void whenNoDaemonRunsStatusSaysSoWithTheLastWordFromEachServerAndHowToStartIt() throws IOException {
        Cli.Result result = status("en");

        List<String> lines = lines(result);
        assertThat(lines.get(0)).isEqualTo("rebond — 4 interviews followed, times in Europe/Paris");
        assertThat(lines.get(1)).startsWith("rebond is not running on this state. Start it with systemctl start rebond, or rebond run --config ");
        assertThat(lines).containsSubsequence(
                "The last word from each server, as rebond recorded it before it stopped:",
                "Mailbox: last contact Mon 7 Dec 2026 09:55",
                "CalDAV calendar " + CALDAV + ": last sync Mon 7 Dec 2026 09:50",
                "ICS file " + ics + ": no sync yet; last problem: cannot read " + ics + ": Permission denied",
                "Next due: brief for interview #" + coming + " \"Café métier\", due tomorrow 14:00");
        assertThat(result.out()).as("no daemon: nothing claims a live connection nor a next attempt")
                .doesNotContain("connected since").doesNotContain("next attempt");
        assertThat(lines).containsSubsequence(
                "#" + held + "  Fri 4 Dec 2026 10:00  Entretien d'information",
                "state: followed — title says \"entretien d'information\"",
                "brief           done Thu 3 Dec 2026 10:00",
                "debrief-prompt  pending, 2 attempts; cannot append to INBOX: connection reset",
                "thank-you       skipped: you already wrote to Paul Durand on 4 Dec (subject \"Merci\"); no thank-you draft made",
                "#" + cancelled + "  Thu 10 Dec 2026 14:00  Échange carrière",
                "state: cancelled by the organizer — category \"carrière\"",
                "brief           cancelled",
                "#" + ignored + "  Fri 11 Dec 2026 14:00  Point hebdo",
                "state: ignored — tracked by you",
                "ignored at your request on Mon 7 Dec 2026 05:00",
                "brief           not made: interview ignored",
                "seen, not taken: excluded: \"entretien d'embauche\" in title (M1)",
                "Set aside (not processed, with the reason):",
                "calendar object " + CALDAV + "huge.ics: the object is 2000000 bytes, more than limits.max_calendar_part_bytes (1048576)",
                "message INBOX:7:42: could not be processed (a header line without a colon)");
        assertThat(LanguageCheck.linesInTheOtherLanguage(result.out(), Locale.ENGLISH)).isEmpty();
    }

    @Test
    void aFrenchStatusHoldsNoEnglishReasonsIncluded() throws IOException {
        Cli.Result result = status("fr");

        List<String> lines = lines(result);
        assertThat(lines.get(0)).isEqualTo("rebond — 4 entretiens suivis, heures en Europe/Paris");
        assertThat(lines).containsSubsequence(
                "Boîte aux lettres : dernier contact le lun. 7 déc. 2026 09:55",
                "agenda CalDAV " + CALDAV + " : dernière synchronisation le lun. 7 déc. 2026 09:50",
                "Prochaine échéance : préparation pour l'entretien #" + coming + " « Café métier », prévu demain à 14:00",
                "état : suivi — le titre dit « entretien d'information »",
                "demande de notes  en cours, 2 essais ; impossible de déposer dans INBOX : « connection reset »",
                "remerciements     sauté : vous avez déjà écrit à Paul Durand le 4 déc. (objet « Merci ») ; aucun brouillon de remerciement n'a été fait",
                "état : annulé par l'organisateur — catégorie « carrière »",
                "état : ignoré — suivi à votre demande",
                "préparation       non fait : entretien ignoré",
                "vu, non retenu : écarté : « entretien d'embauche » dans le titre",
                "Mis de côté (non traités, avec la raison) :",
                "objet d'agenda " + CALDAV + "huge.ics : l'objet fait 2000000 octets, plus que limits.max_calendar_part_bytes (1048576)",
                "message INBOX:7:42 : n'a pas pu être traité (« a header line without a colon »)");
        assertThat(LanguageCheck.linesInTheOtherLanguage(result.out(), Locale.FRENCH)).as(result.out()).isEmpty();
        assertThat(result.out()).as("no English plural left").doesNotContain("(s)");
    }

    @Test
    void whileTheDaemonHoldsTheLockStatusSaysSinceWhenWithItsPidAndHowEachServerStands() throws IOException {
        Instant started = NOW.minus(Duration.ofHours(2));
        try (InstanceLock daemon = InstanceLock.acquire(database(), InstanceLock.Holder.thisProcess(started, InstanceLock.DAEMON))) {
            for (String language : List.of("en", "fr")) {
                Cli.Result result = status(language);
                long pid = ProcessHandle.current().pid();
                List<String> lines = lines(result);
                if (language.equals("en")) {
                    assertThat(lines.get(1)).isEqualTo("rebond runs on this state since Mon 7 Dec 2026 08:00 (pid " + pid + ").");
                    assertThat(lines).contains("Mailbox: connected since Mon 7 Dec 2026 08:00; last contact Mon 7 Dec 2026 09:55",
                            "ICS file " + ics + ": failing since Mon 7 Dec 2026 09:30 — cannot read " + ics
                                    + ": Permission denied; next attempt Mon 7 Dec 2026 10:20 (3 failures); no sync yet");
                } else {
                    assertThat(lines.get(1)).isEqualTo("rebond tourne sur cet état depuis le lun. 7 déc. 2026 08:00 (pid " + pid + ").");
                    assertThat(lines).contains("fichier ICS " + ics + " : en échec depuis le lun. 7 déc. 2026 09:30 — lecture impossible de " + ics
                            + " : « Permission denied » ; prochain essai le lun. 7 déc. 2026 10:20 (3 échecs) ; aucune synchronisation pour l'instant");
                    assertThat(lines).contains("Boîte aux lettres : connectée depuis le lun. 7 déc. 2026 08:00 ; dernier contact le lun. 7 déc. 2026 09:55");
                }
                assertThat(result.out()).doesNotContain("not running").doesNotContain("ne tourne pas");
                assertThat(LanguageCheck.linesInTheOtherLanguage(result.out(), Locale.forLanguageTag(language))).as(result.out()).isEmpty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> daemonJson = (Map<String, Object>) json().get("daemon");
            assertThat(daemonJson).containsEntry("running", true).containsEntry("pid", ProcessHandle.current().pid())
                    .containsEntry("since", "2026-12-07T08:00:00+01:00");
        }
        assertThat(lines(status("en")).get(1)).as("the lock released, the daemon is gone").startsWith("rebond is not running on this state.");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json() throws IOException {
        return (Map<String, Object>) JsonReader.read(status("fr", "--json").out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusJsonIsOneDocumentWithTheServersTheInterviewsAndTheNextActionDue() throws IOException {
        Map<String, Object> doc = json();

        assertThat(doc).containsEntry("version", 1L).containsEntry("generated_at", "2026-12-07T10:00:00+01:00")
                .containsEntry("time_zone", "Europe/Paris");
        assertThat((Map<String, Object>) doc.get("daemon")).containsEntry("running", false).containsEntry("pid", null);
        List<Map<String, Object>> servers = (List<Map<String, Object>>) doc.get("servers");
        assertThat(servers).extracting(s -> s.get("kind")).containsExactly("mailbox", "caldav", "ics_file");
        assertThat(servers.get(0)).containsEntry("name", ACCOUNT).containsEntry("last_contact", "2026-12-07T09:55:00+01:00")
                .containsEntry("problem", null);
        assertThat(servers.get(1)).containsEntry("name", CALDAV).containsEntry("last_contact", "2026-12-07T09:50:00+01:00");
        assertThat(servers.get(2)).containsEntry("last_contact", null).containsEntry("problem", "cannot read " + ics + ": Permission denied")
                .containsEntry("next_attempt", null).containsEntry("failures", 3L);

        assertThat((Map<String, Object>) doc.get("next_due")).containsEntry("interview", coming).containsEntry("kind", "brief")
                .containsEntry("due", "2026-12-08T14:00:00+01:00");

        List<Map<String, Object>> interviews = (List<Map<String, Object>>) doc.get("interviews");
        assertThat(interviews).extracting(i -> i.get("id"), i -> i.get("state")).contains(
                org.assertj.core.groups.Tuple.tuple(held, "scheduled"), org.assertj.core.groups.Tuple.tuple(coming, "scheduled"),
                org.assertj.core.groups.Tuple.tuple(cancelled, "cancelled"), org.assertj.core.groups.Tuple.tuple(ignored, "ignored"));
        Map<String, Object> first = interviews.stream().filter(i -> i.get("id").equals(held)).findFirst().orElseThrow();
        assertThat(first).containsEntry("start", "2026-12-04T10:00:00+01:00").containsEntry("summary", "Entretien d'information");
        assertThat((Map<String, Object>) first.get("contact")).containsEntry("name", "Paul Durand").containsEntry("email", "paul.durand@health.example");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) first.get("actions");
        assertThat(actions).extracting(a -> a.get("kind") + " " + a.get("state")).startsWith("brief done", "debrief_prompt pending", "thank_you skipped")
                .contains("keep_posted planned");
        assertThat(actions.get(1)).containsEntry("attempts", 2L).containsEntry("reason", "cannot append to INBOX: connection reset");
        assertThat(actions.get(2)).containsEntry("at", "2026-12-04T13:00:00+01:00").containsEntry("due", null);
        assertThat(actions).filteredOn(a -> "keep_posted".equals(a.get("kind"))).first()
                .satisfies(a -> assertThat(a).containsEntry("number", 1L).containsEntry("at", null).extractingByKey("due").isNotNull());

        assertThat((List<Map<String, Object>>) doc.get("quarantined")).extracting(q -> q.get("source")).containsExactlyInAnyOrder("calendar", "imap");
        assertThat((List<Map<String, Object>>) doc.get("seen")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("summary", "Entretien d'embauche").containsEntry("id", "e1"));
    }
}
