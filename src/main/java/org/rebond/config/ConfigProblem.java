package org.rebond.config;

import org.rebond.i18n.Sentence;

/**
 * One thing wrong in the configuration file.
 *
 * @param file the file name as shown to the user (e.g. {@code rebond.yaml})
 * @param line 1-based line number, or 0 when the problem is about the file as a whole
 * @param key  the dotted key (e.g. {@code mailbox.port}), or empty when there is none
 * @param what what is wrong and, where it helps, what to do, to be said in the user's language; never contains a secret
 */
public record ConfigProblem(String file, int line, String key, Sentence what) {

    /** What is wrong, in English (as the logs say it). */
    public String message() {
        return what.english();
    }

    /** {@code rebond.yaml:12: mailbox.port: must be between 1 and 65535 (got "99999")}. */
    @Override
    public String toString() {
        return where() + message();
    }

    /** {@code rebond.yaml:12: mailbox.port: }, the part that needs no translation. */
    public String where() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) s.append(':').append(line);
        s.append(": ");
        if (!key.isEmpty()) s.append(key).append(": ");
        return s.toString();
    }
}
