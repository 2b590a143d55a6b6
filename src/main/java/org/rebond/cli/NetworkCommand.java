package org.rebond.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.rebond.Offline;
import org.rebond.application.ReferralNetwork;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Circles;
import org.rebond.store.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The referral network: who led to whom, drawn in the terminal or as one HTML page. */
@Command(name = "network", mixinStandardHelpOptions = true)
public final class NetworkCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public NetworkCommand(Clock clock) {
        this.clock = clock;
    }

    @Option(names = "--html", paramLabel = "FILE", descriptionKey = "html")
    Path html;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RebondConfig loaded = config.load();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", loaded.profile().language())
                .withZone(loaded.profile().timeZone());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", loaded.profile().language()).withZone(loaded.profile().timeZone());
        NetworkWords words = new NetworkWords(when, day, loaded.profile().language());
        PrintWriter out = spec.commandLine().getOut();
        ReferralNetwork.Network network;
        try (Offline state = Offline.open(loaded, clock)) {
            network = state.network().read(clock.instant());
        }
        if (html == null) {
            new NetworkTree(words).print(out, network);
            return ExitCodes.OK;
        }
        String page = new NetworkPage(words, new Circles(loaded.profile().circles())).render(network, loaded.profile().name());
        try {
            PrivateFiles.writeString(html, page);
        } catch (IOException e) {
            throw new ExitCodes.CommandFailure(ExitCodes.IO, words.say("page.unwritable", html, e.getMessage()));
        }
        out.println(words.say("page.written", html, words.count("people", network.all().size())));
        return ExitCodes.OK;
    }
}
