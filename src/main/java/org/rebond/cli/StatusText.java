package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rebond.Offline;
import org.rebond.application.InterviewStore;
import org.rebond.application.Quarantine;
import org.rebond.application.UidValidityChanges;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.HumanHours;
import org.rebond.domain.Interview;
import org.rebond.domain.JobAsk;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.domain.RelativeDay;
import org.rebond.domain.SeenEvent;
import org.rebond.i18n.Messages;
import org.rebond.store.InstanceLock;

/**
 * {@code rebond status} as the user reads it, every sentence from the {@code status} area of the
 * bundles: who runs on the state, the last word from each server, the next action due, each
 * interview and its actions, the progress, the names suggested, the events seen and what was set aside.
 */
final class StatusText {

    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages m;
    private final Planner planner;
    private final NewsLines news;
    private final DateTimeFormatter when;
    private final ZoneId zone;
    private final String row;

    StatusText(Messages messages, Planner planner, NewsLines news, DateTimeFormatter when, ZoneId zone) {
        this.m = messages;
        this.planner = planner;
        this.news = news;
        this.when = when;
        this.zone = zone;
        this.row = "    %-" + m.get("action.width") + "s %s%n";
    }

    /** The head of status: interviews followed, who runs on the state, the servers, folders no longer read, and the next action due. */
    void printHead(PrintWriter out, StatusFacts facts, String config) {
        out.println(m.count("heading", facts.interviews().size(), zone.getId()));
        boolean running = facts.daemonRuns();
        Optional<InstanceLock.Holder> holder = facts.holder();
        if (running && facts.lease().isPresent()) {
            out.println(m.get("daemon.node", facts.lease().get().node(), when.format(facts.lease().get().expiresAt())));
        } else if (running) {
            InstanceLock.Holder h = holder.get();
            out.println(h.since() == null ? m.get("daemon.runningSinceUnknown", pid(h)) : m.get("daemon.running", when.format(h.since()), pid(h)));
        } else {
            out.println(holder.map(h -> m.get("daemon.command", pid(h), h.since() == null ? "?" : when.format(h.since())))
                    .orElse(m.get("daemon.notRunning", config)));
            out.println(m.get("daemon.notRunningWord"));
        }
        for (ServerLines.Server s : facts.servers()) {
            out.println("    " + ServerLines.line(s, running, m, when));
        }
        for (UidValidityChanges.Pause p : facts.pauses()) {
            out.println(ServerLines.pausedFolderLine(p, when, m));
        }
        out.println(facts.next().map(n -> m.get("next.due", actionLabel(n.action().action()), n.interview().id(), n.interview().summary(),
                dueLine(n.interview(), n.action().planned(), facts.now()))).orElse(m.get("next.none")));
        if (facts.interviews().isEmpty()) {
            out.println(m.get("interviews.none"));
        }
    }

    private static String pid(InstanceLock.Holder h) {
        return h.pid() < 0 ? "?" : String.valueOf(h.pid());
    }

    /** One interview: when, with whom, its state and why it was taken, the remarks of its journal, the notes, and each action. */
    void printInterview(PrintWriter out, StatusFacts.InterviewFacts f, Offline state, SuggestedNames names, Locale language, Instant now) {
        Interview i = f.interview();
        out.println();
        out.printf("#%d  %s  %s%n", i.id(), when.format(i.start()), i.summary());
        out.printf("    %s%n", m.get("interview.with", i.contact().displayName()
                + (i.contact().name().isBlank() ? "" : " <" + i.contact().email() + ">")));
        if (i.referrer() != null) {
            out.printf("    %s%n", names.referrerLine(i, state.store().suggestionFor(i.contact().email())
                    .or(() -> state.store().suggestionFor(i.contact().name()))));
            news.referredLine(i).ifPresent(line -> out.printf("    %s%n", line));
        }
        out.printf("    %s%n", m.get("interview.state", m.get("interview.state." + i.state().name()), FrenchReasons.shown(i.reason(), m)));
        for (InterviewStore.JournalLine line : state.store().journalOf(i.id())) {
            journalRemark(line).ifPresent(remark -> out.printf("    %s%n", remark));
        }
        out.printf("    %s%n", m.get(state.store().notesSource(i.id()).isPresent() ? "notes.received" : "notes.notYet"));
        state.store().notes(i.id()).ifPresent(n -> jobAsks(n, language)
                .forEach(ask -> out.printf("    %s%n", m.get("jobAsk", ask.phrase(), ask.reason()))));
        for (StatusFacts.ActionFacts a : f.actions()) {
            out.printf(row, actionLabel(a.action()), actionLine(i, a, now));
        }
    }

    private String actionLine(Interview i, StatusFacts.ActionFacts a, Instant now) {
        String reason = FrenchReasons.shown(a.reason(), m);
        return switch (a.state()) {
            case DONE -> m.get("action.done", when.format(a.at()));
            case SKIPPED -> m.get("action.skipped", reason);
            case PENDING -> m.count("action.pending", a.attempts()) + (reason.isEmpty() ? "" : m.get("sep") + reason);
            case CANCELLED -> m.get(i.state() == Interview.State.IGNORED ? "action.ignored" : "action.cancelled");
            case WAITING -> m.get("action.waiting", reason);
            case PLANNED -> news.line(i, a.planned(), dueLine(i, a.planned(), now));
        };
    }

    /** The events seen but not taken, then what was set aside, each with its reason. */
    void printSeenAndSetAside(PrintWriter out, List<SeenEvent> seen, List<Quarantine.Item> quarantined) {
        if (!seen.isEmpty()) {
            out.println();
            out.println(m.get("seen.heading"));
            for (SeenEvent e : seen) {
                out.printf("%-4s %s  %s%n", e.label(), when.format(e.start()), e.summary());
                out.printf("    %s%n", m.get("seen.reason", FrenchReasons.shown(e.reason(), m)));
            }
        }
        if (!quarantined.isEmpty()) {
            out.println();
            out.println(m.get("quarantine.heading"));
            for (Quarantine.Item q : quarantined) {
                String source = m.has("quarantine.source." + q.source()) ? m.get("quarantine.source." + q.source()) : q.source();
                out.printf("    %s%n", m.get("quarantine.line", source, q.item(), FrenchReasons.shown(q.reason(), m)));
            }
        }
    }

    /** The action's name as the user reads it: {@code keep-posted #2}, or in French {@code nouvelles #2}. */
    String actionLabel(Action action) {
        return m.get("action." + action.kind().name(), action.number());
    }

    /**
     * When a pending action is due, "today" or "tomorrow" when it is, and for the prompt and the
     * thank-you why it is then when the human hours moved it ({@code due tomorrow 08:30 (the interview
     * ended after 19:00)}).
     */
    String dueLine(Interview i, PlannedAction p, Instant now) {
        String time = HOUR.withZone(planner.policy().zone()).format(p.due());
        String at = switch (RelativeDay.of(now, p.due(), planner.policy().zone())) {
            case TODAY -> m.get("due.today", time);
            case TOMORROW -> m.get("due.tomorrow", time);
            default -> m.get("due.on", when.format(p.due()));
        };
        Optional<Planner.Shift> shift = switch (p.action().kind()) {
            case DEBRIEF_PROMPT -> Optional.of(planner.promptDue(i).shift());
            case THANK_YOU -> Optional.of(planner.thankYouDue(i).shift());
            default -> Optional.empty();
        };
        return at + shift.map(this::why).map(w -> w.isEmpty() ? "" : " (" + w + ")").orElse("");
    }

    /** Why the human hours moved a follow-up, in the user's language; empty when they did not. */
    String why(Planner.Shift shift) {
        Policy policy = planner.policy();
        HumanHours hours = policy.humanHours();
        return switch (shift) {
            case NONE -> "";
            case NOT_AFTER -> m.get("why.NOT_AFTER", HOUR.format(hours.notAfter()));
            case NEXT_MORNING_LATE_END -> m.get("why.NEXT_MORNING_LATE_END", HOUR.format(hours.lateEndAfter()));
            case NEXT_MORNING_NIGHT, WITHIN_24_HOURS -> m.get("why." + shift.name());
            case AFTER_MORNING_PROMPT -> m.get("why.AFTER_MORNING_PROMPT", hoursAndMinutes(policy.thankYouAfterEnd().minus(policy.debriefAfterEnd())));
        };
    }

    private static String hoursAndMinutes(Duration d) {
        long h = d.toHours();
        long min = d.toMinutesPart();
        return h == 0 ? min + " min" : min == 0 ? h + " h" : h + " h " + String.format("%02d", min);
    }

    /** The items of the notes that would make the thank-you ask for a job (M1), each with why it may hurt. */
    static List<JobAsk.Ask> jobAsks(DebriefNotes notes, Locale language) {
        return Stream.of(notes.points(), notes.leads(), notes.nextSteps()).flatMap(List::stream)
                .flatMap(item -> JobAsk.in(item, language).stream()).toList();
    }

    /** Cancellations and flagged updates or cancellations (B20), from the journal, in the user's language. */
    Optional<String> journalRemark(InterviewStore.JournalLine line) {
        String at = when.format(line.at());
        Matcher who = IN_PARENTHESES.matcher(line.detail());
        String sender = who.find() ? who.group(1) : "?";
        return switch (line.event()) {
            case "cancelled" -> Optional.of(m.get("journal.cancelled", at));
            case "ignored" -> Optional.of(m.get("journal.ignored", at));
            case "flagged" -> Optional.of(m.get(line.detail().startsWith("a cancellation") ? "journal.flaggedCancellation" : "journal.flaggedUpdate",
                    at, sender));
            default -> Optional.empty();
        };
    }
}
