package org.rebond.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.rebond.config.ConfigLoader;
import org.rebond.config.HostConfig;
import org.rebond.config.RebondConfig;
import org.rebond.i18n.Messages;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option every command that works on a user's setup takes. Loading the
 * file makes its profile's language the one rebond speaks for the rest of the command line.
 */
public final class ConfigOption {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", descriptionKey = "config")
    Path file;

    @Option(names = "--account", paramLabel = "NAME", descriptionKey = "account")
    String account;

    private final SpokenLanguage language;

    /** Made by {@link Main}'s factory with the language of this command line. */
    public ConfigOption(SpokenLanguage language) {
        this.language = language;
    }

    public ConfigOption() {
        this(new SpokenLanguage(Locale.ENGLISH));
    }

    /**
     * Loads the file; every problem is reported at once (exit 78). From a file that names several
     * accounts, the one {@code --account} names (or the only one).
     */
    public RebondConfig load() {
        if (!namesAccounts()) {
            if (account != null) {
                throw new ExitCodes.CommandFailure(ExitCodes.USAGE, say("common").get("account.not.several", file));
            }
            return language.heard(new ConfigLoader().load(file));
        }
        HostConfig host = loadHost();
        List<HostConfig.Account> chosen = chosen(host);
        if (chosen.size() > 1) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE,
                    say("common").get("account.choose", file, chosen.size(), String.join(", ", host.names())));
        }
        return language.heard(chosen.get(0).config());
    }

    /** Whether the file names several accounts ({@code accounts:}). */
    public boolean namesAccounts() {
        return ConfigLoader.namesAccounts(file);
    }

    /** Loads a file that names several accounts; rebond speaks the first account's language from then on. */
    public HostConfig loadHost() {
        HostConfig host = new ConfigLoader().loadHost(file);
        language.heard(chosen(host).get(0).config());
        return host;
    }

    /** The accounts this command line is about: the one {@code --account} names, else all. */
    public List<HostConfig.Account> chosen(HostConfig host) {
        if (account == null) {
            return host.accounts();
        }
        return List.of(host.account(account).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.USAGE,
                say("common").get("account.unknown", account, file, String.join(", ", host.names())))));
    }

    /**
     * Runs {@code command} on each account this command line is about, each under a heading, in
     * its own language; the exit code is the worst of theirs. On a file of one account, runs it once.
     */
    public int eachAccount(PrintWriter out, ToIntFunction<RebondConfig> command) {
        if (!namesAccounts()) {
            return command.applyAsInt(load());
        }
        int worst = ExitCodes.OK;
        boolean first = true;
        for (HostConfig.Account a : chosen(loadHost())) {
            language.heard(a.config());
            if (!first) {
                out.println();
            }
            first = false;
            out.println(say("common").get("account.heading", a.name(), a.config().profile().primaryAddress()));
            int code = command.applyAsInt(a.config());
            worst = Math.max(worst, code);
        }
        return worst;
    }

    public Path file() {
        return file;
    }

    /** The language spoken now: the profile's once {@link #load()} succeeded, else the environment's. */
    public SpokenLanguage language() {
        return language;
    }

    /** The sentences of {@code area} in the language spoken now. */
    public Messages say(String area) {
        return language.of(area);
    }

    @Override
    public String toString() {
        return String.valueOf(file);
    }
}
