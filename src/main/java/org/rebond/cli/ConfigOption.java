package org.rebond.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.rebond.config.ConfigLoader;
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

    private final SpokenLanguage language;

    /** Made by {@link Main}'s factory with the language of this command line. */
    public ConfigOption(SpokenLanguage language) {
        this.language = language;
    }

    public ConfigOption() {
        this(new SpokenLanguage(Locale.ENGLISH));
    }

    /** Loads the file; every problem is reported at once (exit 78). */
    public RebondConfig load() {
        return language.heard(new ConfigLoader().load(file));
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
