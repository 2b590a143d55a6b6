package org.rebond.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rebond.App;
import org.rebond.Offline;
import org.rebond.application.CommandQueue;
import org.rebond.application.InterviewService;
import org.rebond.application.Outbox;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.JobAsk;
import org.rebond.domain.NotesParser;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Adds debrief notes to an interview from a file, standard input or your editor, or shows those recorded. */
@Command(name = "notes", mixinStandardHelpOptions = true)
public final class NotesCommand implements Callable<Integer> {

    private final Clock clock;
    private final UserTerminal terminal;

    /** Made by {@link Main}'s factory with the one clock of the process and the user's terminal. */
    public NotesCommand(Clock clock, UserTerminal terminal) {
        this.clock = clock;
        this.terminal = terminal;
    }

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "id")
    String id;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", descriptionKey = "file")
    Path file;

    @Option(names = "--show", descriptionKey = "show")
    boolean show;

    @Option(names = {"-n", "--dry-run"}, descriptionKey = "dry-run")
    boolean dryRun;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RebondConfig loaded = config.load();
        boolean fr = loaded.profile().language().getLanguage().equals("fr");
        if (show && (file != null || dryRun)) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, fr
                    ? "--show affiche les notes enregistrées et n'en lit aucune : pour voir ce que donneraient de nouvelles notes, "
                            + "utilisez --dry-run avec --file (ou l'entrée standard)"
                    : "--show prints the notes recorded and reads none: to see what new notes would give, use --dry-run with --file "
                            + "(or standard input)");
        }
        Optional<String> target = UserCommand.normalTarget(id).filter(t -> !UserCommand.isSeenEvent(t));
        if (target.isEmpty()) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, fr
                    ? "'" + id + "' n'est pas un numéro d'entretien : les notes vont avec un entretien (3 ou #3), tel que 'rebond status' les liste"
                    : "'" + id + "' is not an interview number: notes go with an interview (3 or #3), as 'rebond status' lists them");
        }
        PrintWriter out = spec.commandLine().getOut();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", loaded.profile().language())
                .withZone(loaded.profile().timeZone());
        try (Offline state = Offline.open(loaded, clock)) {
            long number = UserCommand.number(target.get());
            Interview interview = state.store().byId(number).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.DATA, fr
                    ? "aucun entretien #" + number + " — 'rebond status --config " + config + "' les liste"
                    : "no interview #" + number + " — 'rebond status --config " + config + "' lists them"));
            String contact = interview.contact().displayName();
            String what = "#" + interview.id() + (fr ? " avec " : " with ") + contact + ", " + when.format(interview.start());
            NotesReport report = new NotesReport(fr, contact);
            NotesParser parser = new NotesParser();
            if (show) {
                return show(state, interview, what, report, parser, loaded, when, out, fr);
            }
            NotesInput.Text input = NotesInput.read(file, terminal, report.template(what), fr);
            DebriefNotes notes = parser.parse(input.text());
            if (notes.isEmpty()) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, fr
                        ? "aucune note trouvée dans " + input.origin() + " ; rien n'a été enregistré. Écrivez un élément par ligne, précédé "
                                + "d'un tiret, sous des titres comme « Points abordés : » ou « Pistes : » (docs/reply-format.md)."
                        : "no notes found in " + input.origin() + "; nothing was recorded. Write one item per line, starting with a "
                                + "dash, under headings such as \"Points discussed:\" or \"Leads:\" (docs/reply-format.md).");
            }
            if (input.cut()) {
                out.println(fr ? "Seuls les " + NotesInput.MAX_BYTES / 1024 + " premiers Kio ont été lus."
                        : "Only the first " + NotesInput.MAX_BYTES / 1024 + " KiB were read.");
            }
            List<JobAsk.Ask> asks = JobAsk.all(input.text(), loaded.profile().language());
            if (dryRun) {
                DebriefNotes before = state.store().notes(interview.id()).orElse(DebriefNotes.NONE);
                out.println(fr ? "Ce que rebond comprend, pour l'entretien " + what + " :" : "What rebond understands, for interview " + what + ":");
                report.details(notes).forEach(out::println);
                report.jobAsks(asks).forEach(out::println);
                out.println(fr ? "Rien n'a été enregistré (--dry-run). Ajoutées aux notes déjà enregistrées, cela ferait : "
                        + report.counts(before.merge(notes)) + "."
                        : "Nothing was recorded (--dry-run). Added to the notes already recorded, this would make "
                        + report.counts(before.merge(notes)) + ".");
                return ExitCodes.OK;
            }
            Overrides.Submitted submitted = Overrides.submit(state, UserCommand.Kind.NOTES, target.get(), input.text());
            if (submitted.applied().isEmpty()) {
                out.println(Overrides.notYetApplied(fr));
                return ExitCodes.OK;
            }
            CommandQueue.Applied applied = submitted.applied().get();
            if (applied.kind() == InterviewService.Outcome.Kind.REJECTED) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, (fr ? "rien n'a été enregistré : " : "nothing was recorded: ") + applied.detail());
            }
            DebriefNotes now = state.store().notes(interview.id()).orElse(notes);
            out.println(fr ? "Notes ajoutées à l'entretien " + what + " : " + report.counts(notes) + "."
                    : "Notes added to interview " + what + ": " + report.counts(notes) + ".");
            out.println(fr ? "Notes enregistrées en tout : " + report.counts(now) + " ('rebond notes " + interview.id() + " --show' les détaille)."
                    : "Notes recorded in all: " + report.counts(now) + " ('rebond notes " + interview.id() + " --show' lists them).");
            report.jobAsks(asks).forEach(out::println);
            out.println(thankYou(state, loaded, interview, submitted.byDaemon(), when, fr));
            if (submitted.byDaemon()) {
                out.println(fr ? "(enregistré par le rebond en cours d'exécution)" : "(recorded by the running rebond)");
            }
            return ExitCodes.OK;
        }
    }

    private int show(Offline state, Interview interview, String what, NotesReport report, NotesParser parser, RebondConfig loaded,
                     DateTimeFormatter when, PrintWriter out, boolean fr) {
        Optional<DebriefNotes> notes = state.store().notes(interview.id());
        if (notes.isEmpty()) {
            out.println(fr ? "Pas encore de notes pour l'entretien " + what + ". Répondez à la demande de notes, ou utilisez 'rebond notes "
                    + interview.id() + "'." : "No notes yet for interview " + what + ". Reply to the debrief prompt, or use 'rebond notes "
                    + interview.id() + "'.");
            return ExitCodes.OK;
        }
        out.println((fr ? "Notes de l'entretien " + what + ", reçues par : " : "Notes for interview " + what + ", from: ")
                + report.sources(state.store().notesSources(interview.id()), when));
        List<String> details = report.details(notes.get());
        if (details.isEmpty()) {
            out.println(fr ? "La réponse reçue ne contenait aucun élément compris." : "The reply received held nothing rebond understood.");
        }
        details.forEach(out::println);
        report.jobAsks(JobAsk.all(NotesReport.text(notes.get()), loaded.profile().language())).forEach(out::println);
        return ExitCodes.OK;
    }

    /** When the thank-you draft is made, or was, with respect to these notes. */
    private String thankYou(Offline state, RebondConfig loaded, Interview interview, boolean daemonRuns, DateTimeFormatter when, boolean fr) {
        if (!interview.active()) {
            return fr ? "Aucun remerciement n'est prévu : l'entretien est " + (interview.state() == Interview.State.CANCELLED ? "annulé." : "ignoré.")
                    : "No thank-you is planned: the interview is " + (interview.state() == Interview.State.CANCELLED ? "cancelled." : "ignored.");
        }
        Optional<Outbox.Entry> entry = state.outbox().find(interview.id(), Action.THANK_YOU);
        if (entry.isPresent()) {
            Outbox.Entry e = entry.get();
            return switch (e.state()) {
                case DONE -> fr ? "Le brouillon de remerciement a été fait le " + when.format(e.updatedAt())
                        + " ; rebond le réécrit avec ces notes et le remplace, sauf si vous l'avez déjà modifié ou envoyé : "
                        + "il reste alors tel que vous l'avez laissé, et status le signale."
                        : "The thank-you draft was made on " + when.format(e.updatedAt())
                        + "; rebond writes it again with these notes and replaces it, unless you have already changed or sent it: "
                        + "then it stays as you left it, and status says so.";
                case SKIPPED -> fr ? "Le remerciement n'a pas été préparé : " + e.lastError() + "."
                        : "The thank-you was not drafted: " + e.lastError() + ".";
                case APPENDING -> fr ? "Le brouillon de remerciement est en cours de dépôt dans le dossier Brouillons."
                        : "The thank-you draft is being put in the Drafts folder.";
            };
        }
        Instant now = clock.instant();
        Optional<Instant> due = new Planner(App.policyOf(loaded)).plan(interview, now).stream()
                .filter(p -> p.action().equals(Action.THANK_YOU)).map(PlannedAction::due).findFirst();
        if (due.isEmpty()) {
            return fr ? "Aucun remerciement n'est prévu pour cet entretien." : "No thank-you is planned for this interview.";
        }
        if (due.get().isAfter(now)) {
            return fr ? "Le brouillon de remerciement sera fait le " + when.format(due.get()) + ", avec ces notes."
                    : "The thank-you draft will be made on " + when.format(due.get()) + ", with these notes.";
        }
        return daemonRuns
                ? (fr ? "Le remerciement est dû : rebond en prépare le brouillon d'ici une minute, avec ces notes."
                      : "The thank-you is due: rebond drafts it within a minute, with these notes.")
                : (fr ? "Le remerciement est dû : son brouillon sera fait avec ces notes au prochain démarrage de rebond (rebond run --config "
                        + config + ")."
                      : "The thank-you is due: its draft will be made with these notes when rebond next starts (rebond run --config "
                        + config + ").");
    }
}
