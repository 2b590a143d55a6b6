package org.rebond.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rebond.calendar.CalendarLimits;
import org.rebond.calendar.Ical4jSetup;
import org.rebond.calendar.Inspector;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.InterviewDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** "Why was this invitation (not) taken?": one JSON line per calendar component. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Reads .eml and .ics files (or folders of them) and prints one JSON object per line per calendar",
                "component: identity, method, times (instants in UTC, all-day dates, floating local times), people,",
                "and rebond's verdict on whether it is an information interview, with the reason.",
                "A file that cannot be read prints {\"file\": …, \"error\": …}; the others go on (exit 65 if any failed)."})
public final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".eml or .ics files, or folders")
    List<Path> paths;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "use this configuration's addresses, limits and detection rules")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Ical4jSetup.configureOnce();
        RebondConfig.Limits limits = CalendarLimits.defaults();
        DetectionRules rules = DetectionRules.defaults();
        Set<String> addresses = Set.of();
        if (config != null) {
            RebondConfig loaded = new ConfigLoader().load(config);
            limits = loaded.limits();
            rules = rules.plus(loaded.detection().marker(), loaded.detection().includeWords(), loaded.detection().excludeWords(),
                    loaded.detection().categories());
            addresses = Set.copyOf(loaded.profile().addresses());
        }
        Inspector inspector = new Inspector(limits, new InterviewDetector(rules, addresses, address -> false));
        boolean failed = inspector.inspect(paths, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return failed ? ExitCodes.DATA : ExitCodes.OK;
    }
}
