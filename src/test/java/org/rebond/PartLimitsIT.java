package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.application.MessageArrivals;
import org.rebond.application.Quarantine;

/**
 * The size and shape limits apply to each part, not to the message: a large attachment never hides
 * the invitation beside it, and whatever rebond did not read is set aside with its reason, where
 * {@code status} shows it (the daemon on GreenMail, as a user's mail reaches it).
 */
class PartLimitsIT {

    private static final Duration BOUND = DaemonOnGreenMail.BOUND;
    private static final String LIMITS = "limits:\n  max_message_bytes: 64KiB\n  max_calendar_part_bytes: 4KiB";

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    private App start() throws Exception {
        Path config = daemon.mailbox.writeConfig(daemon.dir, LIMITS);
        return daemon.start(config, UnaryOperator.identity(), MessageArrivals.Listener.NONE);
    }

    private MimeMessage invitation(String uid, String summary) throws MessagingException {
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        return daemon.mailbox.invitation(uid, 0, "REQUEST", daemon.clock.instant(), start, start.plus(Duration.ofMinutes(30)), summary);
    }

    /** The invitation's calendar part as a body part of its own. */
    private static MimeBodyPart calendarPart(MimeMessage invitation) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(invitation.getContent(), invitation.getContentType());
        return part;
    }

    private static void replaceBody(MimeMessage message, MimeMultipart body) throws MessagingException {
        message.setContent(body);
        message.saveChanges();
    }

    @Test
    void anInvitationBesideAnAttachmentLargerThanTheMessageLimitIsStillTaken() throws Exception {
        App app = start();
        MimeMessage message = invitation("big-1@acme-health.example", "Information interview Camille / Jeanne");
        MimeBodyPart note = new MimeBodyPart();
        note.setText("Here is the invitation, and the slides.", "UTF-8");
        MimeBodyPart slides = new MimeBodyPart();
        byte[] deck = new byte[300 * 1024];
        Arrays.fill(deck, (byte) 'x');
        slides.setContent(deck, "application/octet-stream");
        slides.setFileName("deck.pdf");
        replaceBody(message, new MimeMultipart("mixed", note, calendarPart(message), slides));
        daemon.mailbox.deliver(message);

        await().atMost(BOUND).until(() -> app.store().all().size() == 1);
        assertThat(app.store().all().get(0).contact().email()).isEqualTo(TestMailbox.CONTACT);
        assertThat(app.quarantine().all()).as("nothing was left unread").isEmpty();
    }

    @Test
    void aCalendarPartLargerThanItsLimitIsSetAsideWithItsReasonAndTheNextInvitationIsTaken() throws Exception {
        App app = start();
        MimeMessage huge = invitation("huge-1@acme-health.example", "Information interview " + "very ".repeat(2000) + "long");
        daemon.mailbox.deliver(huge);
        daemon.mailbox.deliver(invitation("ok-1@acme-health.example", "Information interview Camille / Jeanne"));

        await().atMost(BOUND).until(() -> app.store().all().size() == 1);
        assertThat(app.store().all().get(0).uid()).isEqualTo("ok-1@acme-health.example");
        await().atMost(BOUND).until(() -> !app.quarantine().all().isEmpty());
        assertThat(app.quarantine().all()).singleElement().extracting(Quarantine.Item::reason).asString()
                .containsIgnoringCase("larger than").contains("4096");
    }

    @Test
    void partsNestedDeeperThanRebondReadsAreSetAsideWithTheReasonWhileTheRestIsTaken() throws Exception {
        App app = start();
        MimeMessage message = invitation("deep-1@acme-health.example", "Information interview Camille / Jeanne");
        MimeBodyPart innermost = new MimeBodyPart();
        innermost.setText("a very deep part", "UTF-8");
        MimeMultipart body = new MimeMultipart("mixed", innermost);
        for (int level = 0; level < 30; level++) {
            MimeBodyPart wrapper = new MimeBodyPart();
            wrapper.setContent(body);
            body = new MimeMultipart("mixed", wrapper);
        }
        body.addBodyPart(calendarPart(message), 0);
        replaceBody(message, body);
        daemon.mailbox.deliver(message);

        await().atMost(BOUND).until(() -> app.store().all().size() == 1);
        await().atMost(BOUND).until(() -> !app.quarantine().all().isEmpty());
        assertThat(app.quarantine().all()).singleElement().extracting(Quarantine.Item::reason).asString()
                .contains("nested more than").contains("not read");
    }
}
