package org.rebond.domain;

import java.util.ArrayList;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The prep event rebond places just before an interview (METHOD:PUBLISH): its own UID derived from
 * the interview's, RELATED-TO the interview, the brief as an inline ATTACH and a summary in
 * DESCRIPTION. Written as text so no ical4j object outlives the call.
 */
public final class PrepEvent {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_DESCRIPTION = 4000;

    private PrepEvent() {}

    /** A stable UID for the prep event of an interview, so updates replace rather than duplicate. */
    public static String uidFor(String interviewUid, String recurrenceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((interviewUid + "\n" + recurrenceId).getBytes(StandardCharsets.UTF_8));
            return "prep-" + HexFormat.of().formatHex(digest, 0, 16) + "@rebond";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param sequence   raised each time the interview moves, so calendars take the update
     * @param briefHtml  the brief, attached inline as text/html
     */
    public static String write(String interviewUid, String recurrenceId, int sequence, Instant stamp, Instant start, Instant end,
                               String summary, String description, String briefHtml) {
        return write(interviewUid, recurrenceId, sequence, stamp, start, end, summary, description, briefHtml, Duration.ZERO);
    }

    /**
     * As above, with a reminder (VALARM, ACTION:DISPLAY) {@code reminder} before the prep slot starts;
     * none when it is zero.
     */
    public static String write(String interviewUid, String recurrenceId, int sequence, Instant stamp, Instant start, Instant end,
                               String summary, String description, String briefHtml, Duration reminder) {
        List<String> lines = new ArrayList<>(List.of(
                "DESCRIPTION:" + text(capped(description)),
                "STATUS:CONFIRMED",
                "RELATED-TO:" + text(interviewUid),
                "TRANSP:TRANSPARENT",
                "CLASS:PRIVATE",
                "ATTACH;FMTTYPE=text/html;ENCODING=BASE64;VALUE=BINARY;X-FILENAME=brief.html:"
                        + Base64.getEncoder().encodeToString(briefHtml.getBytes(StandardCharsets.UTF_8))));
        if (reminder != null && !reminder.isZero() && !reminder.isNegative()) {
            lines.addAll(List.of("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + text(summary),
                    "TRIGGER;RELATED=START:-" + reminder, "END:VALARM"));
        }
        return calendar(interviewUid, recurrenceId, sequence, stamp, start, end, summary, lines);
    }

    /**
     * The cancelled version of a prep event: same UID, a higher {@code sequence}, STATUS:CANCELLED
     * (allowed in PUBLISH by RFC 5546 §3.2.1; METHOD:CANCEL would need an ORGANIZER the prep event
     * never had), so the user's calendar drops the prep slot.
     */
    public static String cancel(String interviewUid, String recurrenceId, int sequence, Instant stamp, Instant start, Instant end,
                                String summary) {
        return calendar(interviewUid, recurrenceId, sequence, stamp, start, end, summary, List.of(
                "STATUS:CANCELLED",
                "RELATED-TO:" + text(interviewUid),
                "TRANSP:TRANSPARENT",
                "CLASS:PRIVATE"));
    }

    private static String calendar(String interviewUid, String recurrenceId, int sequence, Instant stamp, Instant start, Instant end,
                                   String summary, List<String> moreLines) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//rebond//prep event//EN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + text(uidFor(interviewUid, recurrenceId)));
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(end));
        line(ics, "SUMMARY:" + text(summary));
        moreLines.forEach(l -> line(ics, l));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** At most {@value #MAX_DESCRIPTION} characters, never cutting a character in two. */
    private static String capped(String description) {
        if (description.length() <= MAX_DESCRIPTION) {
            return description;
        }
        int cut = Character.isHighSurrogate(description.charAt(MAX_DESCRIPTION - 1)) ? MAX_DESCRIPTION - 1 : MAX_DESCRIPTION;
        return description.substring(0, cut) + "…";
    }

    /** RFC 5545 TEXT escaping; control characters other than newline dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder();
        value.replace("\r\n", "\n").codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (cp >= 0x20 && cp != 0x7F) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Appends a content line folded at 75 octets without splitting a UTF-8 sequence. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
