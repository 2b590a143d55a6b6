package org.rebond.calendar;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rebond.config.RebondConfig;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.EventTime;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Verdict;

/**
 * The engine of {@code rebond inspect PATH...}: one JSON object per line for every calendar
 * component of every {@code .ics} and {@code .eml} file (directories are walked), or one
 * {@code {"file": …, "error": …}} line for a file that cannot be read. Never a stack trace.
 */
public final class Inspector {
    private final CalendarParser parser;
    private final CalendarParts parts;
    private final InterviewDetector detector;

    public Inspector(RebondConfig.Limits limits, InterviewDetector detector) {
        this.parser = new CalendarParser(limits);
        this.parts = new CalendarParts(limits);
        this.detector = detector;
    }

    /** Prints every file's components; returns true when at least one file (or part) failed. */
    public boolean inspect(List<Path> paths, PrintWriter out) {
        boolean failed = false;
        for (Path path : paths) {
            for (Path file : files(path, out)) {
                failed |= !inspectFile(file, out);
            }
            if (!Files.exists(path)) failed = true;
        }
        out.flush();
        return failed;
    }

    private static List<Path> files(Path path, PrintWriter out) {
        if (!Files.exists(path)) {
            out.println(new JsonLine().put("file", path.toString()).put("error", "no such file or directory"));
            return List.of();
        }
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> walk = Files.walk(path, 32)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".ics") || name.endsWith(".eml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException unreadable) {
            out.println(new JsonLine().put("file", path.toString()).put("error", "directory could not be read: " + reason(unreadable)));
            return List.of();
        }
    }

    private boolean inspectFile(Path file, PrintWriter out) {
        String name = file.toString();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
                MimeMessage message;
                try (InputStream in = Files.newInputStream(file)) {
                    message = parts.readMessage(in);
                }
                List<CalendarParts.CalendarPart> found = parts.of(message);
                if (found.isEmpty()) {
                    out.println(new JsonLine().put("file", name).put("error", "no calendar part in this mail"));
                    return false;
                }
                boolean ok = true;
                for (CalendarParts.CalendarPart part : found) {
                    try {
                        ParsedCalendar calendar = parser.parse(part.content());
                        String method = CalendarParts.effectiveMethod(part.mimeMethod(), calendar.method());
                        print(name, part.index(), method, calendar, out);
                    } catch (CalendarRejected rejected) {
                        out.println(new JsonLine().put("file", name).put("part", part.index()).put("error", rejected.getMessage()));
                        ok = false;
                    }
                }
                return ok;
            }
            ParsedCalendar calendar = parser.parse(Files.readAllBytes(file));
            print(name, 0, calendar.method(), calendar, out);
            return true;
        } catch (CalendarRejected rejected) {
            out.println(new JsonLine().put("file", name).put("error", rejected.getMessage()));
        } catch (IOException | RuntimeException unreadable) {
            out.println(new JsonLine().put("file", name).put("error", "file could not be read: " + reason(unreadable)));
        } catch (StackOverflowError | OutOfMemoryError exhausted) {
            out.println(new JsonLine().put("file", name).put("error", "file too complex to read"));
        }
        return false;
    }

    private void print(String file, int part, String method, ParsedCalendar calendar, PrintWriter out) {
        for (CalendarEvent event : calendar.events()) {
            Verdict verdict = detector.detect(event);
            EventTime start = event.start();
            out.println(new JsonLine()
                    .put("file", file)
                    .put("part", part)
                    .put("component", event.component())
                    .put("method", method)
                    .put("uid", event.uid())
                    .put("recurrenceId", display(event.recurrenceId()))
                    .put("sequence", event.sequence())
                    .put("dtstamp", event.dtstamp() == null ? null : EventTime.utc(event.dtstamp().truncatedTo(ChronoUnit.SECONDS)).display())
                    .put("status", event.status().isEmpty() ? null : event.status())
                    .put("allDay", event.allDay())
                    .put("start", display(start))
                    .put("end", display(event.end()))
                    .put("tzid", start == null || start.tzid().isEmpty() ? null : start.tzid())
                    .put("zone", start == null || start.kind() != EventTime.Kind.ZONED || start.zone() == null ? null : start.zone().getId())
                    .put("organizer", event.organizer().isEmpty() ? null : event.organizer())
                    .put("attendees", event.attendees().stream().map(CalendarEvent.Attendee::email).toList())
                    .put("summary", event.summary())
                    .put("interview", new JsonLine()
                            .put("detected", verdict.detected())
                            .put("reason", verdict.reason())
                            .put("contact", verdict.contact().isEmpty() ? null : verdict.contact())
                            .put("referrer", verdict.referrer().isEmpty() ? null : verdict.referrer())));
        }
    }

    private static String display(EventTime time) {
        return time == null ? null : time.display();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        String what = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
        return message == null || e instanceof FileSystemException ? what : what + " (" + message + ")";
    }

}
