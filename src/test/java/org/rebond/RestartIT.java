package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.interview.Action;
import org.rebond.interview.CrashPoints;
import org.rebond.interview.Interview;
import org.rebond.interview.Outbox;
import org.rebond.mail.MessageIntake;

/**
 * The daemon stopped dead at each delicate step of a delivery, then started again on the same
 * database and mailbox, leaves exactly one message per action (DESIGN I2, I7; BAD-INPUTS B44, B53).
 */
class RestartIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    /** What a crash does to a thread: nothing after it runs. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash(String step) {
            super("simulated crash at " + step);
        }
    }

    @TempDir
    Path dir;

    private TestMailbox mailbox;
    private SteppedClock clock;
    private App app;

    @BeforeEach
    void startMailbox() {
        mailbox = new TestMailbox(true);
        clock = new SteppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        mailbox.close();
    }

    private App start(RebondConfig config, CrashPoints crashPoints) {
        return App.start(config, new App.Options(clock, Clock.systemUTC(), crashPoints, (id, action, result) -> { },
                MessageIntake.IntakeListener.NONE, Duration.ofMinutes(1)));
    }

    @ParameterizedTest(name = "stopped {0}")
    @ValueSource(strings = {CrashPoints.AFTER_OUTBOX_COMMIT, CrashPoints.AFTER_APPEND})
    void aDaemonStoppedMidDeliveryLeavesExactlyOneBriefAndOneThankYouAfterRestart(String step) throws Exception {
        RebondConfig config = new ConfigLoader().load(mailbox.writeConfig(dir, null));
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicBoolean armed = new AtomicBoolean(true);
        CrashPoints crashOnce = reached -> {
            if (reached.equals(step) && armed.get()) {
                armed.set(false);
                crashed.set(true);
                throw new SimulatedCrash(reached);
            }
        };
        app = start(config, crashOnce);
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        mailbox.deliver(mailbox.invitation("restart-1@acme-health.example", 0, "REQUEST", clock.instant(), start,
                start.plus(Duration.ofMinutes(30)), "Information interview"));
        await().atMost(BOUND).until(() -> app.store().all().size() == 1);
        long id = app.store().all().get(0).id();

        clock.set(start.minus(Duration.ofHours(24)).plusSeconds(1));
        app.clockChanged();
        await().atMost(BOUND).untilTrue(crashed);
        assertThat(app.outbox().find(id, Action.BRIEF)).get().extracting(Outbox.Entry::state).isEqualTo(Outbox.State.APPENDING);
        app.halt();

        app = start(config, CrashPoints.NONE);
        await().atMost(BOUND).until(() -> app.outbox().find(id, Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false));
        assertThat(mailbox.rebondMessages("INBOX")).as("one brief, whatever the step the daemon stopped at").hasSize(1);

        // The same again for a draft.
        app.halt();
        armed.set(true);
        crashed.set(false);
        app = start(config, crashOnce);
        clock.set(start.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(2)).plusSeconds(1));
        app.clockChanged();
        await().atMost(BOUND).untilTrue(crashed);
        app.halt();
        app = start(config, CrashPoints.NONE);
        await().atMost(BOUND).until(() -> app.outbox().find(id, Action.THANK_YOU).map(e -> e.state() == Outbox.State.DONE).orElse(false));
        await().atMost(BOUND).until(() -> app.outbox().find(id, Action.DEBRIEF_PROMPT).map(e -> e.state() == Outbox.State.DONE).orElse(false));

        assertThat(mailbox.rebondMessages("Drafts")).as("one thank-you").hasSize(1);
        assertThat(mailbox.rebondMessages("INBOX")).as("one brief and one debrief prompt").hasSize(2);
        assertThat(app.store().byId(id)).get().extracting(Interview::state).isEqualTo(Interview.State.SCHEDULED);
    }
}
