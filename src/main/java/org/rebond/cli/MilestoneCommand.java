package org.rebond.cli;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rebond.Offline;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Interview;
import org.rebond.domain.Milestone;
import org.rebond.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Records a step of the user's search (METHOD M7): news the next keeping-you-posted drafts tell,
 * each once, to everyone the user keeps posted or to one contact.
 */
@Command(name = "milestone", mixinStandardHelpOptions = true)
public final class MilestoneCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public MilestoneCommand(Clock clock) {
        this.clock = clock;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "STEP", descriptionKey = "step")
    String step;

    @Option(names = "--contact", paramLabel = "ID", descriptionKey = "contact")
    String contact;

    @Option(names = "--list", descriptionKey = "list")
    boolean list;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RebondConfig loaded = config.load();
        Locale lang = loaded.profile().language();
        Messages say = config.say("commands");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", lang).withZone(loaded.profile().timeZone());
        var out = spec.commandLine().getOut();
        if (list == (step != null)) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("milestone.step.or.list"));
        }
        try (Offline state = Offline.open(loaded, clock)) {
            if (list) {
                List<Milestone> all = state.news().milestones();
                if (all.isEmpty()) {
                    out.println(say.get("milestone.none"));
                }
                for (Milestone m : all) {
                    String whom = m.contact().isEmpty() ? say.get("milestone.for.everyone") : say.get("milestone.for", m.contact());
                    out.printf("#%d  %s  %s  %s%n", m.id(), day.format(m.at()), whom, m.text());
                }
                return ExitCodes.OK;
            }
            if (step.isBlank()) {
                throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("milestone.empty"));
            }
            Interview.Person whom = contact == null ? null : contact(state, say);
            Milestone kept = state.news().add(new Milestone(0, clock.instant(), step, whom == null ? "" : whom.email()));
            String date = day.format(kept.at());
            out.println(say.get("milestone.recorded", kept.id(), date, kept.text()));
            out.println(whom == null ? say.get("milestone.for.all.drafts") : say.get("milestone.for.one.draft", whom.displayName()));
            return ExitCodes.OK;
        }
    }

    private Interview.Person contact(Offline state, Messages say) {
        String typed = contact.strip().replaceFirst("^#", "");
        if (typed.contains("@")) {
            return new Interview.Person(typed.toLowerCase(Locale.ROOT), "");
        }
        if (!typed.matches("\\d{1,18}")) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("contact.invalid", contact));
        }
        return state.store().byId(Long.parseLong(typed)).map(Interview::contact).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.DATA,
                say.get("interview.unknown", typed, config)));
    }
}
