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
import org.rebond.i18n.Messages;
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
        Messages say = config.say("notes");
        if (show && (file != null || dryRun)) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("show.reads.none"));
        }
        Optional<String> target = UserCommand.normalTarget(id).filter(t -> !UserCommand.isSeenEvent(t));
        if (target.isEmpty()) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("not.an.interview", id));
        }
        PrintWriter out = spec.commandLine().getOut();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", loaded.profile().language())
                .withZone(loaded.profile().timeZone());
        try (Offline state = Offline.open(loaded, clock)) {
            long number = UserCommand.number(target.get());
            Interview interview = state.store().byId(number).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.DATA,
                    config.say("commands").get("interview.unknown", number, config)));
            String contact = interview.contact().displayName();
            String what = say.get("interview", interview.id(), contact, when.format(interview.start()));
            NotesReport report = new NotesReport(say, contact);
            NotesParser parser = new NotesParser();
            if (show) {
                return show(state, interview, what, report, loaded, when, out, say);
            }
            NotesInput.Text input = NotesInput.read(file, terminal, report.template(what), say);
            DebriefNotes notes = parser.parse(input.text());
            if (notes.isEmpty()) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("none.found", input.origin()));
            }
            if (input.cut()) {
                out.println(say.get("cut", NotesInput.MAX_BYTES / 1024));
            }
            List<JobAsk.Ask> asks = JobAsk.all(input.text(), loaded.profile().language());
            if (dryRun) {
                DebriefNotes before = state.store().notes(interview.id()).orElse(DebriefNotes.NONE);
                out.println(say.get("dry.run.title", what));
                report.details(notes).forEach(out::println);
                report.jobAsks(asks).forEach(out::println);
                out.println(say.get("dry.run.result", report.counts(before.merge(notes))));
                return ExitCodes.OK;
            }
            Overrides.Submitted submitted = Overrides.submit(state, UserCommand.Kind.NOTES, target.get(), input.text());
            if (submitted.applied().isEmpty()) {
                out.println(Overrides.notYetApplied(config.say("commands")));
                return ExitCodes.OK;
            }
            CommandQueue.Applied applied = submitted.applied().get();
            if (applied.kind() == InterviewService.Outcome.Kind.REJECTED) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("rejected", applied.detail()));
            }
            DebriefNotes now = state.store().notes(interview.id()).orElse(notes);
            out.println(say.get("added", what, report.counts(notes)));
            out.println(say.get("recorded.in.all", report.counts(now), interview.id()));
            report.jobAsks(asks).forEach(out::println);
            out.println(thankYou(state, loaded, interview, submitted.byDaemon(), when, say));
            if (submitted.byDaemon()) {
                out.println(say.get("by.daemon"));
            }
            return ExitCodes.OK;
        }
    }

    private int show(Offline state, Interview interview, String what, NotesReport report, RebondConfig loaded,
                     DateTimeFormatter when, PrintWriter out, Messages say) {
        Optional<DebriefNotes> notes = state.store().notes(interview.id());
        if (notes.isEmpty()) {
            out.println(say.get("show.none", what, interview.id()));
            return ExitCodes.OK;
        }
        out.println(say.get("show.title", what, report.sources(state.store().notesSources(interview.id()), when)));
        List<String> details = report.details(notes.get());
        if (details.isEmpty()) {
            out.println(say.get("show.nothing.understood"));
        }
        details.forEach(out::println);
        report.jobAsks(JobAsk.all(NotesReport.text(notes.get()), loaded.profile().language())).forEach(out::println);
        return ExitCodes.OK;
    }

    /** When the thank-you draft is made, or was, with respect to these notes. */
    private String thankYou(Offline state, RebondConfig loaded, Interview interview, boolean daemonRuns, DateTimeFormatter when, Messages say) {
        if (!interview.active()) {
            return say.get(interview.state() == Interview.State.CANCELLED ? "thank.you.cancelled" : "thank.you.ignored");
        }
        Optional<Outbox.Entry> entry = state.outbox().find(interview.id(), Action.THANK_YOU);
        if (entry.isPresent()) {
            Outbox.Entry e = entry.get();
            return switch (e.state()) {
                case DONE -> say.get("thank.you.made", when.format(e.updatedAt()));
                case SKIPPED -> say.get("thank.you.skipped", say.french() ? FrenchReasons.of(e.lastError()) : e.lastError());
                case APPENDING -> say.get("thank.you.appending");
            };
        }
        Instant now = clock.instant();
        Optional<Instant> due = new Planner(App.policyOf(loaded)).plan(interview, now).stream()
                .filter(p -> p.action().equals(Action.THANK_YOU)).map(PlannedAction::due).findFirst();
        if (due.isEmpty()) {
            return say.get("thank.you.none");
        }
        if (due.get().isAfter(now)) {
            return say.get("thank.you.later", when.format(due.get()));
        }
        return daemonRuns ? say.get("thank.you.due.daemon") : say.get("thank.you.due.next.start", config);
    }
}
