package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.application.InterviewService;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;

/**
 * Issue 4 over real IMAP, store, Quartz and templates: a prep event already delivered is updated
 * (same prep UID, higher SEQUENCE) rather than duplicated when the interview moves, cancelled when
 * it is cancelled; and one invitation in two MIME parts, delivered twice and seen in two folders,
 * counts once (B17, B23). Time is stepped, never slept.
 */
class PrepEventUpdateIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String UID = "iv-1@acme-health.example";
    private static final String TITLE = "Information interview Camille / Jeanne";

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();
    private final List<InterviewService.Outcome> outcomes = new CopyOnWriteArrayList<>();

    private Interview invitedAndBriefed(Instant start) throws Exception {
        daemon.mailbox.deliver(daemon.mailbox.invitation(UID, 0, "REQUEST", daemon.clock.instant(), start, start.plus(Duration.ofMinutes(30)), TITLE));
        await().atMost(BOUND).until(() -> daemon.app.store().all().size() == 1);
        Interview interview = daemon.app.store().all().get(0);
        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        daemon.awaitDone(interview.id(), Action.BRIEF);
        return interview;
    }

    private static String property(String ics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":(.*)\r?$").matcher(ics.replace("\r\n ", ""));
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void aMovedInterviewAfterItsBriefGetsExactlyOneUpdateWithTheSamePrepUidAndAHigherSequence() throws Exception {
        daemon.start(daemon.config(), UnaryOperator.identity(), (what, outcome) -> outcomes.add(outcome));
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        Interview interview = invitedAndBriefed(start);
        Instant later = start.plus(Duration.ofDays(2));

        daemon.mailbox.deliver(daemon.mailbox.invitation(UID, 1, "REQUEST", daemon.clock.instant(), later, later.plus(Duration.ofMinutes(30)), TITLE));
        daemon.awaitDone(interview.id(), Action.briefUpdate(1));
        daemon.stepTo(daemon.clock.instant().plusSeconds(30));
        daemon.stepTo(later.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(BOUND).until(() -> daemon.app.store().byId(interview.id()).orElseThrow().start().equals(later));

        List<TestMailbox.Seen> inbox = daemon.mailbox.rebondMessages("INBOX");
        assertThat(inbox).as("the brief, then one update; no second brief").hasSize(2);
        TestMailbox.Seen brief = inbox.get(0);
        TestMailbox.Seen update = inbox.get(1);
        assertThat(update.subject()).startsWith("Moved: your information interview with Jeanne Roe");
        assertThat(update.text()).contains("Before:").contains("Now:");
        assertThat(property(update.calendar(), "UID")).isEqualTo(property(brief.calendar(), "UID"));
        assertThat(Integer.parseInt(property(update.calendar(), "SEQUENCE"))).isGreaterThan(Integer.parseInt(property(brief.calendar(), "SEQUENCE")));
        DateTimeFormatter ics = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        assertThat(property(update.calendar(), "DTEND")).isEqualTo(ics.format(later));
        assertThat(property(update.calendar(), "STATUS")).isEqualTo("CONFIRMED");
        assertThat(update.draft()).isFalse();
    }

    @Test
    void aMovedInterviewBeforeItsBriefGetsNoUpdateJustTheBriefAtTheNewTime() throws Exception {
        daemon.start(daemon.config(), UnaryOperator.identity(), (what, outcome) -> outcomes.add(outcome));
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        daemon.mailbox.deliver(daemon.mailbox.invitation(UID, 0, "REQUEST", daemon.clock.instant(), start, start.plus(Duration.ofMinutes(30)), TITLE));
        await().atMost(BOUND).until(() -> daemon.app.store().all().size() == 1);
        Interview interview = daemon.app.store().all().get(0);
        Instant later = start.plus(Duration.ofDays(2));
        daemon.mailbox.deliver(daemon.mailbox.invitation(UID, 1, "REQUEST", daemon.clock.instant().plusSeconds(5), later, later.plus(Duration.ofMinutes(30)), TITLE));
        await().atMost(BOUND).until(() -> daemon.app.store().byId(interview.id()).orElseThrow().start().equals(later));

        daemon.stepTo(later.minus(Duration.ofHours(24)).plusSeconds(1));
        daemon.awaitDone(interview.id(), Action.BRIEF);

        assertThat(daemon.app.store().prepUpdates(interview.id())).isEmpty();
        List<TestMailbox.Seen> inbox = daemon.mailbox.rebondMessages("INBOX");
        assertThat(inbox).singleElement().satisfies(brief -> {
            assertThat(brief.subject()).contains(": prep for your 1st information interview");
            assertThat(property(brief.calendar(), "DTEND")).isEqualTo(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(ZoneOffset.UTC).format(later));
        });
    }

    @Test
    void aCancelledInterviewAfterItsBriefGetsOneCancellationOfThePrepEventAndNothingElse() throws Exception {
        daemon.start(daemon.config(), UnaryOperator.identity(), (what, outcome) -> outcomes.add(outcome));
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        Interview interview = invitedAndBriefed(start);

        daemon.mailbox.deliver(daemon.mailbox.invitation(UID, 1, "CANCEL", daemon.clock.instant(), start, start.plus(Duration.ofMinutes(30)), TITLE));
        daemon.awaitDone(interview.id(), Action.briefUpdate(1));
        daemon.stepTo(daemon.clock.instant().plusSeconds(30));
        daemon.stepTo(start.plus(Duration.ofDays(100)));

        List<TestMailbox.Seen> inbox = daemon.mailbox.rebondMessages("INBOX");
        assertThat(inbox).hasSize(2);
        TestMailbox.Seen cancellation = inbox.get(1);
        assertThat(cancellation.subject()).startsWith("Cancelled: your information interview with Jeanne Roe");
        assertThat(property(cancellation.calendar(), "UID")).isEqualTo(property(inbox.get(0).calendar(), "UID"));
        assertThat(property(cancellation.calendar(), "STATUS")).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(property(cancellation.calendar(), "SEQUENCE")))
                .isGreaterThan(Integer.parseInt(property(inbox.get(0).calendar(), "SEQUENCE")));
        assertThat(daemon.mailbox.rebondMessages("Drafts")).isEmpty();
    }

    @Test
    void theSameInvitationInTwoMimePartsDeliveredTwiceAndSeenInTwoFoldersCountsOnce() throws Exception {
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        MimeMessage twoParts = googleStyle(start);
        appendToSent(twoParts);
        daemon.start(daemon.config(), UnaryOperator.identity(), (what, outcome) -> outcomes.add(outcome));
        daemon.mailbox.deliver(twoParts);
        daemon.mailbox.deliver(googleStyle(start));

        // One outcome per message: the two parts of one mail are read as one invitation (B23).
        await().atMost(BOUND).until(() -> outcomes.size() >= 3);
        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        Interview interview = daemon.app.store().all().get(0);
        daemon.awaitDone(interview.id(), Action.BRIEF);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes).filteredOn(o -> o.kind() == InterviewService.Outcome.Kind.CREATED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.kind() != InterviewService.Outcome.Kind.CREATED)
                .allMatch(o -> o.kind() == InterviewService.Outcome.Kind.DUPLICATE);
        assertThat(daemon.app.store().all()).hasSize(1);
        assertThat(daemon.mailbox.rebondMessages("INBOX")).hasSize(1);
    }

    /** Google and Outlook carry the invitation twice: inline text/calendar in the alternative, and invite.ics attached (B23). */
    private MimeMessage googleStyle(Instant start) throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                + "UID:" + UID + "\r\nSEQUENCE:0\r\nDTSTAMP:" + f.format(daemon.clock.instant()) + "\r\nDTSTART:" + f.format(start) + "\r\n"
                + "DTEND:" + f.format(start.plus(Duration.ofMinutes(30))) + "\r\nSUMMARY:" + TITLE + "\r\n"
                + "ORGANIZER;CN=Jeanne Roe:mailto:" + TestMailbox.CONTACT + "\r\n"
                + "ATTENDEE;CN=Camille Martin;PARTSTAT=NEEDS-ACTION:mailto:" + TestMailbox.USER + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<google-" + UID + "@acme-health.example>");
            }
        };
        m.setFrom(new InternetAddress(TestMailbox.CONTACT));
        m.setRecipients(Message.RecipientType.TO, TestMailbox.USER);
        m.setSubject("Invitation: " + TITLE);
        m.setSentDate(Date.from(daemon.clock.instant()));
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("You have been invited.", "UTF-8");
        alternative.addBodyPart(text);
        MimeBodyPart inline = new MimeBodyPart();
        inline.setContent(ics, "text/calendar; charset=UTF-8; method=REQUEST");
        alternative.addBodyPart(inline);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        MimeBodyPart attached = new MimeBodyPart();
        attached.setContent(ics, "application/ics; name=invite.ics");
        attached.setFileName("invite.ics");
        attached.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(attached);
        m.setContent(mixed);
        m.saveChanges();
        return m;
    }

    private void appendToSent(MimeMessage message) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", daemon.mailbox.port(), "camille", "secret-pw");
        try {
            Folder sent = store.getFolder("Sent");
            if (!sent.exists()) {
                sent.create(Folder.HOLDS_MESSAGES);
            }
            sent.appendMessages(new Message[] {message});
        } finally {
            store.close();
        }
    }
}
