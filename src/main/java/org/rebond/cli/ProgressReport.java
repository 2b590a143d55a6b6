package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rebond.application.ContactCircles;
import org.rebond.application.InterviewStore;
import org.rebond.application.ReferralNetwork;
import org.rebond.application.Outbox;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.domain.Progress;
import org.rebond.i18n.Messages;

/**
 * The progress block of {@code rebond status} (METHOD M2): interviews held and to come, held per
 * week over the last weeks, names obtained per interview, how many names led to an interview,
 * interviews by circle once circles are recorded, and whom to keep posted next, in the user's
 * language.
 */
final class ProgressReport {

    private final DateTimeFormatter when;
    private final DateTimeFormatter day;
    private final Locale language;
    private final Messages m;

    /** Dates and times in the user's {@code zone} and {@code language}, as in the rest of status. */
    ProgressReport(Locale language, ZoneId zone) {
        this.language = language;
        this.m = Messages.of("status", language);
        this.when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", language).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", language);
    }

    /**
     * What the progress is made of, read from the state: the notes of each interview, the next
     * keep-posted of each held interview that is neither delivered nor skipped (from the plan and the
     * outbox), and the circles the store knows.
     */
    static Progress gather(InterviewStore store, Outbox outbox, ContactCircles circles, Planner planner, List<Interview> interviews,
                           Instant now) {
        Map<Long, DebriefNotes> notes = new HashMap<>();
        Map<Long, PlannedAction> nextNews = new HashMap<>();
        for (Interview i : interviews) {
            if (!i.active()) {
                continue;
            }
            store.notes(i.id()).ifPresent(n -> notes.put(i.id(), n));
            if (i.end().isBefore(now)) {
                Set<String> settled = outbox.forInterview(i.id()).stream().map(e -> e.action().key()).collect(Collectors.toSet());
                planner.plan(i, now).stream().filter(p -> p.action().kind() == Action.Kind.KEEP_POSTED)
                        .filter(p -> !settled.contains(p.action().key())).findFirst().ifPresent(p -> nextNews.put(i.id(), p));
            }
        }
        // The circle of each contact as the network reads it: set with 'rebond contact', or inherited along the chain.
        Map<String, String> circleOf = new HashMap<>();
        for (ReferralNetwork.Node node : new ReferralNetwork(store, circles, outbox).read(now).all()) {
            if (node.circle() != null && !node.circle().isBlank()) {
                circleOf.put(node.key(), node.circle());
            }
        }
        return Progress.of(interviews, notes, nextNews, circleOf, now, planner.policy().zone());
    }

    /** Prints the block after a blank line. */
    void print(PrintWriter out, Progress progress) {
        out.println();
        lines(progress).forEach(out::println);
    }

    /** The block, heading first, each line as the user reads it. */
    List<String> lines(Progress p) {
        List<String> lines = new ArrayList<>();
        lines.add(m.get("progress.heading"));
        if (p.held() == 0) {
            lines.add(indent(m.get("progress.noneHeld", p.toCome() == 0 ? "" : m.get("progress.toComeAfter", p.toCome()))));
        } else {
            lines.add(indent(m.get("progress.heldAndToCome", m.count("progress.held", p.held()),
                    p.toCome() == 0 ? m.get("progress.noneToCome") : m.get("progress.toCome", p.toCome()))));
            String weeks = p.perWeek().stream().map(String::valueOf).collect(Collectors.joining(" "));
            lines.add(indent(m.get("progress.perWeek", day.format(p.firstWeek()), weeks)));
            lines.add(indent(names(p)));
        }
        if (p.namesObtained() > 0) {
            lines.add(indent(led(p.namesMet(), p.namesObtained())));
        }
        if (!p.byCircle().isEmpty()) {
            lines.add(indent(m.get("progress.byCircle", p.byCircle().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")))));
        }
        if (!p.dueNews().isEmpty()) {
            lines.add(indent(m.get("progress.dueNews")));
            for (Progress.News n : p.dueNews()) {
                lines.add(indent(indent(m.get("progress.news", n.contact().displayName(), when.format(n.due()), n.action().number(),
                        n.interviewId()))));
            }
        }
        return lines;
    }

    /** Names obtained per interview with notes, on average and for the latest ones. */
    private String names(Progress p) {
        if (p.withNotes() == 0) {
            return m.get("progress.names.none");
        }
        String average = p.namesAverage() == Math.rint(p.namesAverage()) ? String.valueOf((long) p.namesAverage())
                : String.format(language, "%.1f", p.namesAverage());
        String latest = p.withNotes() < 2 ? "" : m.get("progress.latest", p.latest().stream()
                .map(n -> n.contact().displayName() + " (" + n.names() + ")").collect(Collectors.joining(", ")));
        return m.get("progress.names", average, m.count("progress.withNotes", p.withNotes()), latest);
    }

    /** How many of the names obtained led to an interview, plurals right. */
    private String led(int met, int obtained) {
        if (met == 0) {
            return m.count("progress.ledNone", obtained);
        }
        return obtained == 1 ? m.get("progress.ledTheOne") : m.count("progress.led", met, obtained);
    }

    private static String indent(String line) {
        return "    " + line;
    }
}
