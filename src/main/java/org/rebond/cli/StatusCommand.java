package org.rebond.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rebond.App;
import org.rebond.Offline;
import org.rebond.config.HostConfig;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Interview;
import org.rebond.domain.Planner;
import org.rebond.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Whether rebond runs and since when, the last word from each server, the next action due, the
 * interviews and their actions with due times in the user's zone, and what was set aside: as text
 * in the user's language ({@link StatusText}), or as JSON for scripts ({@link StatusJson}).
 */
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

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json && config.namesAccounts()) {
            List<String> documents = new ArrayList<>();
            for (HostConfig.Account a : config.chosen(config.loadHost())) {
                StringWriter one = new StringWriter();
                status(a.config(), new PrintWriter(one));
                documents.add("\"" + a.name() + "\": " + one.toString().strip()); // names are [a-z0-9_-]: nothing to escape
            }
            out.println("{\"accounts\": {" + String.join(", ", documents) + "}}");
            return ExitCodes.OK;
        }
        return config.eachAccount(out, loaded -> status(loaded, out));
    }

    private int status(RebondConfig loaded, PrintWriter out) {
        Locale language = loaded.profile().language();
        Messages m = Messages.of("status", language);
        ZoneId zone = loaded.profile().timeZone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", language).withZone(zone);
        try (Offline state = Offline.open(loaded, clock)) {
            Planner planner = new Planner(App.policyOf(loaded));
            NewsLines news = new NewsLines(planner, state.contactActivities(), when, m);
            Instant now = clock.instant();
            StatusFacts facts = StatusFacts.gather(loaded, state, news, now);
            if (json) {
                out.println(new StatusJson(zone).document(facts));
                return ExitCodes.OK;
            }
            StatusText text = new StatusText(m, planner, news, when, zone);
            SuggestedNames names = new SuggestedNames(when, DateTimeFormatter.ofPattern("EEE d MMM yyyy", language).withZone(zone), m);
            text.printHead(out, facts, config.toString());
            for (StatusFacts.InterviewFacts f : facts.interviews()) {
                text.printInterview(out, f, state, names, language, now);
            }
            List<Interview> interviews = facts.interviews().stream().map(StatusFacts.InterviewFacts::interview).toList();
            new ProgressReport(language, zone)
                    .print(out, ProgressReport.gather(state.store(), state.outbox(), state.circles(), planner, interviews, now));
            names.print(out, state.store().namesGiven(), interviews, now);
            text.printSeenAndSetAside(out, facts.seen(), facts.quarantined());
        }
        return ExitCodes.OK;
    }
}
