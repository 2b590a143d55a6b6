package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rebond.application.MailDrop;
import org.rebond.application.MessageArrivals;
import org.rebond.application.Outbox;
import org.rebond.application.StoppingMailDrop;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;

/**
 * The daemon stopped dead at each delicate step of a delivery, then started again on the same
 * database and mailbox, leaves exactly one message per action (DESIGN I2, I7; BAD-INPUTS B44, B53).
 */
class RestartIT {

    private static final Duration BOUND = DaemonOnGreenMail.BOUND;

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    @ParameterizedTest(name = "stopped {0}")
    @EnumSource(value = StoppingMailDrop.Step.class, names = {"BEFORE_APPEND", "AFTER_APPEND"}) // AFTER_DELETE concerns revisions only
    void aDaemonStoppedMidDeliveryLeavesExactlyOneBriefAndOneThankYouAfterRestart(StoppingMailDrop.Step step) throws Exception {
        Path config = daemon.config();
        List<StoppingMailDrop> stops = new CopyOnWriteArrayList<>();
        UnaryOperator<MailDrop> stoppingOnce = drop -> {
            StoppingMailDrop stopping = new StoppingMailDrop(drop, step);
            stops.add(stopping);
            return stopping;
        };
        daemon.start(config, stoppingOnce, MessageArrivals.Listener.NONE);
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(2)));
        daemon.mailbox.deliver(daemon.mailbox.invitation("restart-1@acme-health.example", 0, "REQUEST", daemon.clock.instant(), start,
                start.plus(Duration.ofMinutes(30)), "Information interview"));
        await().atMost(BOUND).until(() -> daemon.app.store().all().size() == 1);
        long id = daemon.app.store().all().get(0).id();

        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(BOUND).until(() -> stops.get(0).stopped());
        assertThat(daemon.app.outbox().find(id, Action.BRIEF)).get().extracting(Outbox.Entry::state).isEqualTo(Outbox.State.APPENDING);
        daemon.stop();

        daemon.start(config, UnaryOperator.identity(), MessageArrivals.Listener.NONE);
        await().atMost(BOUND).until(() -> daemon.app.outbox().find(id, Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false));
        assertThat(daemon.mailbox.rebondMessages("INBOX")).as("one brief, whatever the step the daemon stopped at").hasSize(1);

        // The same again for a draft.
        daemon.stop();
        daemon.start(config, stoppingOnce, MessageArrivals.Listener.NONE);
        daemon.stepTo(daemon.thankYouDue(id).plusSeconds(1));
        await().atMost(BOUND).until(() -> stops.get(1).stopped());
        daemon.stop();
        daemon.start(config, UnaryOperator.identity(), MessageArrivals.Listener.NONE);
        await().atMost(BOUND).until(() -> daemon.app.outbox().find(id, Action.THANK_YOU).map(e -> e.state() == Outbox.State.DONE).orElse(false));
        await().atMost(BOUND).until(() -> daemon.app.outbox().find(id, Action.DEBRIEF_PROMPT).map(e -> e.state() == Outbox.State.DONE).orElse(false));

        assertThat(daemon.mailbox.rebondMessages("Drafts")).as("one thank-you").hasSize(1);
        assertThat(daemon.mailbox.rebondMessages("INBOX")).as("one brief and one debrief prompt").hasSize(2);
        assertThat(daemon.app.store().byId(id)).get().extracting(Interview::state).isEqualTo(Interview.State.SCHEDULED);
    }
}
