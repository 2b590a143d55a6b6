package org.rebond.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentences of one area of rebond (status, demo, init…) in the user's language, read from
 * {@code i18n/AREA_en.properties} and {@code i18n/AREA_fr.properties} (UTF-8). Placeholders are
 * {@code {0}}, {@code {1}}…, replaced as they are: no {@link java.text.MessageFormat} quoting, so
 * French apostrophes are written once. A key missing from a bundle is a bug and fails loudly
 * ({@code BundlesTest} checks both languages hold the same keys).
 */
public final class Messages {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale language;

    private Messages(ResourceBundle bundle, Locale language) {
        this.bundle = bundle;
        this.language = language;
    }

    /** The sentences of {@code area} in {@code language}: French for any French locale, English otherwise. */
    public static Messages of(String area, Locale language) {
        Locale chosen = UserLanguage.isFrench(language) ? Locale.FRENCH : Locale.ENGLISH;
        return new Messages(ResourceBundle.getBundle("i18n." + area, chosen, Messages.class.getClassLoader(), NO_FALLBACK), chosen);
    }

    /** The language these sentences are in: {@link Locale#FRENCH} or {@link Locale#ENGLISH}. */
    public Locale language() {
        return language;
    }

    public boolean french() {
        return language.equals(Locale.FRENCH);
    }

    /** The sentence {@code key} with {@code {0}}, {@code {1}}… replaced by {@code args}. */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no sentence '" + key + "' in " + bundle.getBaseBundleName() + " (" + language + ")", e);
        }
        return fill(text, args);
    }

    /** Whether the bundle has {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The sentence for a count: {@code key.zero} when {@code n} is 0 and the bundle has it, {@code key.one}
     * for 1 (and for 0 in French when there is no {@code .zero}), else {@code key.other}; {@code {0}} is the count.
     */
    public String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        if (n == 0 && has(key + ".zero")) {
            return get(key + ".zero", args);
        }
        boolean one = n == 1 || (n == 0 && french());
        return get(key + (one ? ".one" : ".other"), args);
    }

    static String fill(String text, Object... args) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && isIndex(text, i + 1, close)) {
                int index = Integer.parseInt(text, i + 1, close, 10);
                out.append(index < args.length ? String.valueOf(args[index]) : text.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isIndex(String text, int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
