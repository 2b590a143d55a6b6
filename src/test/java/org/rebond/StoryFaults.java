package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.rebond.application.ActionRunner;
import org.rebond.application.FailingMailDrop;
import org.rebond.application.MailDrop;
import org.rebond.domain.Action;

/**
 * The server faults {@link RandomStoryIT} plays on its daemon: the IMAP server unreachable (GreenMail's
 * IMAP service stopped, every connection dropped, then started again on the same port with the same
 * mailboxes), and deliveries failing while the server stays up (a {@link FailingMailDrop} around
 * the daemon's own drop). After a fault it fires again what the fault held back, and checks that
 * nothing was lost.
 */
final class StoryFaults {

    private record Key(long interviewId, Action action) {}

    private final DaemonOnGreenMail daemon;
    private volatile FailingMailDrop drop;

    StoryFaults(DaemonOnGreenMail daemon) {
        this.daemon = daemon;
    }

    /** What every daemon of the story delivers through: the real drop inside a {@link FailingMailDrop}, disarmed. */
    UnaryOperator<MailDrop> drops() {
        return real -> {
            FailingMailDrop failing = new FailingMailDrop(real);
            drop = failing;
            return failing;
        };
    }

    /** The failing drop of the daemon that runs. */
    FailingMailDrop drop() {
        return drop;
    }

    /** The IMAP server goes away (connections dropped, new ones refused); returns how many times the watcher had connected. */
    int cut() {
        int before = daemon.app.watcher().connections();
        daemon.mailbox.stopImap();
        return before;
    }

    /** The IMAP server comes back; waits (bounded) until the daemon's watcher has connected again. */
    void restore(int connectionsBefore) {
        daemon.mailbox.startImap();
        await("the watcher reconnects once the server is back").atMost(DaemonOnGreenMail.BOUND)
                .until(() -> daemon.app.watcher().connections() > connectionsBefore);
    }

    /**
     * Fires what is due now, then, round after round, each action {@code failed} held back (a
     * retry), the clock stepped to its retry, until none is left; asserts that each ended delivered
     * (or skipped because its interview began meanwhile, or waiting on a later due instant because
     * an update moved it), never lost. Returns every firing, for the model's checks.
     */
    List<ManualActionScheduler.Fired> recover(List<ManualActionScheduler.Fired> failed) {
        Map<Key, ManualActionScheduler.Fired> owed = new LinkedHashMap<>();
        failed.stream().filter(f -> f.result().kind() == ActionRunner.Result.Kind.RETRY).forEach(f -> owed.put(new Key(f.interviewId(), f.action()), f));
        Map<Key, ManualActionScheduler.Fired> settled = new LinkedHashMap<>();
        List<ManualActionScheduler.Fired> all = new ArrayList<>();
        for (int round = 0; round == 0 || (!owed.isEmpty() && round < 12); round++) {
            Optional<Instant> next = owed.keySet().stream()
                    .map(k -> daemon.driver().dueOf(k.interviewId(), k.action())
                            .orElseThrow(() -> new AssertionError(k.action() + " of #" + k.interviewId() + " failed on a fault and is no longer pending: lost")))
                    .min(Comparator.naturalOrder());
            if (next.isPresent() && next.get().isAfter(daemon.clock.instant())) {
                daemon.stepTo(next.get());
            }
            for (ManualActionScheduler.Fired f : daemon.runDue()) {
                all.add(f);
                Key key = new Key(f.interviewId(), f.action());
                if (owed.containsKey(key) && f.result().kind() != ActionRunner.Result.Kind.RETRY) {
                    owed.remove(key);
                    settled.put(key, f);
                }
            }
        }
        assertThat(owed.values()).as("actions a fault held back, still failing after 12 retries").isEmpty();
        assertThat(settled.values()).as("what became of the actions a fault held back").allSatisfy(f -> {
            ActionRunner.Result r = f.result();
            switch (r.kind()) {
                case DELIVERED -> { }
                case SKIPPED -> assertThat(r.detail()).as(f.action() + " of #" + f.interviewId() + " skipped on retry").contains("had already started");
                case WAIT -> assertThat(daemon.driver().dueOf(f.interviewId(), f.action())).as(f.action() + " of #" + f.interviewId() + " moved later").isPresent();
                default -> throw new AssertionError(f.action() + " of #" + f.interviewId() + " held back by a fault, then " + r.kind() + ": " + r.detail());
            }
        });
        return all;
    }
}
