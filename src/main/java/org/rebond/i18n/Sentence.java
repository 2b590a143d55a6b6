package org.rebond.i18n;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Something to tell the user, not yet in a language: the key of a sentence in an area's bundles and
 * what fills its placeholders. A lower layer (configuration, secrets, mailbox, database) says what
 * went wrong with one; the command line says it in the user's language ({@link #in}), the logs in
 * English ({@link #english}). An argument that is itself a sentence is said in the same language.
 */
public final class Sentence {

    private final String area;
    private final String key;
    private final List<Object> arguments;

    private Sentence(String area, String key, Object... arguments) {
        this.area = area;
        this.key = key;
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    /** The sentence {@code key} of {@code area}, its placeholders filled with {@code arguments} (sentences among them said in turn). */
    public static Sentence of(String area, String key, Object... arguments) {
        return new Sentence(area, key, arguments);
    }

    public String area() {
        return area;
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The sentence in {@code language} (French for any French locale, English otherwise). */
    public String in(Locale language) {
        Object[] filled = new Object[arguments.size()];
        for (int i = 0; i < filled.length; i++) {
            Object a = arguments.get(i);
            filled[i] = a instanceof Sentence s ? s.in(language) : a;
        }
        return Messages.of(area, language).get(key, filled);
    }

    /** The sentence in English, as the logs keep it. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /** The English sentence: what a log line or an exception's message shows. */
    @Override
    public String toString() {
        return english();
    }

    /** Something that carries a sentence for the user (an exception of a lower layer). */
    public interface Said {
        Sentence sentence();
    }
}
