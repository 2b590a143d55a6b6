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
import org.rebond.i18n.Messages;
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
        Messages say = config.say("commands");
        Circles circles = new Circles(loaded.profile().circles());
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> chosen = circle == null ? Optional.empty() : circles.find(circle);
        if (circle != null && chosen.isEmpty()) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("circle.unknown", circle, String.join(", ", circles.names())));
        }
        try (Offline state = Offline.open(loaded, clock)) {
            Interview.Person person = contact(state, say);
            String key = ReferralNetwork.key(person);
            if (chosen.isPresent()) {
                state.circles().set(key, chosen.get(), clock.instant());
            }
            ReferralNetwork.Network network = state.network().read(clock.instant());
            Optional<ReferralNetwork.Node> node = network.find(key);
            String who = node.map(NetworkWords::person).orElse(person.displayName());
            if (chosen.isPresent()) {
                out.println(say.get("circle.set", who, chosen.get()));
                List<String> heirs = node.map(n -> n.all().stream().skip(1).filter(d -> d.circleFrom() != null
                        && ReferralNetwork.key(d.circleFrom()).equals(key)).map(NetworkWords::person).toList()).orElse(List.of());
                if (!heirs.isEmpty()) {
                    out.println(say.get("circle.heirs", String.join(", ", heirs)));
                }
                return ExitCodes.OK;
            }
            NetworkWords words = new NetworkWords(null, null, say.language());
            String current = node.map(words::circle).orElse(words.noCircle());
            out.println(say.get("circle.current", who, current));
            out.println(say.get("circle.list", String.join(", ", circles.names())));
            return ExitCodes.OK;
        }
    }

    /** The contact ID names: the contact of interview #7, or an address rebond knows. */
    private Interview.Person contact(Offline state, Messages say) {
        String typed = id.strip();
        if (typed.contains("@")) {
            String email = typed.toLowerCase(Locale.ROOT);
            if (!state.store().knownContacts().contains(email)) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("contact.unknown", typed));
            }
            return state.store().all().stream().map(Interview::contact).filter(p -> p.email().equalsIgnoreCase(email)).findFirst()
                    .orElse(new Interview.Person(email, ""));
        }
        Optional<String> target = UserCommand.normalTarget(typed).filter(t -> !UserCommand.isSeenEvent(t));
        if (target.isEmpty()) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("contact.not.id", typed));
        }
        long number = UserCommand.number(target.get());
        return state.store().byId(number).map(Interview::contact).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.DATA,
                say.get("interview.unknown", number, config)));
    }
}
