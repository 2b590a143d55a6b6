package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rebond.Offline;
import org.rebond.application.ReferralNetwork;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Circles;
import org.rebond.domain.Interview;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Sets the circle a contact came from (METHOD M6), or shows it. The row is written directly, whether
 * or not a daemon runs: no trigger and nothing the daemon plans depends on a circle, and SQLite's
 * own locking (busy timeout, IMMEDIATE transactions) orders it with the daemon's writes.
 */
@Command(name = "contact", mixinStandardHelpOptions = true)
public final class ContactCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public ContactCommand(Clock clock) {
        this.clock = clock;
    }

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "id")
    String id;

    @Option(names = "--circle", paramLabel = "NAME", descriptionKey = "circle")
    String circle;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RebondConfig loaded = config.load();
        boolean fr = loaded.profile().language().getLanguage().equals("fr");
        Circles circles = new Circles(loaded.profile().circles());
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> chosen = circle == null ? Optional.empty() : circles.find(circle);
        if (circle != null && chosen.isEmpty()) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, (fr ? "« " + circle + " » n'est pas un de vos cercles : "
                    : "'" + circle + "' is not one of your circles: ") + String.join(", ", circles.names())
                    + (fr ? " (profile.circles dans la configuration)" : " (profile.circles in the configuration)"));
        }
        try (Offline state = Offline.open(loaded, clock)) {
            Interview.Person person = contact(state, fr);
            String key = ReferralNetwork.key(person);
            if (chosen.isPresent()) {
                state.circles().set(key, chosen.get(), clock.instant());
            }
            ReferralNetwork.Network network = state.network().read(clock.instant());
            Optional<ReferralNetwork.Node> node = network.find(key);
            String who = node.map(NetworkWords::person).orElse(person.displayName());
            if (chosen.isPresent()) {
                out.println(fr ? who + " vient désormais du cercle « " + chosen.get() + " »."
                        : who + " now comes from the circle \"" + chosen.get() + "\".");
                List<String> heirs = node.map(n -> n.all().stream().skip(1).filter(d -> d.circleFrom() != null
                        && ReferralNetwork.key(d.circleFrom()).equals(key)).map(NetworkWords::person).toList()).orElse(List.of());
                if (!heirs.isEmpty()) {
                    out.println((fr ? "Ceux que vous avez connus par cette personne, sans cercle à eux, le prennent aussi : "
                            : "The people you reached through them, with no circle of their own, take it too: ") + String.join(", ", heirs) + ".");
                }
                return ExitCodes.OK;
            }
            String current = node.map(n -> new NetworkWords(null, null, fr).circle(n)).orElse(fr ? "cercle non précisé" : "circle not set");
            out.println(who + (fr ? " : " : ": ") + current + ".");
            out.println((fr ? "Vos cercles : " : "Your circles: ") + String.join(", ", circles.names()) + ".");
            return ExitCodes.OK;
        }
    }

    /** The contact ID names: the contact of interview #7, or an address rebond knows. */
    private Interview.Person contact(Offline state, boolean fr) {
        String typed = id.strip();
        if (typed.contains("@")) {
            String email = typed.toLowerCase(Locale.ROOT);
            if (!state.store().knownContacts().contains(email)) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, fr
                        ? "rebond ne connaît pas " + typed + " : ni contact ou intermédiaire d'un entretien, ni nom donné dans vos notes ('rebond network' les montre)"
                        : "rebond does not know " + typed + ": not the contact or referrer of an interview, nor a name given in your notes "
                                + "('rebond network' shows them)");
            }
            return state.store().all().stream().map(Interview::contact).filter(p -> p.email().equalsIgnoreCase(email)).findFirst()
                    .orElse(new Interview.Person(email, ""));
        }
        Optional<String> target = UserCommand.normalTarget(typed).filter(t -> !UserCommand.isSeenEvent(t));
        if (target.isEmpty()) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, fr
                    ? "« " + typed + " » n'est ni un numéro d'entretien (7) ni une adresse e-mail"
                    : "'" + typed + "' is neither an interview number (7) nor an e-mail address");
        }
        long number = UserCommand.number(target.get());
        return state.store().byId(number).map(Interview::contact).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.DATA, fr
                ? "aucun entretien #" + number + " — 'rebond status --config " + config + "' les liste"
                : "no interview #" + number + " — 'rebond status --config " + config + "' lists them"));
    }
}
