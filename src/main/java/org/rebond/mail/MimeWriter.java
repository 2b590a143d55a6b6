package org.rebond.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.rebond.application.OutgoingMessage;
import org.rebond.domain.Interview;

/**
 * Builds the MIME message of an {@link OutgoingMessage}, threading headers from validated
 * Message-IDs only.
 * <ul>
 * <li>To the user in INBOX (brief, debrief prompt, brief update): text (format=flowed, see
 * {@link FlowedText}) and HTML alternatives, the prep event as text/calendar, the exactly-once
 * token in {@code X-Rebond-Token} and {@code Auto-Submitted: auto-generated}.</li>
 * <li>A draft: no header of rebond's at all (the user sends it from their own client, and the
 * contact must get an ordinary message), and one text/plain part (format=flowed), so that what the
 * user edits is what goes out; text and HTML alternatives only when {@code drafts.html} asks.</li>
 * </ul>
 */
public final class MimeWriter {

    public static final String TOKEN_HEADER = "X-Rebond-Token";

    private final Session session;
    private final Clock clock;
    private final boolean htmlDrafts;

    /** Drafts as one text/plain part. */
    public MimeWriter(Clock clock) {
        this(clock, false);
    }

    /** {@code htmlDrafts}: drafts as text and HTML alternatives ({@code drafts.html}). */
    public MimeWriter(Clock clock, boolean htmlDrafts) {
        this.session = Session.getInstance(new Properties());
        this.clock = clock;
        this.htmlDrafts = htmlDrafts;
    }

    public MimeMessage write(OutgoingMessage m) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, m.messageId());
        message.setFrom(address(m.from()));
        message.setRecipient(Message.RecipientType.TO, address(m.to()));
        message.setSubject(HeaderSafety.oneLine(m.subject()), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        boolean draft = m.destination() == OutgoingMessage.Destination.DRAFTS;
        if (!draft) {
            message.setHeader(TOKEN_HEADER, HeaderSafety.oneLine(m.token()));
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        HeaderSafety.messageId(m.inReplyTo()).ifPresent(id -> setQuietly(message, "In-Reply-To", id));
        List<String> refs = m.references().stream().map(HeaderSafety::messageId).flatMap(Optional::stream).toList();
        if (!refs.isEmpty()) {
            // Folded between ids: fifty long ids on one line would pass RFC 5322's 998-octet limit.
            message.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", refs)));
        }
        if (draft && !htmlDrafts && m.calendar() == null) {
            message.setContent(FlowedText.encode(m.text()), FlowedText.CONTENT_TYPE);
        } else if (m.calendar() == null) {
            message.setContent(alternative(m));
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative(m));
            mixed.addBodyPart(body);
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(m.calendar().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=PUBLISH")));
            calendar.setFileName("prep.ics");
            calendar.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(calendar);
            message.setContent(mixed);
        }
        if (draft) {
            message.setFlags(new Flags(Flags.Flag.DRAFT), true);
            message.setFlags(new Flags(Flags.Flag.SEEN), true);
        }
        message.saveChanges();
        return message;
    }

    private static MimeMultipart alternative(OutgoingMessage m) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setContent(FlowedText.encode(m.text()), FlowedText.CONTENT_TYPE);
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), "UTF-8", "html");
        alternative.addBodyPart(html);
        return alternative;
    }

    private static void setQuietly(MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress address(Interview.Person person) {
        try {
            String name = HeaderSafety.oneLine(person.name());
            return new InternetAddress(person.email(), name.isEmpty() ? null : name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A MimeMessage that keeps the Message-ID rebond chose (saveChanges would replace it). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
