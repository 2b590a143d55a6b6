package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rebond.application.ActionRunner;
import org.rebond.application.Outbox;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;

/**
 * What a {@link RandomStory} told the mailbox, and the checks of the daemon against it: a model of
 * each calendar event the story sent invitations for (its latest applied SEQUENCE and time,
 * cancelled, ignored, notes sent), the user's messages delivered and the steps taken; when each
 * action is due by the model; what fired checked against it, and the invariants of
 * {@link RandomStoryIT} checked after each step.
 */
abstract class StoryModel {

    static final Duration GRACE = Duration.ofMinutes(1);

    /** What an invitation is about. */
    enum Kind { INFORMATION, JOB }

    /** The model of one calendar event the story sent invitations for. */
    static final class Modelled {
        final String uid;
        final Kind kind;
        final String summary;
        final List<MimeMessage> sent = new ArrayList<>();
        int sequence;
        /** The highest SEQUENCE the daemon applied (an update sent while the interview was ignored is not). */
        int applied;
        Instant start;
        Instant end;
        /** When its current time was sent: a brief for a time set nearer than the brief's lead comes at once. */
        Instant timeSetAt;
        boolean cancelled;
        boolean ignored;
        boolean notesSent;
        long id;

        Modelled(String uid, Kind kind, String summary, Instant start, Instant timeSetAt) {
            this.uid = uid;
            this.kind = kind;
            this.summary = summary;
            this.start = start;
            this.end = start.plus(Duration.ofMinutes(30));
            this.timeSetAt = timeSetAt;
        }

        boolean scheduled() {
            return kind == Kind.INFORMATION && !cancelled && !ignored;
        }

        @Override
        public String toString() {
            return uid + (id > 0 ? " (#" + id + ")" : "");
        }
    }

    final DaemonOnGreenMail daemon;
    final List<String> steps = new ArrayList<>();
    final List<Modelled> model = new ArrayList<>();
    int userMessages;
    Policy policy;

    StoryModel(DaemonOnGreenMail daemon) {
        this.daemon = daemon;
    }

    Instant now() {
        return daemon.clock.instant();
    }

    /** The earliest instant ahead at which the model expects a brief, a prompt or a thank-you, so a crash step has something to stop in. */
    Optional<Instant> nextDelivery() {
        return model.stream().filter(Modelled::scheduled)
                .flatMap(m -> Stream.of(m.start.minus(policy.briefBefore()), promptDue(m), thankYouDue(m)))
                .filter(due -> due.isAfter(now())).min(Comparator.naturalOrder());
    }

    /** The prompt's due instant for the model's times, human hours included (as PlannerTest pins them). */
    Instant promptDue(Modelled m) {
        return new Planner(policy).promptDue(asInterview(m)).at();
    }

    Instant thankYouDue(Modelled m) {
        return new Planner(policy).thankYouDue(asInterview(m)).at();
    }

    private Interview asInterview(Modelled m) {
        return new Interview(0, m.uid, "", m.sequence, null, Interview.State.SCHEDULED, m.start, m.end, policy.zone().getId(), false,
                m.summary, "", "", new Interview.Person("contact@example.org", ""), null, "", "");
    }

    /** Checks what fired against the model; says what was delivered. */
    String fired(List<ManualActionScheduler.Fired> fired) {
        Instant now = now();
        // An invitation read in this very step (after a fault) has no id in the model yet.
        model.stream().filter(m -> m.id == 0 && m.kind == Kind.INFORMATION)
                .forEach(m -> daemon.app.store().find(m.uid, "").ifPresent(i -> m.id = i.id()));
        List<String> delivered = new ArrayList<>();
        for (ManualActionScheduler.Fired f : fired) {
            if (f.result().kind() != ActionRunner.Result.Kind.DELIVERED) {
                continue;
            }
            Modelled m = model.stream().filter(x -> x.id == f.interviewId()).findFirst().orElse(null);
            delivered.add(f.action() + " of " + (m == null ? "#" + f.interviewId() : m));
            String what = f.action() + " of " + m + " delivered at " + now;
            assertThat(m).as(f.action() + " delivered for an interview the story never sent (#" + f.interviewId() + ")").isNotNull();
            assertThat(m.kind).as(what + ": a job interview is never followed").isEqualTo(Kind.INFORMATION);
            assertThat(m.ignored).as(what + ", after the user ignored it").isFalse();
            if (m.cancelled) {
                assertThat(f.action().kind()).as(what + ", after it was cancelled").isEqualTo(Action.Kind.BRIEF_UPDATE);
            }
            Instant due = switch (f.action().kind()) {
                case BRIEF -> m.timeSetAt.plus(policy.briefBefore()).isAfter(m.start) ? m.timeSetAt : m.start.minus(policy.briefBefore());
                case BRIEF_UPDATE -> m.timeSetAt;
                case DEBRIEF_PROMPT -> promptDue(m);
                case THANK_YOU -> thankYouDue(m);
                case KEEP_POSTED -> m.end.plus(policy.keepPostedAfterEnd().get(f.action().number() - 1));
                case THANK_YOU_REVISION -> m.end.plus(policy.thankYouAfterEnd());
            };
            assertThat(now.plus(GRACE)).as(what + ", before it was due at " + due).isAfterOrEqualTo(due);
            if (f.action().kind() == Action.Kind.BRIEF || f.action().kind() == Action.Kind.BRIEF_UPDATE) {
                assertThat(now).as(what + ", after the interview began at " + m.start).isBefore(m.start);
            }
        }
        return delivered.toString();
    }

    void checkInvariants() throws Exception {
        Map<String, List<TestMailbox.Listed>> folders = daemon.mailbox.listing("INBOX", "Drafts");
        List<TestMailbox.Listed> inbox = folders.get("INBOX");
        List<TestMailbox.Listed> drafts = folders.get("Drafts");

        // The user's own messages: exactly those delivered, never marked read, never touched.
        List<TestMailbox.Listed> own = inbox.stream().filter(s -> !s.byRebond()).toList();
        assertThat(own).as("the user's own messages in INBOX").hasSize(userMessages).noneMatch(TestMailbox.Listed::seen)
                .noneMatch(TestMailbox.Listed::draft);
        assertThat(drafts).as("Drafts holds rebond's drafts only").allMatch(TestMailbox.Listed::byRebond);

        // Interviews agree with the model.
        for (Modelled m : model) {
            Optional<Interview> stored = daemon.app.store().find(m.uid, "");
            if (m.kind == Kind.JOB) {
                assertThat(stored).as("job interview " + m.uid + " is not followed").isEmpty();
                continue;
            }
            assertThat(stored).as("information interview " + m.uid + " is followed").isPresent();
            Interview i = stored.get();
            m.id = i.id();
            Interview.State state = m.ignored ? Interview.State.IGNORED : m.cancelled ? Interview.State.CANCELLED : Interview.State.SCHEDULED;
            assertThat(i.state()).as("state of " + m).isEqualTo(state);
            assertThat(i.start()).as("start of " + m + " (the latest valid SEQUENCE's)").isEqualTo(m.start);
            assertThat(i.end()).as("end of " + m).isEqualTo(m.end);
            if (m.notesSent) {
                assertThat(daemon.app.store().notes(m.id)).as("notes of " + m).isPresent();
            }
            if (m.scheduled() && !now().isBefore(m.start.minus(policy.briefBefore())) && now().isBefore(m.start)
                    && lastStepFired()) {
                assertThat(daemon.app.outbox().find(m.id, Action.BRIEF)).as("the brief of " + m + " once due")
                        .hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(Outbox.State.DONE));
            }
        }
        long followed = model.stream().filter(m -> m.kind == Kind.INFORMATION).count();
        assertThat(daemon.app.store().all()).as("interviews followed").hasSize((int) followed);

        // At most one rebond message per (interview, action), across INBOX (known by token) and Drafts (by Message-ID).
        Map<String, Outbox.Entry> byMark = new HashMap<>();
        for (Interview i : daemon.app.store().all()) {
            daemon.app.outbox().forInterview(i.id()).forEach(e -> {
                byMark.put(e.token(), e);
                byMark.put(e.messageId(), e);
            });
        }
        List<TestMailbox.Listed> rebond = new ArrayList<>(inbox.stream().filter(s -> s.token() != null).toList());
        rebond.addAll(drafts);
        Map<String, Long> perAction = rebond.stream().collect(Collectors.groupingBy(s -> {
            String mark = s.token() != null ? s.token() : s.messageId();
            Outbox.Entry e = byMark.get(mark);
            return e == null ? "unknown token " + mark : "#" + e.interviewId() + " " + e.action();
        }, Collectors.counting()));
        assertThat(perAction).as("rebond messages per (interview, action)").allSatisfy((key, n) -> {
            assertThat(key).doesNotStartWith("unknown token");
            assertThat(n).as(key).isEqualTo(1L);
        });
    }

    /** Whether the last step fired what was due (a step forward, a restart, a crash), so a due brief must be out. */
    boolean lastStepFired() {
        String last = steps.get(steps.size() - 1);
        return last.contains(" fired ");
    }
}
