package org.rebond.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rebond.calendar.CalendarEvent;
import org.rebond.calendar.CalendarParser;
import org.rebond.calendar.CalendarParts;
import org.rebond.calendar.CalendarRejected;
import org.rebond.calendar.ParsedCalendar;
import org.rebond.compose.NotesParser;
import org.rebond.config.RebondConfig;
import org.rebond.interview.DebriefNotes;
import org.rebond.interview.Interview;
import org.rebond.interview.InterviewService;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one message seen in a followed folder: keeps its headers and a short excerpt in the
 * history, hands its invitations to the interview service, and takes a reply to a debrief prompt
 * as notes. One bad message is quarantined with its reason; the others flow on (DESIGN I5).
 * Reads never set {@code \Seen}.
 *
 * <p>What it costs (issue 3, "cheap reads"): the headers come from the fields the scan fetched
 * with the structure (never the ENVELOPE, which is one more round trip per message); only
 * calendar parts are downloaded for everyone, and one small text part only for the user's own
 * messages and those involving a known contact ({@link SqlInterviewStore#isKnownContact}). When
 * an invitation makes someone a known contact, {@link #newlyKnownContacts()} names them so the
 * watcher can fill in the text of their earlier messages ({@link #fillText}). History rows are
 * written a batch at a time ({@link #flush()}), and always before an invitation or a reply is
 * acted on, so the history those read is complete.
 */
public final class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    /** The headers fetched for every message (HEADER.FIELDS, cheap on the server). */
    public static final List<String> HEADERS = List.of("Message-ID", "From", "To", "Cc", "Date", "Subject", "In-Reply-To",
            "References", "Content-Type", MimeWriter.TOKEN_HEADER);

    private static final int MAX_HEADER_CHARS = 64 * 1024;
    private static final int MAX_TEXT_BYTES = 256 * 1024;
    private static final int SAMPLE_CHARS = 4000;
    private static final int EXCERPT_CHARS = 240;
    private static final int MAX_DEPTH = 20;

    private final RebondConfig.Profile profile;
    private final RebondConfig.Limits limits;
    private final CalendarParts calendarParts;
    private final CalendarParser parser;
    private final InterviewService interviews;
    private final SqlInterviewStore store;
    private final SqlMessageHistory history;
    private final SqlOutbox outbox;
    private final SqlQuarantine quarantine;
    private final NotesParser notesParser;
    private final IntakeListener listener;
    private final List<SqlMessageHistory.SeenMessage> pending = new ArrayList<>();
    private final Set<String> newlyKnown = new LinkedHashSet<>();

    public MessageIntake(RebondConfig.Profile profile, RebondConfig.Limits limits, InterviewService interviews, SqlInterviewStore store,
                         SqlMessageHistory history, SqlOutbox outbox, SqlQuarantine quarantine, NotesParser notesParser, IntakeListener listener) {
        this.profile = profile;
        this.limits = limits;
        this.calendarParts = new CalendarParts(limits);
        this.parser = new CalendarParser(limits);
        this.interviews = interviews;
        this.store = store;
        this.history = history;
        this.outbox = outbox;
        this.quarantine = quarantine;
        this.notesParser = notesParser;
        this.listener = listener;
    }

    /** Told what each message led to (logs, the demo's narration). */
    @FunctionalInterface
    public interface IntakeListener {
        void taken(String what, InterviewService.Outcome outcome);

        IntakeListener NONE = (what, outcome) -> { };
    }

    public void take(String folder, long uidValidity, long uid, Message message) {
        String item = folder + ":" + uidValidity + ":" + uid;
        if (quarantine.contains("imap", item)) {
            return;
        }
        try {
            if (header(message, MimeWriter.TOKEN_HEADER) != null) {
                return; // a message rebond wrote itself
            }
            Headers h = headers(message);
            boolean fromUser = profile.isUser(h.fromEmail);
            long size = message.getSize();
            boolean withinSize = size < 0 || size <= limits.maxMessageBytes();
            String text = withinSize && (fromUser || involvesKnownContact(h)) ? firstText(message, 0) : "";
            pending.add(new SqlMessageHistory.SeenMessage(folder, uidValidity, uid, h.messageId, h.inReplyTo, h.references, h.date,
                    h.fromEmail, h.fromName, h.recipients, h.subject, excerpt(text), sample(text)));
            List<CalendarParts.CalendarPart> parts = withinSize ? calendarParts.of(message) : List.of();
            boolean mayBeNotes = fromUser && (!h.inReplyTo.isEmpty() || !h.references.isEmpty());
            if (mayBeNotes || !parts.isEmpty() || !withinSize) {
                flush();
            }
            if (mayBeNotes) {
                takeNotes(h, text);
            }
            if (!withinSize) {
                quarantine.add("imap", item, "message of " + size + " bytes is larger than limits.max_message_bytes (" + limits.maxMessageBytes()
                        + "); its invitations, if any, were not read");
                return;
            }
            takeInvitations(item, h, parts);
        } catch (MessagingException | IOException | RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            quarantine.add("imap", item, reason);
            log.warn("message {} quarantined: {} — it will not be retried; see `rebond status`", item, reason);
        } catch (StackOverflowError e) {
            quarantine.add("imap", item, "message structure too deep to read");
            log.warn("message {} quarantined: structure too deep to read", item);
        }
    }

    /** Writes the history rows taken since the last flush, in one transaction. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<SqlMessageHistory.SeenMessage> batch = List.copyOf(pending);
        pending.clear();
        history.recordAll(batch);
    }

    /** The people who became known contacts (an interview was created or updated) since the last call. */
    public List<String> newlyKnownContacts() {
        List<String> out = List.copyOf(newlyKnown);
        newlyKnown.clear();
        return out;
    }

    /** Downloads the text of a message kept without it, now that it involves a known contact. */
    public void fillText(SqlMessageHistory.Textless row, Message message) {
        try {
            long size = message.getSize();
            if (size >= 0 && size > limits.maxMessageBytes()) {
                return;
            }
            String text = firstText(message, 0);
            if (!text.isEmpty()) {
                history.setText(row.row(), excerpt(text), sample(text));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            log.debug("text of {}:{}:{} not read: {}", row.folder(), row.uidValidity(), row.uid(), e.getMessage());
        }
    }

    private boolean involvesKnownContact(Headers h) {
        if (store.isKnownContact(h.fromEmail)) {
            return true;
        }
        for (String recipient : h.recipients) {
            if (!profile.isUser(recipient) && store.isKnownContact(recipient)) {
                return true;
            }
        }
        return false;
    }

    private static String sample(String text) {
        return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    }

    private void takeInvitations(String item, Headers h, List<CalendarParts.CalendarPart> parts) {
        for (CalendarParts.CalendarPart part : parts) {
            try {
                ParsedCalendar calendar = parser.parse(part.content());
                String method = CalendarParts.effectiveMethod(part.mimeMethod(), calendar.method());
                Optional<String> problem = new ParsedCalendar(method, calendar.events()).schedulingProblem();
                if (problem.isPresent()) {
                    throw new CalendarRejected(problem.get());
                }
                for (CalendarEvent event : calendar.events()) {
                    CalendarEvent effective = event.method().equals(method) ? event : event.withMethod(method);
                    InterviewService.Outcome outcome = interviews.onCalendarEvent(effective, h.fromEmail, h.messageId);
                    log.info("invitation \"{}\" from {}: {} ({})", HeaderSafety.oneLine(event.summary()), h.fromEmail,
                            outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), outcome.detail());
                    if (outcome.interview() != null && (outcome.kind() == InterviewService.Outcome.Kind.CREATED
                            || outcome.kind() == InterviewService.Outcome.Kind.UPDATED)) {
                        newlyKnown.add(outcome.interview().contact().email().toLowerCase(Locale.ROOT));
                        if (outcome.interview().referrer() != null) {
                            newlyKnown.add(outcome.interview().referrer().email().toLowerCase(Locale.ROOT));
                        }
                    }
                    listener.taken(event.summary(), outcome);
                }
            } catch (CalendarRejected e) {
                quarantine.add("imap", item + "#" + part.index(), e.getMessage());
                log.warn("invitation in message {} (part {}) quarantined: {}", item, part.index(), e.getMessage());
            }
        }
    }

    private void takeNotes(Headers h, String text) {
        List<String> candidates = new ArrayList<>();
        if (!h.inReplyTo.isEmpty()) {
            candidates.add(h.inReplyTo);
        }
        candidates.addAll(h.references);
        for (String candidate : candidates) {
            Optional<Long> interviewId = outbox.interviewPromptedBy(candidate);
            if (interviewId.isEmpty()) {
                continue;
            }
            Optional<Interview> interview = store.byId(interviewId.get());
            if (interview.isEmpty() || store.notesSource(interviewId.get()).filter(h.messageId::equals).isPresent()) {
                return;
            }
            DebriefNotes notes = notesParser.parse(text);
            List<String> asks = notesParser.jobRequestPhrases(text, profile.language());
            if (!asks.isEmpty()) {
                log.warn("the notes for interview {} ask for a job ({}); the thank-you will keep your words but "
                        + "an information interview asks for information only (METHOD M1)", interviewId.get(), String.join(", ", asks));
            }
            interviews.recordNotes(interview.get(), notes, h.messageId);
            log.info("debrief notes received for interview {}: {} points, {} leads, {} names", interviewId.get(),
                    notes.points().size(), notes.leads().size(), notes.names().size());
            listener.taken("notes", new InterviewService.Outcome(InterviewService.Outcome.Kind.UPDATED, interview.get(), "debrief notes received"));
            return;
        }
    }

    private record Headers(String messageId, String fromEmail, String fromName, List<String> recipients, Instant date, String subject,
                           String inReplyTo, List<String> references) {}

    /**
     * The headers, from the fields fetched with the structure: {@code getFrom()},
     * {@code getRecipients()} and {@code getSentDate()} of an IMAP message would each fetch the
     * ENVELOPE, one round trip per message. INTERNALDATE is asked for only when Date is missing
     * or unreadable.
     */
    private Headers headers(Message message) throws MessagingException {
        String rawId = header(message, "Message-ID");
        String messageId = HeaderSafety.messageId(rawId).orElse("");
        InternetAddress from = firstAddress(addresses(message, "From"));
        Set<String> recipients = new LinkedHashSet<>();
        addAll(recipients, addresses(message, "To"));
        addAll(recipients, addresses(message, "Cc"));
        Instant date = dateOf(header(message, "Date"));
        if (date == null) {
            java.util.Date received = message.getReceivedDate();
            date = received != null ? received.toInstant() : Instant.EPOCH;
        }
        String subject = decoded(header(message, "Subject"));
        return new Headers(messageId, from == null ? "" : lower(from.getAddress()), from == null ? "" : HeaderSafety.oneLine(decoded(from.getPersonal())),
                List.copyOf(recipients), date, HeaderSafety.oneLine(subject.length() > 998 ? subject.substring(0, 998) : subject),
                HeaderSafety.messageId(header(message, "In-Reply-To")).orElse(""), HeaderSafety.messageIds(header(message, "References")));
    }

    /** The addresses of every occurrence of a header, parsed leniently; none when unreadable. */
    private static Address[] addresses(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            if (values == null || values.length == 0) {
                return null;
            }
            String joined = String.join(",", values);
            return InternetAddress.parseHeader(joined.length() > MAX_HEADER_CHARS ? joined.substring(0, MAX_HEADER_CHARS) : joined, false);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Instant dateOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            java.util.Date parsed = new jakarta.mail.internet.MailDateFormat().parse(MimeUtility.unfold(raw).strip());
            return parsed == null ? null : parsed.toInstant();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    private static void addAll(Set<String> out, Address[] addresses) {
        if (addresses == null) {
            return;
        }
        for (Address a : addresses) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                out.add(lower(ia.getAddress()));
            }
        }
    }

    private static InternetAddress firstAddress(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        for (Address a : addresses) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                return ia;
            }
        }
        return null;
    }

    private static String lower(String s) {
        return HeaderSafety.oneLine(s).toLowerCase(Locale.ROOT);
    }

    /** RFC 2047 decoding with a size cap before decoding (B26) and the raw text on unknown charsets (B27). */
    static String decoded(String raw) {
        if (raw == null) {
            return "";
        }
        String capped = raw.length() > MAX_HEADER_CHARS ? raw.substring(0, MAX_HEADER_CHARS) : raw;
        try {
            return HeaderSafety.oneLine(MimeUtility.decodeText(MimeUtility.unfold(capped)));
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return HeaderSafety.oneLine(capped);
        }
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The first text/plain part, size-capped, decoded leniently (B28); attachments are never read. */
    private static String firstText(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return "";
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < Math.min(multipart.getCount(), 50); i++) {
                    String text = firstText(multipart.getBodyPart(i), depth + 1);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        }
        if (!part.isMimeType("text/plain") || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return "";
        }
        int size = part.getSize();
        if (size > MAX_TEXT_BYTES) {
            return "";
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_TEXT_BYTES);
        }
        return new String(bytes, charsetOf(part.getContentType())).replace("\r\n", "\n");
    }

    private static Charset charsetOf(String contentType) {
        try {
            String cs = new jakarta.mail.internet.ContentType(contentType).getParameter("charset");
            return cs == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(cs));
        } catch (Exception e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** A short excerpt: the first lines that are not quoted, one line. */
    static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith(">")) {
                continue;
            }
            if (t.equals("--") || t.matches("(?i)^(on|le) .*(wrote|a écrit)\\s*:$")) {
                break;
            }
            out.append(t).append(' ');
            if (out.length() >= EXCERPT_CHARS) {
                break;
            }
        }
        String s = HeaderSafety.oneLine(out.toString());
        return s.length() > EXCERPT_CHARS ? s.substring(0, EXCERPT_CHARS - 1) + "…" : s;
    }
}
