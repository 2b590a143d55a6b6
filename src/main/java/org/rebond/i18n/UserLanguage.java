package org.rebond.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * The language to speak before a profile says it: the environment's locale, as POSIX reads it
 * ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}); French for {@code fr*}, English
 * otherwise. Once a configuration is loaded, its {@code profile.language} decides.
 */
public final class UserLanguage {

    private UserLanguage() {}

    /** The language the environment asks for: {@link Locale#FRENCH} or {@link Locale#ENGLISH}. */
    public static Locale fromEnvironment(Map<String, String> environment) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT).startsWith("fr") ? Locale.FRENCH : Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** Whether {@code language} is French (fr, fr-FR, fr-BE…). */
    public static boolean isFrench(Locale language) {
        return language != null && "fr".equals(language.getLanguage());
    }
}
