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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.rebond.application.InvitationTriage;
import org.rebond.config.RebondConfig;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.EventTime;
import org.rebond.domain.Verdict;

/**
 * The engine of {@code rebond inspect PATH...}: one JSON object per line for every calendar
 * component of every {@code .ics} and {@code .eml} file (directories are walked), or one
 * {@code {"file": …, "error": …}} line for a file that cannot be read. Never a stack trace.
 *
 * <p>Each calendar part is judged by the daemon's own {@link InvitationTriage}: the method is the
 * calendar's METHOD when it has one (a disagreement with the mail's {@code method=} is printed as
 * {@code methodMismatch}), a part the daemon would quarantine prints its events with
 * {@code setAside} and its reason, and every other event carries the detector's verdict. A bare
 * {@code .ics} file is read as the calendar part of a mail without {@code method=}.
 */
public final class Inspector {
    private final CalendarParts parts;
    private final InvitationTriage triage;

    public Inspector(RebondConfig.Limits limits, InvitationTriage triage) {
        this.parts = new CalendarParts(limits);
        this.triage = triage;
    }

    /**
     * What one file holds.
     *
     * @param error why the file could not be read at all, empty when its parts are listed
     * @param parts its calendar parts in MIME order (one, numbered 0, for an {@code .ics} file)
     */
    public record Reading(Optional<String> error, List<Part> parts) {
        public Reading {
            parts = List.copyOf(parts);
        }

        static Reading failed(String error) {
            return new Reading(Optional.of(error), List.of());
        }
    }

    /** One calendar part of a file: its 1-based index in the mail (0 for an {@code .ics} file) and its triage. */
    public record Part(int index, InvitationTriage.PartVerdict verdict) {}

    /** Prints every file's components; returns true when at least one file (or part) failed. */
    public boolean inspect(List<Path> paths, PrintWriter out) {
        boolean failed = false;
        for (Path path : paths) {
            for (Path file : files(path, out)) {
                failed |= !print(file.toString(), read(file), out);
            }
            if (!Files.exists(path)) failed = true;
        }
        out.flush();
        return failed;
    }

    /** Reads one {@code .eml} or {@code .ics} file and judges each of its calendar parts as the daemon would. */
    public Reading read(Path file) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")) {
                MimeMessage message;
                try (InputStream in = Files.newInputStream(file)) {
                    message = parts.readMessage(in);
                }
                List<CalendarParts.CalendarPart> found = parts.of(message);
                if (found.isEmpty()) {
                    return Reading.failed("no calendar part in this mail");
                }
                List<Part> judged = new ArrayList<>(found.size());
                for (CalendarParts.CalendarPart part : found) {
                    judged.add(new Part(part.index(), triage.triage(part.content(), part.mimeMethod())));
                }
                return new Reading(Optional.empty(), judged);
            }
            return new Reading(Optional.empty(), List.of(new Part(0, triage.triage(Files.readAllBytes(file), ""))));
        } catch (CalendarRejected rejected) {
            return Reading.failed(rejected.getMessage());
        } catch (IOException | RuntimeException unreadable) {
            return Reading.failed("file could not be read: " + reason(unreadable));
        } catch (StackOverflowError | OutOfMemoryError exhausted) {
            return Reading.failed("file too complex to read");
        }
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

    /** Prints a file's lines; returns false when the file or one of its parts could not be read. */
    private static boolean print(String file, Reading reading, PrintWriter out) {
        if (reading.error().isPresent()) {
            out.println(new JsonLine().put("file", file).put("error", reading.error().get()));
            return false;
        }
        boolean ok = true;
        for (Part part : reading.parts()) {
            InvitationTriage.PartVerdict verdict = part.verdict();
            if (verdict.invitation().isEmpty()) {
                JsonLine line = new JsonLine().put("file", file);
                if (part.index() > 0) line.put("part", part.index());
                out.println(line.put("error", verdict.setAside().orElse("calendar could not be read")));
                ok = false;
                continue;
            }
            for (InvitationTriage.EventVerdict judged : verdict.events()) {
                out.println(line(file, part.index(), verdict.methodMismatch(), judged));
            }
        }
        return ok;
    }

    private static JsonLine line(String file, int part, Optional<String> methodMismatch, InvitationTriage.EventVerdict judged) {
        CalendarEvent event = judged.event();
        Verdict verdict = judged.verdict();
        EventTime start = event.start();
        return new JsonLine()
                .put("file", file)
                .put("part", part)
                .put("component", event.component())
                .put("method", event.method())
                .put("methodMismatch", methodMismatch.orElse(null))
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
                        .put("setAside", judged.setAside().orElse(null))
                        .put("reason", verdict.reason())
                        .put("contact", verdict.contact().isEmpty() ? null : verdict.contact())
                        .put("referrer", verdict.referrer().isEmpty() ? null : verdict.referrer()));
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
