package org.rebond.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rebond.App;
import org.rebond.application.InvitationTriage;
import org.rebond.calendar.CalendarLimits;
import org.rebond.calendar.Ical4jSetup;
import org.rebond.calendar.IcalCalendarReader;
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

/**
 * "Why was this invitation (not) taken?": one JSON line per calendar component, judged by the
 * daemon's own {@link InvitationTriage}. With {@code --config}, the detector is the daemon's (the
 * configuration's words and the user's addresses), made by {@link App#detector}; without it, the
 * built-in rules and no address of the user's, which is said on the error stream.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true)
public final class InspectCommand implements Callable<Integer> {

    private final SpokenLanguage language;

    /** Made by {@link Main}'s factory with the language of this command line. */
    public InspectCommand(SpokenLanguage language) {
        this.language = language;
    }

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "paths")
    List<Path> paths;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", descriptionKey = "config")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Ical4jSetup.configureOnce();
        RebondConfig.Limits limits = CalendarLimits.defaults();
        InterviewDetector detector;
        if (config != null) {
            RebondConfig loaded = language.heard(new ConfigLoader().load(config));
            limits = loaded.limits();
            // The contacts suggested in earlier debriefs live in the daemon's database, which inspect does not open.
            detector = App.detector(loaded, address -> false);
        } else {
            detector = new InterviewDetector(DetectionRules.defaults(), Set.of(), address -> false);
            spec.commandLine().getErr().println("rebond: " + language.of("commands").get("inspect.no.config"));
        }
        Inspector inspector = new Inspector(limits, new InvitationTriage(new IcalCalendarReader(limits), detector));
        boolean failed = inspector.inspect(paths, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return failed ? ExitCodes.DATA : ExitCodes.OK;
    }
}
