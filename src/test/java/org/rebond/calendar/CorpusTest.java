package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.EventTime;

/**
 * The shared corpus of real invitations (set {@code -Drebond.corpus=/path/to/corpus}): every file
 * is read without a crash and every row of {@code expected.tsv} matches, or one of its ALT values.
 */
class CorpusTest {
    private static final Pattern ALT = Pattern.compile("ALT ([a-z_]+)=(\\S*(?: floating)?)");
    private static final List<String> COMPARED = List.of(
            "uid", "recurrence_id_utc", "sequence", "method", "all_day", "start_utc", "end_utc", "organizer_email");

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
                } catch (RuntimeException | CalendarRejected | IOException crash) {
                    failures.add(file.getFileName() + ": " + crash);
                }
            }
        }
        assertThat(failures).as("files that could not be read").isEmpty();
    }

    @Test
    void everyExpectedRowMatchesWhatTheParserGives() throws IOException {
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
                actual = actualCache.computeIfAbsent(file, f -> {
                    try {
                        return actualRows(root, f);
                    } catch (IOException | CalendarRejected e) {
                        throw new IllegalStateException(e.toString(), e);
                    }
                });
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

    /** What the parser gives for a corpus file, in the columns of expected.tsv. */
    static List<Map<String, String>> actualRows(Path root, String relative) throws IOException, CalendarRejected {
        Path file = root.resolve(relative);
        CalendarParser parser = new CalendarParser(CalendarLimits.defaults());
        List<Map<String, String>> rows = new ArrayList<>();
        if (relative.endsWith(".ics")) {
            ParsedCalendar calendar = parser.parse(Files.readAllBytes(file));
            for (CalendarEvent event : calendar.events()) rows.add(row(0, calendar.method(), event));
        } else {
            CalendarParts parts = new CalendarParts(CalendarLimits.defaults());
            MimeMessage message;
            try (InputStream in = Files.newInputStream(file)) {
                message = parts.readMessage(in);
            }
            for (CalendarParts.CalendarPart part : parts.of(message)) {
                ParsedCalendar calendar = parser.parse(part.content());
                String method = calendar.method();
                if (!part.mimeMethod().isEmpty() && !part.mimeMethod().equals(method)) {
                    method = method + " mime=" + part.mimeMethod();
                }
                for (CalendarEvent event : calendar.events()) rows.add(row(part.index(), method, event));
            }
        }
        return rows;
    }

    private static Map<String, String> row(int part, String method, CalendarEvent event) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("part_index", Integer.toString(part));
        row.put("uid", event.uid());
        row.put("recurrence_id_utc", golden(event.recurrenceId()));
        row.put("sequence", Integer.toString(event.sequence()));
        row.put("method", method);
        row.put("all_day", Boolean.toString(event.allDay()));
        row.put("start_utc", golden(event.start()));
        row.put("end_utc", golden(event.end()));
        row.put("organizer_email", event.organizer());
        return row;
    }

    private static String golden(EventTime time) {
        if (time == null) return "";
        return time.kind() == EventTime.Kind.FLOATING ? time.display() + " floating" : time.display();
    }
}
