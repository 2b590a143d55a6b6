package org.rebond.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.rebond.config.ProfileLanguage;
import org.rebond.i18n.UserLanguage;

/**
 * The language of rebond's help and usage errors: the profile's when the command line names a
 * readable configuration ({@code -c FILE}, {@code --config FILE}, {@code --config=FILE}), else the
 * environment's ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}). The texts are in
 * {@code i18n/help_en.properties} and {@code i18n/help_fr.properties}.
 */
final class HelpLanguage {

    static final String AREA = "help";

    private HelpLanguage() {}

    /** {@link Locale#FRENCH} or {@link Locale#ENGLISH}, for the command line {@code args} run in {@code environment}. */
    static Locale of(String[] args, Map<String, String> environment) {
        return configFile(args).flatMap(ProfileLanguage::of).orElseGet(() -> UserLanguage.fromEnvironment(environment));
    }

    /** The help texts picocli reads, in {@code language}. */
    static ResourceBundle bundle(Locale language) {
        Locale chosen = UserLanguage.isFrench(language) ? Locale.FRENCH : Locale.ENGLISH;
        return ResourceBundle.getBundle("i18n." + AREA, chosen, HelpLanguage.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The configuration file the command line names, if it names one. */
    static Optional<Path> configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if ((arg.equals("-c") || arg.equals("--config")) && i + 1 < args.length) {
                return path(args[i + 1]);
            }
            if (arg.startsWith("--config=")) {
                return path(arg.substring("--config=".length()));
            }
            if (arg.startsWith("-c") && !arg.startsWith("--") && arg.length() > 2) {
                return path(arg.substring(arg.charAt(2) == '=' ? 3 : 2));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> path(String value) {
        try {
            return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
