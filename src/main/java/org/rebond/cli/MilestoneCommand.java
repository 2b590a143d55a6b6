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
        boolean fr = "fr".equals(lang.getLanguage());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", lang).withZone(loaded.profile().timeZone());
        var out = spec.commandLine().getOut();
        if (list == (step != null)) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, fr
                    ? "donnez soit une étape entre guillemets, soit --list — 'rebond milestone --help' montre comment"
                    : "give either a step in quotes or --list — 'rebond milestone --help' shows how");
        }
        try (Offline state = Offline.open(loaded, clock)) {
            if (list) {
                List<Milestone> all = state.news().milestones();
                if (all.isEmpty()) {
                    out.println(fr ? "Aucune étape notée pour l'instant." : "No step recorded yet.");
                }
                for (Milestone m : all) {
                    String whom = m.contact().isEmpty() ? (fr ? "pour tous" : "for everyone") : (fr ? "pour " : "for ") + m.contact();
                    out.printf("#%d  %s  %s  %s%n", m.id(), day.format(m.at()), whom, m.text());
                }
                return ExitCodes.OK;
            }
            if (step.isBlank()) {
                throw new ExitCodes.CommandFailure(ExitCodes.USAGE, fr ? "l'étape est vide" : "the step is empty");
            }
            Interview.Person whom = contact == null ? null : contact(state, fr);
            Milestone kept = state.news().add(new Milestone(0, clock.instant(), step, whom == null ? "" : whom.email()));
            String date = day.format(kept.at());
            if (fr) {
                out.println("Étape notée (#" + kept.id() + ", " + date + ") : « " + kept.text() + " ».");
                out.println(whom == null ? "Les prochains brouillons « je vous tiens au courant » la raconteront, une fois à chaque personne."
                        : "Seul le prochain brouillon « je vous tiens au courant » à " + whom.displayName() + " la racontera.");
            } else {
                out.println("Step recorded (#" + kept.id() + ", " + date + "): \"" + kept.text() + "\".");
                out.println(whom == null ? "The next keeping-you-posted drafts will tell it, once to each person."
                        : "Only the next keeping-you-posted draft to " + whom.displayName() + " will tell it.");
            }
            return ExitCodes.OK;
        }
    }

    private Interview.Person contact(Offline state, boolean fr) {
        String typed = contact.strip().replaceFirst("^#", "");
        if (typed.contains("@")) {
            return new Interview.Person(typed.toLowerCase(Locale.ROOT), "");
        }
        if (!typed.matches("\\d{1,18}")) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, fr
                    ? "'" + contact + "' n'est ni un numéro d'entretien (7) ni une adresse ; 'rebond status' liste les entretiens"
                    : "'" + contact + "' is neither an interview number (7) nor an address; 'rebond status' lists the interviews");
        }
        return state.store().byId(Long.parseLong(typed)).map(Interview::contact).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.DATA,
                fr ? "aucun entretien #" + typed + " — 'rebond status --config " + config + "' les liste"
                        : "no interview #" + typed + " — 'rebond status --config " + config + "' lists them"));
    }
}
