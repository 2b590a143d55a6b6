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
    private final boolean fr;

    /** Dates and times in the user's {@code zone} and {@code language}, as in the rest of status. */
    ProgressReport(Locale language, ZoneId zone) {
        this.language = language;
        this.fr = language.getLanguage().equals("fr");
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
        lines.add(fr ? "Progression :" : "Progress:");
        if (p.held() == 0) {
            String toCome = p.toCome() == 0 ? "" : ", " + p.toCome() + (fr ? " à venir" : " to come");
            lines.add(indent(fr ? "Aucun entretien d'information tenu pour l'instant" + toCome
                    + ". On n'est à l'aise qu'après trois ou quatre, en général : le premier est le plus difficile."
                    : "No information interview held yet" + toCome
                    + ". Most people are at ease only after three or four: the first one is the hardest."));
        } else {
            lines.add(indent(held(p.held()) + ", " + (p.toCome() == 0 ? (fr ? "aucun à venir" : "none to come")
                    : p.toCome() + (fr ? " à venir" : " to come"))));
            String weeks = p.perWeek().stream().map(String::valueOf).collect(Collectors.joining(" "));
            lines.add(indent(fr ? "tenus par semaine depuis le " + day.format(p.firstWeek()) + ", cette semaine en dernier : " + weeks
                    : "held per week since " + day.format(p.firstWeek()) + ", this week last: " + weeks));
            lines.add(indent(names(p)));
        }
        if (p.namesObtained() > 0) {
            lines.add(indent(led(p.namesMet(), p.namesObtained())));
        }
        if (!p.byCircle().isEmpty()) {
            lines.add(indent((fr ? "par cercle : " : "by circle: ") + p.byCircle().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))));
        }
        if (!p.dueNews().isEmpty()) {
            lines.add(indent(fr ? "à tenir au courant, au plus proche d'abord :" : "due news, soonest first:"));
            for (Progress.News n : p.dueNews()) {
                lines.add(indent(indent(n.contact().displayName() + " — " + when.format(n.due()) + (fr
                        ? " (nouvelles #" + n.action().number() + " de l'entretien #" + n.interviewId() + ")"
                        : " (keep-posted #" + n.action().number() + " of interview #" + n.interviewId() + ")"))));
            }
        }
        return lines;
    }

    private String held(int n) {
        if (fr) {
            return n == 1 ? "1 entretien d'information tenu" : n + " entretiens d'information tenus";
        }
        return n == 1 ? "1 information interview held" : n + " information interviews held";
    }

    /** Names obtained per interview with notes, on average and for the latest ones. */
    private String names(Progress p) {
        if (p.withNotes() == 0) {
            return fr ? "noms obtenus : pas encore de notes (répondez à la demande de notes, ou rebond notes ID)"
                    : "names obtained: no debrief notes yet (reply to the debrief prompt, or rebond notes ID)";
        }
        String average = p.namesAverage() == Math.rint(p.namesAverage()) ? String.valueOf((long) p.namesAverage())
                : String.format(language, "%.1f", p.namesAverage());
        String over = fr ? (p.withNotes() == 1 ? "1 entretien avec notes" : p.withNotes() + " entretiens avec notes")
                : (p.withNotes() == 1 ? "1 interview with notes" : p.withNotes() + " interviews with notes");
        String latest = p.withNotes() < 2 ? "" : (fr ? " ; derniers : " : "; latest: ") + p.latest().stream()
                .map(n -> n.contact().displayName() + " (" + n.names() + ")").collect(Collectors.joining(", "));
        return fr ? "noms obtenus : " + average + " par entretien en moyenne sur " + over + " (la méthode en vise deux ou trois)" + latest
                : "names obtained: " + average + " per interview on average over " + over + " (the method aims for two or three)" + latest;
    }

    /** How many of the names obtained led to an interview, plurals right. */
    private String led(int met, int obtained) {
        if (met == 0) {
            if (fr) {
                return obtained == 1 ? "le nom obtenu n'a pas encore mené à un entretien"
                        : "aucun des " + obtained + " noms obtenus n'a encore mené à un entretien";
            }
            return obtained == 1 ? "the name obtained has not led to an interview yet"
                    : "none of the " + obtained + " names obtained has led to an interview yet";
        }
        if (fr) {
            return met == 1 ? "1 nom sur " + obtained + " a mené à un entretien" : met + " noms sur " + obtained + " ont mené à un entretien";
        }
        return met + " of " + obtained + (obtained == 1 ? " name" : " names") + " led to an interview";
    }

    private static String indent(String line) {
        return "    " + line;
    }
}
