package org.rebond.cli;

import java.nio.file.Path;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command that works on a user's setup takes. */
public final class ConfigOption {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", descriptionKey = "config")
    Path file;

    /** Loads the file; every problem is reported at once (exit 78). */
    public RebondConfig load() {
        return new ConfigLoader().load(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return String.valueOf(file);
    }
}
