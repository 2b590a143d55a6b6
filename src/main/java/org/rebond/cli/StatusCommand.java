package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rebond.App;
import org.rebond.Offline;
import org.rebond.application.InterviewStore;
import org.rebond.application.MailboxStatus;
import org.rebond.application.Outbox;
import org.rebond.application.Quarantine;
import org.rebond.application.UidValidityChanges;
import org.rebond.config.RebondConfig;
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
import org.rebond.mail.MailboxWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Interviews, their actions with due times in the user's zone, and what was quarantined. */
@Command(name = "status", mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RebondConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        boolean fr = loaded.profile().language().getLanguage().equals("fr");
        ZoneId zone = loaded.profile().timeZone();
        String row = fr ? "    %-17s %s%n" : "    %-15s %s%n";
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", loaded.profile().language()).withZone(zone);
        try (Offline state = Offline.open(loaded, clock)) {
            Planner planner = new Planner(App.policyOf(loaded));
            NewsLines news = new NewsLines(planner, state.contactActivities(), when, fr);
            SuggestedNames names = new SuggestedNames(when,
                    DateTimeFormatter.ofPattern("EEE d MMM yyyy", loaded.profile().language()).withZone(zone), fr);
            List<Interview> interviews = state.store().all();
            Instant now = clock.instant();
            int followed = interviews.size();
            out.println(fr ? "rebond — " + (followed == 0 ? "aucun entretien suivi"
                    : followed + (followed == 1 ? " entretien suivi" : " entretiens suivis")) + ", heures en " + zone.getId()
                    : "rebond — " + (followed == 0 ? "no interview followed"
                    : followed + (followed == 1 ? " interview followed" : " interviews followed")) + ", times in " + zone.getId());
            Optional<MailboxStatus.State> mailbox = state.mailboxStatus().get(loaded.mailbox().account());
            if (state.daemonRuns()) {
                mailbox.ifPresent(m -> out.println(mailboxLine(m, when, fr)));
            } else {
                out.println(notRunningLine(mailbox.map(MailboxStatus.State::updatedAt), when, fr, config.toString()));
            }
            for (UidValidityChanges.Pause p : state.validityChanges().pauses()) {
                out.println(pausedFolderLine(p, when, fr));
            }
            if (interviews.isEmpty()) {
                out.println(fr ? "Aucun entretien d'information détecté pour l'instant." : "No information interview detected yet.");
            }
            for (Interview i : interviews) {
                out.println();
                out.printf("#%d  %s  %s%n", i.id(), when.format(i.start()), i.summary());
                out.printf("    %s %s%s%n", fr ? "avec" : "with", i.contact().displayName(),
                        i.contact().name().isBlank() ? "" : " <" + i.contact().email() + ">");
                if (i.referrer() != null) {
                    out.printf("    %s%n", names.referrerLine(i, state.store().suggestionFor(i.contact().email())
                            .or(() -> state.store().suggestionFor(i.contact().name()))));
                    news.referredLine(i).ifPresent(line -> out.printf("    %s%n", line));
                }
                out.printf("    %s %s — %s%n", fr ? "état :" : "state:", stateLabel(i.state(), fr), fr ? FrenchReasons.of(i.reason()) : i.reason());
                for (InterviewStore.JournalLine line : state.store().journalOf(i.id())) {
                    journalRemark(line, fr, when).ifPresent(remark -> out.printf("    %s%n", remark));
                }
                Optional<String> notes = state.store().notesSource(i.id());
                out.printf("    %s %s%n", fr ? "notes :" : "notes:", notes.isPresent() ? (fr ? "reçues" : "received") : (fr ? "pas encore" : "not yet"));
                state.store().notes(i.id()).ifPresent(n -> jobAsks(n, loaded.profile().language()).forEach(ask -> out.printf("    %s%n", fr
                        ? "laissé hors du remerciement : « " + ask.phrase() + " » — " + ask.reason()
                        : "left out of the thank-you: \"" + ask.phrase() + "\" — " + ask.reason())));
                List<Outbox.Entry> entries = state.outbox().forInterview(i.id());
                List<PlannedAction> plan = news.plan(i, now);
                Set<String> shown = new HashSet<>();
                for (Outbox.Entry e : entries) {
                    shown.add(e.action().key());
                    String line = switch (e.state()) {
                        case DONE -> (fr ? "fait le " : "done ") + when.format(e.updatedAt());
                        case SKIPPED -> (fr ? "sauté : " + FrenchReasons.of(e.lastError()) : "skipped: " + e.lastError());
                        case APPENDING -> (fr ? "en cours, " : "pending, ") + e.attempts() + (fr ? " essai(s) ; " : " attempt(s); ")
                                + (e.lastError() == null ? "" : e.lastError());
                    };
                    out.printf(row, actionLabel(e.action(), fr), line);
                }
                for (PlannedAction p : plan) {
                    if (shown.add(p.action().key())) {
                        String line = !i.active() ? (fr ? "annulé" : "cancelled") : news.line(i, p, now, dueLine(planner, i, p, now, when, fr));
                        out.printf(row, actionLabel(p.action(), fr), line);
                    }
                }
            }
            new ProgressReport(loaded.profile().language(), zone)
                    .print(out, ProgressReport.gather(state.store(), state.outbox(), state.circles(), planner, interviews, now));
            names.print(out, state.store().namesGiven(), interviews, now);
            List<SeenEvent> seen = state.store().recentlySeen(now.minus(Duration.ofDays(1)), 20);
            if (!seen.isEmpty()) {
                out.println();
                out.println(fr ? "Vus, non retenus ('rebond track ID' en suit un, 'rebond ignore ID' le fait oublier) :"
                        : "Seen, not taken ('rebond track ID' follows one, 'rebond ignore ID' forgets it):");
                for (SeenEvent e : seen) {
                    out.printf("%-4s %s  %s%n", e.label(), when.format(e.start()), e.summary());
                    out.printf("    %s %s%n", fr ? "vu, non retenu :" : "seen, not taken:", e.reason());
                }
            }
            List<Quarantine.Item> quarantined = state.quarantine().all();
            if (!quarantined.isEmpty()) {
                out.println();
                out.println(fr ? "Mis de côté (non traités, avec la raison) :" : "Set aside (not processed, with the reason):");
                for (Quarantine.Item q : quarantined) {
                    out.printf("    %s %s: %s%n", q.source(), q.item(), q.reason());
                }
            }
        }
        return ExitCodes.OK;
    }

    /**
     * When a pending action is due, "today" or "tomorrow" when it is, and for the prompt and the
     * thank-you why it is then when the human hours moved it ({@code due tomorrow 08:30 (the interview
     * ended after 19:00)}).
     */
    static String dueLine(Planner planner, Interview i, PlannedAction p, Instant now, DateTimeFormatter when, boolean fr) {
        ZoneId zone = planner.policy().zone();
        String time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(p.due());
        String at = switch (RelativeDay.of(now, p.due(), zone)) {
            case TODAY -> fr ? "prévu aujourd'hui à " + time : "due today " + time;
            case TOMORROW -> fr ? "prévu demain à " + time : "due tomorrow " + time;
            default -> (fr ? "prévu le " : "due ") + when.format(p.due());
        };
        Optional<Planner.Shift> shift = switch (p.action().kind()) {
            case DEBRIEF_PROMPT -> Optional.of(planner.promptDue(i).shift());
            case THANK_YOU -> Optional.of(planner.thankYouDue(i).shift());
            default -> Optional.empty();
        };
        return at + shift.map(s -> why(s, planner.policy(), fr)).map(w -> w.isEmpty() ? "" : " (" + w + ")").orElse("");
    }

    /** Why the human hours moved a follow-up, in the user's language; empty when they did not. */
    static String why(Planner.Shift shift, Policy policy, boolean fr) {
        HumanHours hours = policy.humanHours();
        Duration gap = policy.thankYouAfterEnd().minus(policy.debriefAfterEnd());
        return switch (shift) {
            case NONE -> "";
            case NOT_AFTER -> fr ? "pas après " + hours.notAfter() : "not after " + hours.notAfter();
            case NEXT_MORNING_LATE_END -> fr ? "l'entretien a fini après " + hours.lateEndAfter() : "the interview ended after " + hours.lateEndAfter();
            case NEXT_MORNING_NIGHT -> fr ? "le matin plutôt que la nuit" : "in the morning rather than at night";
            case AFTER_MORNING_PROMPT -> fr ? hoursAndMinutes(gap) + " après la demande de notes du matin, pour que vos notes puissent l'inspirer"
                    : hoursAndMinutes(gap) + " after the morning's debrief prompt, so that your notes can shape it";
            case WITHIN_24_HOURS -> fr ? "au plus tard 24 h après la fin" : "at the latest 24 h after the end";
        };
    }

    private static String hoursAndMinutes(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + String.format("%02d", m);
    }

    /** The items of the notes that would make the thank-you ask for a job (M1), each with why it may hurt. */
    static List<JobAsk.Ask> jobAsks(DebriefNotes notes, Locale language) {
        return Stream.of(notes.points(), notes.leads(), notes.nextSteps()).flatMap(List::stream)
                .flatMap(item -> JobAsk.in(item, language).stream()).toList();
    }

    /** No daemon holds this state: what status shows instead of a connection it cannot vouch for. */
    static String notRunningLine(Optional<Instant> lastSeen, DateTimeFormatter when, boolean fr, String config) {
        String seen = lastSeen.map(at -> fr ? " (dernière nouvelle de la boîte le " + when.format(at) + ")"
                : " (last word from the mailbox " + when.format(at) + ")").orElse("");
        return fr ? "rebond ne tourne pas sur cet état" + seen + ". Pour le lancer : systemctl start rebond, ou rebond run --config " + config + "."
                : "rebond is not running on this state" + seen + ". Start it with systemctl start rebond, or rebond run --config " + config + ".";
    }

    /** How the running daemon last found the mailbox (B46: a refused login shows here). */
    static String mailboxLine(MailboxStatus.State m, DateTimeFormatter when, boolean fr) {
        return switch (m.kind()) {
            case CONNECTED -> (fr ? "Boîte aux lettres : connectée depuis le " : "Mailbox: connected since ") + when.format(m.updatedAt());
            case LOGIN_REFUSED -> (fr ? "Boîte aux lettres : CONNEXION REFUSÉE depuis le " : "Mailbox: LOGIN REFUSED since ")
                    + when.format(m.problemSince()) + " — " + m.problem() + (fr ? " ; prochain essai le " : "; next attempt ")
                    + when.format(m.nextAttempt()) + (fr ? " (attente longue, pour ne pas bloquer le compte)" : " (a long wait, so the account is not locked)");
            case RECONNECTING -> (fr ? "Boîte aux lettres : déconnectée depuis le " : "Mailbox: disconnected since ") + when.format(m.problemSince())
                    + " — " + m.problem() + (fr ? " ; prochain essai le " : "; next attempt ") + when.format(m.nextAttempt())
                    + " (" + m.failures() + (fr ? " échec(s))" : " failure(s))");
        };
    }

    /** A folder the daemon stopped reading because its UIDVALIDITY kept changing (B39), with what to do. */
    static String pausedFolderLine(UidValidityChanges.Pause p, DateTimeFormatter when, boolean fr) {
        long hours = MailboxWatcher.UIDVALIDITY_CHANGE_WINDOW.toHours();
        return fr
                ? "Dossier " + p.folder() + " : N'EST PLUS LU depuis le " + when.format(p.since()) + " — le serveur a changé son UIDVALIDITY "
                        + p.changes() + " fois en " + hours + " h (dernier changement " + p.from() + " → " + p.to() + "), ses numéros de "
                        + "messages ne sont donc pas fiables. Voyez ce qui se passe côté serveur ou fournisseur, puis redémarrez rebond "
                        + "(systemctl restart rebond) : il relira ce dossier sans refaire ce qui est déjà fait."
                : "Folder " + p.folder() + ": NO LONGER READ since " + when.format(p.since()) + " — the server changed its UIDVALIDITY "
                        + p.changes() + " times within " + hours + " h (last " + p.from() + " → " + p.to() + "), so its message numbers "
                        + "cannot be trusted. Find out what is happening on the server or at your provider, then restart rebond "
                        + "(systemctl restart rebond): it reads the folder again without redoing what was already done.";
    }

    /** The action's name as the user reads it: {@code keep-posted #2}, or in French {@code nouvelles #2}. */
    private static String actionLabel(Action action, boolean fr) {
        if (!fr) {
            return action.label();
        }
        return switch (action.kind()) {
            case BRIEF -> "préparation";
            case DEBRIEF_PROMPT -> "demande de notes";
            case THANK_YOU -> "remerciements";
            case KEEP_POSTED -> "nouvelles #" + action.number();
            case BRIEF_UPDATE -> "mise à jour #" + action.number();
            case THANK_YOU_REVISION -> "remerciements, révision #" + action.number();
        };
    }

    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^()]*)\\)");

    /** Cancellations and flagged updates or cancellations (B20), from the journal, in the user's language. */
    static Optional<String> journalRemark(InterviewStore.JournalLine line, boolean fr, DateTimeFormatter when) {
        String at = when.format(line.at());
        Matcher who = IN_PARENTHESES.matcher(line.detail());
        String sender = who.find() ? who.group(1) : "?";
        return switch (line.event()) {
            case "cancelled" -> Optional.of(fr ? "annulé par l'organisateur le " + at + " ; actions en attente retirées"
                    : "cancelled by the organizer on " + at + "; pending actions removed");
            case "ignored" -> Optional.of(fr ? "ignoré à votre demande le " + at : "ignored at your request on " + at);
            case "flagged" -> Optional.of(line.detail().startsWith("a cancellation")
                    ? (fr ? "signalé le " + at + " : une annulation envoyée par quelqu'un d'autre que l'organisateur (" + sender + ") a été ignorée"
                          : "flagged on " + at + ": a cancellation from someone other than the organizer (" + sender + ") was ignored")
                    : (fr ? "signalé le " + at + " : une mise à jour venue d'un autre organisateur (" + sender + ") n'a pas été appliquée"
                          : "flagged on " + at + ": an update from another organizer (" + sender + ") was not applied"));
            default -> Optional.empty();
        };
    }

    private static String stateLabel(Interview.State state, boolean fr) {
        return switch (state) {
            case SCHEDULED -> fr ? "suivi" : "followed";
            case CANCELLED -> fr ? "annulé par l'organisateur" : "cancelled by the organizer";
            case IGNORED -> fr ? "ignoré" : "ignored";
        };
    }
}
