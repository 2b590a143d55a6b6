package org.rebond.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header fields a message is taken by, read leniently from what the scan fetched with the
 * structure, each capped before it is decoded. Not thread-safe (its date parser is not): one per
 * intake, used by one thread at a time.
 */
final class MessageHeaders {

    private static final int MAX_HEADER_CHARS = 64 * 1024;

    /** Made once: a MailDateFormat is costly to make. */
    private final MailDateFormat dates = new MailDateFormat();

    /** The header fields the intake reads, parsed once; {@code date} null when Date is missing or unreadable. */
    public record Headers(String messageId, String fromEmail, String fromName, List<String> recipients, Instant date, String subject,
                          String inReplyTo, List<String> references) {
        Headers withDate(Instant sent) {
            return new Headers(messageId, fromEmail, fromName, recipients, sent, subject, inReplyTo, references);
        }
    }

    /**
     * The headers, from the fields fetched with the structure: {@code getFrom()},
     * {@code getRecipients()} and {@code getSentDate()} of an IMAP message would each fetch the
     * ENVELOPE, one round trip per message. INTERNALDATE is asked for only when Date is missing
     * or unreadable.
     */
    Headers of(ScannedMessage message) {
        String messageId = HeaderSafety.messageId(message.header("Message-ID")).orElse("");
        InternetAddress from = firstAddress(addresses(message, "From"));
        Set<String> recipients = new LinkedHashSet<>();
        addAll(recipients, addresses(message, "To"));
        addAll(recipients, addresses(message, "Cc"));
        String subject = decoded(message.header("Subject"));
        return new Headers(messageId, from == null ? "" : lower(from.getAddress()), from == null ? "" : HeaderSafety.oneLine(decoded(from.getPersonal())),
                List.copyOf(recipients), dateOf(message.header("Date")), HeaderSafety.oneLine(subject.length() > 998 ? subject.substring(0, 998) : subject),
                HeaderSafety.messageId(message.header("In-Reply-To")).orElse(""), HeaderSafety.messageIds(message.header("References")));
    }

    /** The addresses of every occurrence of a header, parsed leniently; none when unreadable. */
    private static Address[] addresses(ScannedMessage message, String name) {
        try {
            String[] values = message.headerValues(name);
            if (values == null || values.length == 0) {
                return null;
            }
            String joined = String.join(",", values);
            return InternetAddress.parseHeader(joined.length() > MAX_HEADER_CHARS ? joined.substring(0, MAX_HEADER_CHARS) : joined, false);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private Instant dateOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant common = CommonDates.parse(raw.strip());
        if (common != null) {
            return common;
        }
        try {
            Date parsed = dates.parse(MimeUtility.unfold(raw).strip());
            return parsed == null ? null : parsed.toInstant();
        } catch (ParseException | RuntimeException e) {
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
        if (!capped.contains("=?")) {
            return HeaderSafety.oneLine(capped); // no encoded word: unfolding is oneLine's work (CR and LF become spaces)
        }
        try {
            return HeaderSafety.oneLine(MimeUtility.decodeText(MimeUtility.unfold(capped)));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return HeaderSafety.oneLine(capped);
        }
    }
}
