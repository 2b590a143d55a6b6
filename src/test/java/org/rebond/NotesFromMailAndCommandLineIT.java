package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.application.ActionRunner;
import org.rebond.application.Outbox;
import org.rebond.cli.Main;
import org.rebond.cli.UserTerminal;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes.NameGiven;
import org.rebond.domain.Interview;

/**
 * Notes in two goes while the daemon runs (real IMAP, SQLite): a reply to the debrief prompt, then
 * {@code rebond notes} from the command line, which the daemon applies through its request queue.
 * Both add up in the notes and in the thank-you draft.
 */
class NotesFromMailAndCommandLineIT {

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    record Run(int code, String out, String err) {}

    private static Run rebondWithInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        UserTerminal piped = new UserTerminal(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), () -> false, Map.of());
        int code = Main.execute(args, piped, new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aReplyToThePromptThenNotesFromTheCommandLineAddUpInTheNotesAndInTheThankYou() throws Exception {
        Path config = daemon.config();
        App app = daemon.startWithManualScheduler();
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        daemon.mailbox.deliver(daemon.mailbox.invitation("iv-1@acme-health.example", 0, "REQUEST", daemon.clock.instant(), start,
                start.plus(Duration.ofMinutes(30)), "Information interview Camille / Jeanne"));
        Interview interview = daemon.awaitOneInterview();
        daemon.stepTo(start.plus(Duration.ofMinutes(30)).plusSeconds(1));
        daemon.runDue();
        Outbox.Entry prompt = app.outbox().find(interview.id(), Action.DEBRIEF_PROMPT).orElseThrow();
        var reply = daemon.mailbox.plain("<notes-1@example.org>", TestMailbox.USER, TestMailbox.USER, null, "Re: notes",
                "Points discussed:\n- Interoperability with hospital systems is the hard part\n"
                        + "Names:\n- Lou Kim <lou.kim@medi.example> — may contact\n", daemon.clock.instant());
        reply.setHeader("In-Reply-To", prompt.messageId());
        daemon.mailbox.deliver(reply);
        await().atMost(DaemonOnGreenMail.BOUND).until(() -> app.store().notes(interview.id()).isPresent());

        Run notes = rebondWithInput("""
                Points discussed:
                - interoperability with hospital systems is the hard part.
                - Nurses are in every discovery interview
                Names:
                - Lou Kim <lou.kim@medi.example> — may contact, may mention Jeanne, will introduce me
                Next steps:
                - Read the FHIR primer this week
                """, "notes", Long.toString(interview.id()), "--config", config.toString());

        assertThat(notes.code()).as(notes.err()).isZero();
        assertThat(notes.out()).contains("Notes added to interview #" + interview.id()).contains("2 points, 1 name, 1 next step.")
                .contains("Notes recorded in all: 2 points, 1 name, 1 next step").contains("(recorded by the running rebond)");
        var kept = app.store().notes(interview.id()).orElseThrow();
        assertThat(kept.points()).containsExactly("Interoperability with hospital systems is the hard part",
                "Nurses are in every discovery interview");
        assertThat(kept.names()).containsExactly(new NameGiven("Lou Kim", "lou.kim@medi.example", true, true, true, true));
        assertThat(kept.nextSteps()).containsExactly("Read the FHIR primer this week");
        assertThat(app.store().notesSources(interview.id())).hasSize(2);

        daemon.stepTo(start.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(2)).plusSeconds(1));
        List<ActionRunner.Result.Kind> fired = daemon.runDue().stream().map(f -> f.result().kind()).toList();
        assertThat(fired).containsExactly(ActionRunner.Result.Kind.DELIVERED);
        assertThat(daemon.mailbox.rebondMessages("Drafts")).singleElement().satisfies(thanks -> assertThat(thanks.text())
                .contains("Interoperability with hospital systems is the hard part").contains("Nurses are in every discovery interview")
                .contains("Lou Kim"));
    }
}
