package org.rebond.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.rebond.application.StoreException;
import org.rebond.calendar.CalendarRejected;
import org.rebond.compose.TemplateProblem;
import java.util.Locale;
import org.rebond.config.ConfigException;
import org.rebond.config.ConfigProblem;
import org.rebond.config.SecretException;
import org.rebond.i18n.Messages;
import org.rebond.i18n.Sentence;
import org.rebond.mail.MailboxException;

/** The documented exit codes (sysexits.h) and the one mapping from failures to them. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int USAGE = 64;
    public static final int DATA = 65;
    public static final int UNAVAILABLE = 69;
    public static final int SOFTWARE = 70;
    public static final int IO = 74;
    public static final int CONFIG = 78;

    private ExitCodes() {}

    public static int of(Throwable e) {
        if (e instanceof CommandFailure f) {
            return f.exitCode();
        }
        if (e instanceof ConfigException || e instanceof SecretException || e instanceof TemplateProblem) {
            return CONFIG;
        }
        if (e instanceof CalendarRejected) {
            return DATA;
        }
        if (e instanceof MailboxException m) {
            return m.authentication() ? CONFIG : UNAVAILABLE;
        }
        if (e instanceof StoreException || e instanceof IOException || e instanceof UncheckedIOException) {
            return IO;
        }
        return SOFTWARE;
    }

    /**
     * The message a user reads, in {@code language}; never a stack trace. A failure of a lower layer
     * that carries a {@link Sentence} is said in that language; a configuration's problems are listed
     * one per line, each naming the file, line and key.
     */
    public static String describe(Throwable e, Locale language) {
        Messages errors = Messages.of("errors", language);
        if (e instanceof ConfigException c && !c.problems().isEmpty()) {
            return configuration(c, errors, language);
        }
        if (e instanceof Sentence.Said said && said.sentence() != null) {
            return said.sentence().in(language);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return switch (of(e)) {
            case SOFTWARE -> errors.get("unexpected", message);
            case IO -> e instanceof CommandFailure || e instanceof StoreException ? message : errors.get("io", message);
            default -> message;
        };
    }

    private static String configuration(ConfigException c, Messages errors, Locale language) {
        int n = c.problems().size();
        StringBuilder s = new StringBuilder(errors.count("config.header", n, c.path()));
        for (ConfigProblem p : c.problems()) {
            s.append("\n  ").append(p.where()).append(p.what().in(language));
        }
        return s.append('\n').append(errors.count("config.footer", n)).toString();
    }

    /** A failure a command reports with a chosen exit code. */
    public static final class CommandFailure extends RuntimeException {
        private final int exitCode;

        public CommandFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
