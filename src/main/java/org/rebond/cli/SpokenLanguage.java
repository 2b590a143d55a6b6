package org.rebond.cli;

import java.util.Locale;
import org.rebond.config.RebondConfig;
import org.rebond.i18n.Messages;
import org.rebond.i18n.UserLanguage;

/**
 * The language rebond speaks during one command line: at first the one its help speaks ({@link HelpLanguage}: the
 * profile's when {@code --config} names a file that says it, else the environment's), then, once a command has loaded
 * its configuration, that profile's. One is made
 * per {@link Main#execute} and given by its factory to the commands and to {@link ConfigOption}, so
 * that an error printed after the configuration was loaded is in the profile's language, and one
 * printed before (or when the file cannot be loaded) in the environment's.
 */
public final class SpokenLanguage {

    private Locale current;

    public SpokenLanguage(Locale first) {
        this.current = UserLanguage.isFrench(first) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** From now on, the language of this configuration's profile. */
    public RebondConfig heard(RebondConfig config) {
        current = config.profile().language();
        return config;
    }

    public Locale current() {
        return current;
    }

    public boolean french() {
        return UserLanguage.isFrench(current);
    }

    /** The sentences of {@code area} in the current language. */
    public Messages of(String area) {
        return Messages.of(area, current);
    }
}
