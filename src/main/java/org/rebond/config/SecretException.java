package org.rebond.config;

import org.rebond.i18n.Sentence;

/**
 * The password could not be read from where the configuration says it lives. The message names
 * the source and the fix, never the secret nor a command's output. Like {@link ConfigException},
 * the command line maps it to exit status 78 (EX_CONFIG), so systemd does not restart in a loop.
 */
public final class SecretException extends RuntimeException implements Sentence.Said {
    private static final long serialVersionUID = 1L;

    /** The bundle of the sentences of the errors every command may print. */
    static final String AREA = "errors";

    private final transient Sentence sentence;

    /** The sentence {@code key} of the {@code errors} bundle with {@code arguments}; the message is its English. */
    SecretException(String key, Object... arguments) {
        this(Sentence.of(AREA, key, arguments));
    }

    private SecretException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    @Override
    public Sentence sentence() {
        return sentence;
    }

    /** Where the password comes from, in words: "password file /home/…/imap.pass", "credential imap-password"… */
    public static Sentence source(RebondConfig.Secret secret) {
        if (secret == null) return Sentence.of(AREA, "secret.none");
        if (secret.file() != null) return Sentence.of(AREA, "secret.file", secret.file());
        if (secret.credential() != null) return Sentence.of(AREA, "secret.credential", secret.credential());
        return Sentence.of(AREA, "secret.command", secret.command() == null || secret.command().isEmpty() ? "?" : secret.command().get(0));
    }
}
