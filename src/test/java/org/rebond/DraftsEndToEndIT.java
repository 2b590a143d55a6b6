package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.ActionRunner;
import org.rebond.application.Outbox;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.Milestone;
import org.rebond.mail.FlowedReader;
import org.rebond.realserver.Neomutt;

/**
 * Drafts as the user's own client sees and sends them (issue 15), over real IMAP (GreenMail) with
 * the real daemon: no header of rebond's, one text part, never a second thanks, and notes that come
 * late replace the thank-you draft only when the user has not touched it.
 */
class DraftsEndToEndIT {

    private static final Duration BOUND = DaemonOnGreenMail.BOUND;

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    @TempDir
    Path work;

    private Instant start;
    private Interview interview;

    /** The mailbox before rebond starts: an introduction, Jeanne's answer, her invitation three days ahead. */
    private void seed() throws Exception {
        Instant now = daemon.clock.instant();
        start = Daytime.tenInParis(now.plus(Duration.ofDays(3)));
        daemon.mailbox.deliver(daemon.mailbox.plain("<intro@example.net>", "Paul Intro <" + TestMailbox.REFERRER + ">", TestMailbox.USER,
                TestMailbox.CONTACT, "Introduction: Camille / Jeanne", "Camille, meet Jeanne, who runs product at Acme Health.", now.minus(Duration.ofDays(5))));
        daemon.mailbox.deliver(daemon.mailbox.plain("<jeanne-1@acme-health.example>", "Jeanne Roe <" + TestMailbox.CONTACT + ">", TestMailbox.USER, null,
                "Re: Introduction: Camille / Jeanne", "Happy to talk about clinical workflows.\n", now.minus(Duration.ofDays(4))));
        daemon.mailbox.deliver(daemon.mailbox.invitation("iv-1@acme-health.example", 0, "REQUEST", now, start, start.plus(Duration.ofMinutes(30)),
                "Information interview Camille / Jeanne"));
    }

    private void startDaemon() {
        daemon.startWithManualScheduler();
        interview = daemon.awaitOneInterview();
    }

    private Instant end() {
        return start.plus(Duration.ofMinutes(30));
    }

    private static List<Action> delivered(List<ManualActionScheduler.Fired> fired) {
        return fired.stream().filter(f -> f.result().kind() == ActionRunner.Result.Kind.DELIVERED).map(ManualActionScheduler.Fired::action).toList();
    }

    /** The user replies to the debrief prompt with these notes, and rebond takes them. */
    private void replyWithNotes(String id, String notes) throws Exception {
        Outbox.Entry prompt = daemon.app.outbox().find(interview.id(), Action.DEBRIEF_PROMPT).orElseThrow();
        var reply = daemon.mailbox.plain(id, TestMailbox.USER, TestMailbox.USER, null, "Re: notes", notes, daemon.clock.instant());
        reply.setHeader("In-Reply-To", prompt.messageId());
        daemon.mailbox.deliver(reply);
        await().atMost(BOUND).until(() -> daemon.app.store().notesSource(interview.id()).filter(id::equals).isPresent());
    }

    /** Up to the thank-you draft, made without notes (the user did not answer the prompt in time). */
    private void upToTheThankYou() throws Exception {
        seed();
        startDaemon();
        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        daemon.runDue();
        daemon.stepTo(end().plusSeconds(1));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.DEBRIEF_PROMPT);
        daemon.stepTo(end().plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.THANK_YOU);
    }

    @Test
    void eachDraftSentFromNeomuttReachesTheContactAsAnOrdinaryOnePartMessageWithTheUsersOwnWords() throws Exception {
        Neomutt.assumeAvailable();
        upToTheThankYou();
        daemon.app.news().add(new Milestone(0, start.plus(Duration.ofDays(10)), "Joined the FHIR community meetup", ""));
        daemon.stepTo(start.plus(Duration.ofDays(21)).plus(Duration.ofHours(1)));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.keepPosted(1));

        List<byte[]> drafts = rawMessages("Drafts");
        assertThat(drafts).as("the thank-you and keep-posted #1").hasSize(2);
        int n = 0;
        for (byte[] draft : drafts) {
            Path dir = Files.createDirectories(work.resolve("draft-" + ++n));
            Path file = dir.resolve("draft.eml");
            Files.write(file, draft);

            Neomutt.Sent sent = Neomutt.send(file, "P.S. Café on me next time.\n", dir);

            MimeMessage received = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(sent.message()));
            List<String> names = Collections.list(received.getAllHeaders()).stream().map(h -> h.getName().toLowerCase(Locale.ROOT)).toList();
            assertThat(names).as("draft %d: what the contact gets carries nothing that marks it automatic or rebond's", n)
                    .doesNotContain("auto-submitted", "x-rebond-token").noneMatch(h -> h.startsWith("x-rebond"));
            assertThat(received.isMimeType("text/plain")).as("draft %d: one text part, no stale HTML beside it", n).isTrue();
            assertThat(FlowedReader.textOf(received)).as("draft %d: the user's edit is what goes out", n)
                    .contains("P.S. Café on me next time.").contains("Jeanne");
            assertThat(sent.recipients()).containsExactly(TestMailbox.CONTACT);
        }
    }

    @Test
    void notesThatComeAfterTheThankYouReplaceTheUntouchedDraftInDrafts() throws Exception {
        upToTheThankYou();
        String first = onlyDraftMessageId();

        replyWithNotes("<notes-late@example.org>", "Points discussed:\n- Discovery starts with the nurses on the ward\n");
        assertThat(delivered(daemon.runDue())).containsExactly(Action.thankYouRevision(1));

        List<TestMailbox.Seen> drafts = daemon.mailbox.rebondMessages("Drafts");
        assertThat(drafts).as("one thank-you draft, the new one").singleElement().satisfies(d -> {
            assertThat(d.messageId()).isNotEqualTo(first);
            assertThat(d.text()).contains("Discovery starts with the nurses on the ward");
            assertThat(d.draft()).isTrue();
            assertThat(d.token()).isNull();
        });
        assertThat(daemon.runDue()).as("nothing more to do").isEmpty();
    }

    @Test
    void notesThatComeAfterTheThankYouLeaveADraftTheUserEditedAsTheyLeftIt() throws Exception {
        upToTheThankYou();
        String first = onlyDraftMessageId();
        userEditsTheDraft(first, "Dear Jeanne,\n\nThank you, in my own words.\n\nCamille\n");

        replyWithNotes("<notes-late@example.org>", "Points discussed:\n- Discovery starts with the nurses on the ward\n");
        List<ManualActionScheduler.Fired> fired = daemon.runDue();

        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.thankYouRevision(1));
            assertThat(f.result().kind()).isEqualTo(ActionRunner.Result.Kind.SKIPPED);
        });
        assertThat(daemon.mailbox.rebondMessages("Drafts")).singleElement()
                .satisfies(d -> assertThat(d.text()).contains("in my own words").doesNotContain("nurses"));
        assertThat(daemon.app.outbox().find(interview.id(), Action.thankYouRevision(1)).orElseThrow().lastError())
                .isEqualTo("the thank-you draft was kept as you left it; your new notes were not applied to it");
    }

    @Test
    void noThankYouIsDraftedWhenTheUserAlreadyWroteToTheContactAfterTheInterview() throws Exception {
        seed();
        MimeMessage mine = daemon.mailbox.plain("<camille-thanks@example.org>", "Camille Martin <" + TestMailbox.USER + ">", TestMailbox.CONTACT,
                null, "Thanks for this morning", "Jeanne, thank you!", start.plus(Duration.ofMinutes(50)));
        daemon.mailbox.greenMail.getManagers().getImapHostManager().createMailbox(daemon.mailbox.user, "Sent");
        daemon.mailbox.append("Sent", mine);
        startDaemon();

        daemon.stepTo(end().plus(Duration.ofHours(2)).plusSeconds(1));
        List<ManualActionScheduler.Fired> fired = daemon.runDue();

        assertThat(fired).filteredOn(f -> f.action().equals(Action.THANK_YOU)).singleElement()
                .satisfies(f -> assertThat(f.result().kind()).isEqualTo(ActionRunner.Result.Kind.SKIPPED));
        assertThat(daemon.mailbox.rebondMessages("Drafts")).isEmpty();
        assertThat(daemon.app.outbox().find(interview.id(), Action.THANK_YOU).orElseThrow().lastError())
                .startsWith("you already wrote to Jeanne").contains("(subject \"Thanks for this morning\"); no thank-you draft made");
    }

    private String onlyDraftMessageId() throws Exception {
        List<TestMailbox.Seen> drafts = daemon.mailbox.rebondMessages("Drafts");
        assertThat(drafts).hasSize(1);
        return drafts.get(0).messageId();
    }

    private Store connect() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", daemon.mailbox.port(), "camille", "secret-pw");
        return store;
    }

    private List<byte[]> rawMessages(String folderName) throws Exception {
        try (Store store = connect()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            List<byte[]> out = new java.util.ArrayList<>();
            for (Message m : folder.getMessages()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                m.writeTo(bytes);
                out.add(bytes.toByteArray());
            }
            folder.close(false);
            return out;
        }
    }

    /** As neomutt and Thunderbird save an edited draft: a new message with the same Message-ID, the old one deleted. */
    private void userEditsTheDraft(String messageId, String text) throws Exception {
        try (Store store = connect()) {
            Folder folder = store.getFolder("Drafts");
            folder.open(Folder.READ_WRITE);
            Message old = folder.getMessages()[0];
            MimeMessage edited = new MimeMessage((MimeMessage) old) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            edited.setText(text, "UTF-8");
            edited.saveChanges();
            folder.appendMessages(new Message[] {edited});
            old.setFlag(Flags.Flag.DELETED, true);
            folder.close(true);
        }
    }
}
