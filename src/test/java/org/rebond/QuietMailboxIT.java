package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.config.ConfigLoader;
import org.rebond.interview.CrashPoints;
import org.rebond.mail.MessageIntake;

/**
 * A mailbox where nothing happens for longer than the read timeout keeps its one connection:
 * IDLE is re-entered before the socket's read timeout would take it for a dead connection.
 */
class QuietMailboxIT {

    @TempDir
    Path dir;

    private final TestMailbox mailbox = new TestMailbox(true);
    private App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        mailbox.close();
    }

    @Test
    void aQuietMailboxKeepsOneConnectionAndStillSeesTheNextInvitation() throws Exception {
        var config = new ConfigLoader().load(mailbox.writeConfig(dir, null, "2s"));
        SteppedClock clock = new SteppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        app = App.start(config, new App.Options(clock, Clock.systemUTC(), CrashPoints.NONE, (id, action, result) -> { },
                MessageIntake.IntakeListener.NONE, Duration.ofMinutes(9)));
        await().atMost(Duration.ofSeconds(10)).until(() -> app.watcher().connections() == 1);

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                .until(() -> app.watcher().connections() == 1 && app.watcher().lastProblem().isEmpty());

        Instant start = clock.instant().plus(Duration.ofDays(2));
        mailbox.deliver(mailbox.invitation("quiet-1@acme-health.example", 0, "REQUEST", clock.instant(), start,
                start.plus(Duration.ofMinutes(30)), "Information interview"));
        await().atMost(Duration.ofSeconds(10)).until(() -> app.store().all().size() == 1);
        assertThat(app.watcher().connections()).isEqualTo(1);
    }
}
