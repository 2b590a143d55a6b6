package org.rebond.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rebond.application.InterviewStore;
import org.rebond.application.MessageArrivals;
import org.rebond.application.MessageHistory;
import org.rebond.application.Outbox;
import org.rebond.application.Quarantine;
import org.rebond.calendar.CalendarParts;
import org.rebond.config.RebondConfig;
import org.rebond.domain.DecodedText;
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
 * calendar parts are downloaded for everyone, and one small text part only for messages involving
 * a known contact ({@link InterviewStore#isKnownContact}), the user's replies to debrief
 * prompts and the user's newest messages ({@link #OWN_TEXTS}). When
 * an invitation makes someone a known contact, {@link #newlyKnownContacts()} names them so the
 * watcher can fill in the text of their earlier messages ({@link TextBackfill}). History rows are
 * written a batch at a time ({@link #flush()}); the invitations and debrief replies of the batch
 * are acted on after that, so the history they read is complete, and the folder's cursor is
 * written last, so a cursor never passes a message whose invitation was not taken.
 */
public final class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    /** The headers fetched for every message (HEADER.FIELDS, cheap on the server). */
    public static final List<String> HEADERS = List.of("Message-ID", "From", "To", "Cc", "Date", "Subject", "In-Reply-To",
            "References", "Content-Type", MimeWriter.TOKEN_HEADER);

    /**
     * How many of a folder's newest messages keep their text as they are read, when they are the
     * user's or involve a known contact: the keyword baseline of a brief reads the latest 2,000
     * texts of the mailbox, and a brief the latest 50 messages with its contact. Older ones are kept
     * without text, and the watcher fills in, after the read, the text of the latest messages with
     * each known contact that lacks it ({@link MessageHistory#withoutText}). A reply to a debrief
     * prompt always keeps its text. On a first scan this spares the download of every message the
     * user ever sent and of years of mail with people who later became contacts, most of which no
     * brief would read.
     */
    public static final int OWN_TEXTS = 2000;
    /** The text of a reply to a debrief prompt: the notes, read whole up to this. */
    private static final int MAX_TEXT_BYTES = 256 * 1024;
    private static final int SAMPLE_CHARS = 4000;
    /** The text the history keeps (excerpt and sample): enough bytes for {@value #SAMPLE_CHARS} characters of any script. */
    private static final int HISTORY_TEXT_BYTES = SAMPLE_CHARS * 4;
    private static final int EXCERPT_CHARS = 240;
    /** The line that introduces a quoted message: "On … wrote:", "Le … a écrit :". */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^(on|le) .*(wrote|a écrit)\\s*:$");

    private final RebondConfig.Profile profile;
    private final RebondConfig.Limits limits;
    private final MessageArrivals arrivals;
    private final InterviewStore store;
    private final Outbox outbox;
    private final Quarantine quarantine;
    /** The mailbox thread prepares, the intake thread takes: never both at once, so one reader serves both. */
    private final MessageHeaders headers = new MessageHeaders();

    /**
     * @param arrivals the use case the messages read go to; {@code store}, {@code outbox} and
     *                 {@code quarantine} are read once per batch to decide what to download
     */
    public MessageIntake(RebondConfig.Profile profile, RebondConfig.Limits limits, MessageArrivals arrivals, InterviewStore store,
                         Outbox outbox, Quarantine quarantine) {
        this.profile = profile;
        this.limits = limits;
        this.arrivals = arrivals;
        this.store = store;
        this.outbox = outbox;
        this.quarantine = quarantine;
    }

    /**
     * Starts a batch of one folder: the known contacts, the debrief prompts written and the
     * folder's quarantined messages are read once for the batch instead of once per message.
     * The batch is prepared on the mailbox thread and taken on the intake thread, one after the
     * other, never by both at once.
     */
    public Batch startBatch(String folder, long uidValidity) {
        return startBatch(folder, uidValidity, 0);
    }

    /**
     * As {@link #startBatch(String, long)}, the text of the user's messages and of those involving
     * a known contact being downloaded only from UID {@code textFromUid} on (see {@link #OWN_TEXTS}).
     */
    public Batch startBatch(String folder, long uidValidity, long textFromUid) {
        return new Batch(folder, uidValidity, store.knownContacts(), outbox.promptMessageIds(),
                quarantine.itemsStartingWith(MessageArrivals.SOURCE, folder + ":" + uidValidity + ":"), textFromUid);
    }

    /** The addresses of the people rebond follows interviews with (lower case). */
    public Set<String> knownContacts() {
        return store.knownContacts();
    }

    /** The UIDs of a folder's quarantined messages (under this UIDVALIDITY). */
    public Set<Long> quarantinedUids(String folder, long uidValidity) {
        String prefix = folder + ":" + uidValidity + ":";
        Set<Long> uids = new HashSet<>();
        for (String item : quarantine.itemsStartingWith(MessageArrivals.SOURCE, prefix)) {
            try {
                uids.add(Long.parseLong(item.substring(prefix.length())));
            } catch (RuntimeException partOfAMessage) {
                // "folder:uv:uid#part": an invitation of a message that was itself read
            }
        }
        return uids;
    }

    /** Quarantines one message the scan cannot read; {@code rebond status} shows it with its reason. */
    public void quarantine(String folder, long uidValidity, long uid, String reason) {
        String item = folder + ":" + uidValidity + ":" + uid;
        quarantine.add(MessageArrivals.SOURCE, item, reason);
        log.warn("message {} quarantined: {} — see `rebond status`", item, reason);
    }

    /**
     * What one batch reads once: see {@link #startBatch}. {@code quarantined} grows as the batch is
     * taken; messages below {@code textFromUid} are kept without their text, replies to debrief
     * prompts excepted.
     */
    public record Batch(String folder, long uidValidity, Set<String> knownContacts, Map<String, Long> prompts, Set<String> quarantined,
                        long textFromUid) {
        String item(long uid) {
            return folder + ":" + uidValidity + ":" + uid;
        }
    }

    /**
     * What must be downloaded before one message of the batch can be taken: its calendar parts
     * (each capped), and its first text part when it is the user's or involves a known contact.
     * A message rebond wrote, one already quarantined and one too large need nothing.
     */
    public Prepared prepare(Batch batch, ScannedMessage message) {
        String item = batch.item(message.uid());
        if (batch.quarantined().contains(item) || message.header(MimeWriter.TOKEN_HEADER) != null) {
            return new Prepared(message, null, List.of(), false); // quarantined before, or a message rebond wrote itself
        }
        if (!message.problem().isEmpty()) {
            return new Prepared(message, null, List.of(), false);
        }
        MessageHeaders.Headers h = headers.of(message);
        // Limits are per part, whatever the message's size: a large attachment is never downloaded,
        // and must not hide the invitation beside it.
        List<ImapBatchReader.PartRequest> downloads = new ArrayList<>();
        for (BodyParts.Section calendar : message.parts().calendars()) {
            downloads.add(new ImapBatchReader.PartRequest(message.uid(), calendar.id(), encodedCap(calendar, limits.maxCalendarPartBytes() + 1)));
        }
        BodyParts.Section text = message.parts().text();
        boolean fromUser = profile.isUser(h.fromEmail());
        boolean prompted = fromUser && promptAnswered(batch, h).isPresent();
        boolean recent = message.uid() >= batch.textFromUid();
        if (text != null && (prompted || (recent && (fromUser || involvesKnownContact(batch, h))))) {
            // The history keeps the beginning of the text; a reply to a debrief prompt is read whole (the notes).
            downloads.add(new ImapBatchReader.PartRequest(message.uid(), text.id(), encodedCap(text, prompted ? MAX_TEXT_BYTES : HISTORY_TEXT_BYTES)));
        }
        return new Prepared(message, h, List.copyOf(downloads), h.date() == null);
    }

    /**
     * One message of a batch, prepared, with what was asked for it downloaded.
     *
     * @param headers  null when the message is passed over (rebond's own, quarantined, unreadable)
     * @param downloads the parts to fetch before {@link #take}
     * @param needsReceivedDate its Date header is missing or unreadable: INTERNALDATE stands in
     */
    public record Prepared(ScannedMessage message, MessageHeaders.Headers headers, List<ImapBatchReader.PartRequest> downloads, boolean needsReceivedDate) {}

    /**
     * Takes one prepared message: keeps its headers and excerpt in the history, hands its
     * invitations to the interview service and takes a reply to a debrief prompt as notes.
     *
     * @param parts    the downloaded parts, raw, by {@code uid + "/" + section}
     * @param received the message's INTERNALDATE when it was needed, else null
     */
    public void take(Batch batch, Prepared prepared, Map<String, byte[]> parts, Date received) {
        ScannedMessage message = prepared.message();
        String folder = batch.folder();
        long uidValidity = batch.uidValidity();
        String item = batch.item(message.uid());
        Set<String> quarantined = batch.quarantined();
        if (!message.problem().isEmpty() && !quarantined.contains(item)) {
            arrivals.quarantine(item, quarantined, message.problem());
            return;
        }
        MessageHeaders.Headers h = prepared.headers();
        if (h == null) {
            return;
        }
        try {
            if (h.date() == null) {
                h = h.withDate(received != null ? received.toInstant() : Instant.EPOCH);
            }
            boolean fromUser = profile.isUser(h.fromEmail());
            BodyParts.Section textPart = message.parts().text();
            Optional<Long> prompted = fromUser ? promptAnswered(batch, h) : Optional.empty();
            String text = "";
            if (textPart != null && prepared.downloads().stream().anyMatch(d -> d.section().equals(textPart.id()))) {
                text = text(textPart, parts.get(key(message.uid(), textPart.id())), prompted.isPresent() ? MAX_TEXT_BYTES : HISTORY_TEXT_BYTES);
            }
            arrivals.seen(new MessageHistory.SeenMessage(folder, uidValidity, message.uid(), h.messageId(), h.inReplyTo(), h.references(), h.date(),
                    h.fromEmail(), h.fromName(), h.recipients(), h.subject(), excerpt(text), sample(text)));
            if (!message.parts().unread().isEmpty()) {
                // What was read is taken; what was not is said, in status, with its reason.
                arrivals.quarantine(item, quarantined, message.parts().unread());
            }
            // Acted on at the flush, once the history holds the whole batch (what these read).
            arrivals.arrived(new MessageArrivals.Arrival(item, quarantined, h.fromEmail(), h.messageId(), text, prompted,
                    calendarParts(message, parts)));
        } catch (IOException | RuntimeException e) {
            arrivals.quarantine(item, quarantined, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Writes the history of the messages taken since the last flush, then acts on their invitations and replies. */
    public void flush() {
        arrivals.flush(null);
    }

    /**
     * As {@link #flush()}, with {@code cursor} (the write of the folder's cursor) in the same
     * transaction: see {@link MessageArrivals#flush}.
     */
    public void flush(Runnable cursor) {
        arrivals.flush(cursor);
    }

    /** The people who became known contacts (an interview was created or updated) since the last call. */
    public List<String> newlyKnownContacts() {
        return arrivals.newlyKnownContacts();
    }

    /** The text part to download for a message kept without its text, or none. */
    public Optional<ImapBatchReader.PartRequest> textOf(ScannedMessage message) {
        BodyParts.Section text = message.parts().text();
        if (text == null || !message.problem().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImapBatchReader.PartRequest(message.uid(), text.id(), encodedCap(text, HISTORY_TEXT_BYTES)));
    }

    /**
     * The text of a message kept without it, now that it involves a known contact, from the
     * downloaded parts; empty when it has none or it cannot be read.
     */
    public Optional<MessageHistory.Text> textFor(MessageHistory.Textless row, ScannedMessage message, Map<String, byte[]> parts) {
        BodyParts.Section part = message.parts().text();
        if (part == null) {
            return Optional.empty();
        }
        try {
            String text = text(part, parts.get(key(message.uid(), part.id())), HISTORY_TEXT_BYTES);
            return text.isEmpty() ? Optional.empty() : Optional.of(new MessageHistory.Text(row.row(), excerpt(text), sample(text)));
        } catch (IOException | RuntimeException e) {
            log.debug("text of {}:{}:{} not read: {}", row.folder(), row.uidValidity(), row.uid(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The key of a downloaded part in the map {@link ImapBatchReader#parts} returns. */
    static String key(long uid, String section) {
        return uid + "/" + section.toUpperCase(Locale.ROOT);
    }

    private static long encodedCap(BodyParts.Section section, long decodedBytes) {
        return encodedCap(section.encoding(), decodedBytes);
    }

    /**
     * How many raw bytes to fetch for at most {@code decodedBytes} decoded ones: base64 takes 4
     * bytes for 3 plus line breaks, quoted-printable up to 3 for 1. The server sends CRLF: two
     * bytes per line of base64, whose 76 characters (RFC 2045's longest; 64 are common too) carry
     * 57 bytes; {@code / 12} leaves room for lines of 32 characters and more.
     */
    static long encodedCap(String encoding, long decodedBytes) {
        return switch (encoding) {
            case "base64" -> decodedBytes / 3 * 4 + decodedBytes / 12 + 8;
            case "quoted-printable" -> decodedBytes * 3 + 2;
            default -> decodedBytes;
        };
    }

    private List<MessageArrivals.CalendarPart> calendarParts(ScannedMessage message, Map<String, byte[]> parts) {
        List<byte[]> contents = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (BodyParts.Section section : message.parts().calendars()) {
            byte[] raw = parts.get(key(message.uid(), section.id()));
            if (raw == null) {
                log.warn("calendar part {} of message {} could not be downloaded (expunged meanwhile, or refused by the server); skipped",
                        section.id(), message.uid());
                continue;
            }
            try {
                contents.add(decoded(section, raw, limits.maxCalendarPartBytes() + 1));
                methods.add(section.mimeMethod());
            } catch (IOException undecodable) {
                log.warn("calendar part {} of message {} skipped: {}", section.id(), message.uid(), undecodable.toString());
            }
        }
        return CalendarParts.distinct(contents, methods).stream()
                .map(p -> new MessageArrivals.CalendarPart(p.index(), p.mimeMethod(), p.content())).toList();
    }

    /** Transfer-decodes a downloaded part, at most {@code max} bytes; an unknown encoding is read as it is (B28). */
    private static byte[] decoded(BodyParts.Section section, byte[] raw, long max) throws IOException {
        // Decoding never makes more bytes than it reads (base64, quoted-printable, 7bit, 8bit, binary).
        return TransferDecoding.decode(section.encoding(), raw, (int) Math.min(raw.length, Math.min(Integer.MAX_VALUE - 8, max)));
    }

    /** The text of a downloaded text part, at most {@code maxBytes} of it decoded, leniently (B28). */
    private static String text(BodyParts.Section section, byte[] raw, int maxBytes) throws IOException {
        if (raw == null) {
            return "";
        }
        byte[] bytes = decoded(section, raw, maxBytes);
        // Malformed bytes become U+FFFD (the String constructor's replacement); controls go.
        String text = DecodedText.withoutControls(new String(bytes, charsetOf(section.charset()))).replace("\r\n", "\n");
        // A reply written as format=flowed (Thunderbird's default) has its long lines soft-broken: joined here,
        // or a note's continuation would read as a line of its own.
        return section.flowed() ? FlowedText.decode(text, section.delSp()) : text;
    }

    private static Charset charsetOf(String charset) {
        try {
            return charset == null || charset.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(charset.strip()));
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private boolean involvesKnownContact(Batch batch, MessageHeaders.Headers h) {
        Set<String> knownContacts = batch.knownContacts();
        if (knownContacts.contains(h.fromEmail())) {
            return true;
        }
        for (String recipient : h.recipients()) {
            if (!profile.isUser(recipient) && knownContacts.contains(recipient)) {
                return true;
            }
        }
        return false;
    }

    private static String sample(String text) {
        return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    }

    /** The interview whose debrief prompt this message of the user's answers, if any. */
    private Optional<Long> promptAnswered(Batch batch, MessageHeaders.Headers h) {
        Map<String, Long> prompts = batch.prompts();
        if (prompts.isEmpty() || (h.inReplyTo().isEmpty() && h.references().isEmpty())) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (!h.inReplyTo().isEmpty()) {
            candidates.add(h.inReplyTo());
        }
        candidates.addAll(h.references());
        for (String candidate : candidates) {
            Long interviewId = prompts.get(candidate);
            if (interviewId != null) {
                return Optional.of(interviewId);
            }
        }
        return Optional.empty();
    }

    /** A short excerpt: the first lines that are not quoted, one line. */
    static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        // Line by line without splitting the whole text (it can be 256 KB): only the first lines are read.
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String t = text.substring(start, end).strip();
            if (t.isEmpty() || t.startsWith(">")) {
                continue;
            }
            if (t.equals("--") || ATTRIBUTION.matcher(t).matches()) {
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
