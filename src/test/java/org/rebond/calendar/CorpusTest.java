package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rebond.application.InvitationTriage;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.EventTime;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Invitation;

/**
 * The shared corpus of real invitations (set {@code -Drebond.corpus=/path/to/corpus}), read the way
 * {@code rebond inspect} reads it ({@link Inspector#read}: the MIME parts, then the daemon's own
 * {@link InvitationTriage} over the calendar adapter): every file is read without a crash, no part
 * is refused as unreadable, and every row of {@code expected.tsv} matches, or one of its ALT values.
 * The method compared is the one rebond acts on, with the mail's {@code method=} appended when it
 * disagrees ({@code PUBLISH mime=REQUEST}), as the corpus writes it.
 */
class CorpusTest {
    private static final Pattern ALT = Pattern.compile("ALT ([a-z_]+)=(\\S*(?: floating)?)");
    /**
     * The columns of expected.tsv compared. Not compared: {@code dtstamp_utc} (a floating DTSTAMP is
     * kept as an instant, read as UTC), {@code tzid_as_written} and {@code iana_zone} (kept only for a
     * usable zoned DTSTART), {@code notes} and {@code confidence}.
     */
    private static final List<String> COMPARED = List.of("component", "uid", "recurrence_id_utc", "sequence", "method", "status",
            "all_day", "start_utc", "end_utc", "organizer_email", "attendee_emails", "summary", "rrule");

    /** The product's reading, with the built-in rules and no address of the user's (the corpus has no user). */
    private static final Inspector INSPECTOR = new Inspector(CalendarLimits.defaults(), new InvitationTriage(
            new IcalCalendarReader(CalendarLimits.defaults()), new InterviewDetector(DetectionRules.defaults(), Set.of(), address -> false)));

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    private static Path corpus() {
        String property = System.getProperty("rebond.corpus", "");
        Assumptions.assumeTrue(!property.isBlank() && Files.isDirectory(Path.of(property)),
                "corpus test skipped: pass -Drebond.corpus=<folder with ics/, eml/ and expected.tsv> to run it");
        return Path.of(property);
    }

    @Test
    void everyCorpusFileIsReadWithoutACrash() throws IOException {
        Path root = corpus();
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(root.resolve("ics")), Files.list(root.resolve("eml")))) {
            for (Path file : files.sorted().toList()) {
                try {
                    actualRows(root, root.relativize(file).toString());
                } catch (RuntimeException crash) {
                    failures.add(file.getFileName() + ": " + crash);
                }
            }
        }
        assertThat(failures).as("files that could not be read").isEmpty();
    }

    @Test
    void everyExpectedRowMatchesWhatInspectAndTheDaemonRead() throws IOException {
        Path root = corpus();
        List<String> lines = Files.readAllLines(root.resolve("expected.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        Map<String, List<Map<String, String>>> expectedByPart = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), i < cells.length ? cells[i] : "");
            expectedByPart.computeIfAbsent(row.get("file") + "#" + row.get("part_index"), k -> new ArrayList<>()).add(row);
        }
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        int matched = 0;
        Map<String, List<Map<String, String>>> actualCache = new LinkedHashMap<>();
        for (Map.Entry<String, List<Map<String, String>>> entry : expectedByPart.entrySet()) {
            String file = entry.getKey().substring(0, entry.getKey().lastIndexOf('#'));
            List<Map<String, String>> actual;
            try {
                actual = actualCache.computeIfAbsent(file, f -> actualRows(root, f));
            } catch (IllegalStateException rejected) {
                rows += entry.getValue().size();
                mismatches.add(file + ": " + rejected.getMessage());
                continue;
            }
            String part = entry.getKey().substring(entry.getKey().lastIndexOf('#') + 1);
            List<Map<String, String>> ofPart = actual.stream().filter(r -> r.get("part_index").equals(part)).toList();
            List<Map<String, String>> expected = entry.getValue();
            if (ofPart.size() != expected.size()) {
                mismatches.add(entry.getKey() + ": " + expected.size() + " components expected, " + ofPart.size() + " parsed");
            }
            for (int i = 0; i < expected.size(); i++) {
                rows++;
                if (i >= ofPart.size()) continue;
                List<String> differences = differences(expected.get(i), ofPart.get(i));
                if (differences.isEmpty()) {
                    matched++;
                } else {
                    mismatches.add(entry.getKey() + " component " + (i + 1) + ": " + String.join(", ", differences));
                }
            }
        }
        assertThat(mismatches)
                .as("corpus rows matched %d/%d; mismatches:%n%s", matched, rows, String.join(System.lineSeparator(), mismatches))
                .isEmpty();
        assertThat(rows).isEqualTo(lines.size() - 1);
    }

    private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (String column : COMPARED) accepted.computeIfAbsent(column, c -> new ArrayList<>()).add(expected.get(column));
        // EXPECTED-README: ALT values are acceptable for medium and low confidence rows only.
        boolean high = "high".equals(expected.get("confidence"));
        Matcher m = ALT.matcher(high ? "" : expected.getOrDefault("notes", ""));
        while (m.find()) {
            String value = m.group(2);
            if (value.endsWith(";")) value = value.substring(0, value.length() - 1);
            accepted.computeIfAbsent(m.group(1), c -> new ArrayList<>()).add(value);
        }
        List<String> differences = new ArrayList<>();
        for (String column : COMPARED) {
            if (!accepted.get(column).contains(actual.get(column))) {
                differences.add(column + " expected " + accepted.get(column) + " but was [" + actual.get(column) + "]");
            }
        }
        return differences;
    }

    /**
     * What inspect and the daemon read in a corpus file, in the columns of expected.tsv.
     *
     * @throws IllegalStateException when the file or one of its parts could not be read
     */
    static List<Map<String, String>> actualRows(Path root, String relative) {
        Inspector.Reading reading = INSPECTOR.read(root.resolve(relative));
        if (reading.error().isPresent()) {
            throw new IllegalStateException(reading.error().get());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Inspector.Part part : reading.parts()) {
            InvitationTriage.PartVerdict verdict = part.verdict();
            Invitation invitation = verdict.invitation()
                    .orElseThrow(() -> new IllegalStateException("part " + part.index() + " not read: " + verdict.setAside().orElse("")));
            String mime = verdict.methodMismatch().isPresent() ? " mime=" + invitation.mimeMethod() : "";
            for (InvitationTriage.EventVerdict judged : verdict.events()) {
                rows.add(row(part.index(), judged.event().method() + mime, judged.event()));
            }
        }
        return rows;
    }

    private static Map<String, String> row(int part, String method, CalendarEvent event) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("part_index", Integer.toString(part));
        row.put("component", event.component());
        row.put("uid", event.uid());
        row.put("recurrence_id_utc", golden(event.recurrenceId()));
        row.put("sequence", Integer.toString(event.sequence()));
        row.put("method", method);
        row.put("status", event.status());
        row.put("all_day", Boolean.toString(event.allDay()));
        row.put("start_utc", golden(event.start()));
        row.put("end_utc", golden(event.end()));
        row.put("organizer_email", event.organizer());
        row.put("attendee_emails", String.join(";", event.attendees().stream().map(CalendarEvent.Attendee::email).toList()));
        // expected.tsv keeps the first 60 characters of a summary
        row.put("summary", event.summary().length() > 60 ? event.summary().substring(0, 60) : event.summary());
        row.put("rrule", event.rrule());
        return row;
    }

    private static String golden(EventTime time) {
        if (time == null) return "";
        return time.kind() == EventTime.Kind.FLOATING ? time.display() + " floating" : time.display();
    }
}
