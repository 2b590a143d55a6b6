package org.rebond.demo;

import com.icegreen.greenmail.user.GreenMailUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rebond.App;
import org.rebond.application.ActionRunner;
import org.rebond.application.InterviewService;
import org.rebond.config.ConfigLoader;
import org.rebond.domain.Action;

/**
 * A short, silent run of the real daemon against the demo's story in an in-process mailbox: it
 * starts, reads the mailbox, takes an invitation as an interview and delivers its brief, then
 * stops. It does on a small scale what every start of the daemon does (configuration, database
 * and migrations, scheduler, IMAP, MIME and iCalendar parsing, templates, APPEND), which is what
 * {@code rebond class-archive} records into a class-data-sharing archive.
 */
public final class Rehearsal {

    /** What the rehearsal saw happen; both must be true for it to have covered a whole start. */
    public record Outcome(boolean interviewTaken, boolean briefDelivered) {
        public boolean complete() {
            return interviewTaken && briefDelivered;
        }
    }

    private Rehearsal() {}

    /** Runs the rehearsal with its state (configuration, SQLite file) in {@code dir}; waits at most {@code limit}. */
    public static Outcome run(Path dir, Duration limit, Clock clock) throws Exception {
        return run(dir, limit, clock, false);
    }

    /** As {@link #run(Path, Duration, Clock)}, with the demo's story told in French when {@code french}. */
    public static Outcome run(Path dir, Duration limit, Clock clock, boolean french) throws Exception {
        DemoStory story = new DemoStory(french);
        try (DemoServer server = DemoServer.start(0, dir.resolve("greenmail.log"))) {
            Instant now = clock.instant();
            GreenMailUser user = DemoMailbox.seed(server.greenMail(), story, now);
            // The demo's schedule asks for the brief 40 s ahead: an interview 30 s away gets it at once.
            Instant start = now.plusSeconds(30);
            user.deliver(story.invitation(now, start, start.plusSeconds(60)));
            int port = server.port();
            Path config = DemoMailbox.writeConfig(dir, story, french, ZoneOffset.UTC, port);
            CountDownLatch taken = new CountDownLatch(1);
            CountDownLatch briefDelivered = new CountDownLatch(1);
            App.Options options = App.Options.production(clock).withListeners(
                    (id, action, result) -> {
                        if (action.kind() == Action.Kind.BRIEF && result.kind() == ActionRunner.Result.Kind.DELIVERED) {
                            briefDelivered.countDown();
                        }
                    },
                    (what, outcome) -> {
                        if (outcome.kind() == InterviewService.Outcome.Kind.CREATED) {
                            taken.countDown();
                        }
                    });
            long deadline = System.nanoTime() + limit.toNanos();
            try (App app = App.start(new ConfigLoader().load(config), options)) {
                boolean wasTaken = taken.await(remaining(deadline), TimeUnit.NANOSECONDS);
                boolean wasDelivered = briefDelivered.await(remaining(deadline), TimeUnit.NANOSECONDS);
                return new Outcome(wasTaken, wasDelivered);
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
