package org.rebond.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.rebond.application.StoreException;
import org.rebond.calendar.CalendarRejected;
import org.rebond.compose.TemplateProblem;
import org.rebond.config.ConfigException;
import org.rebond.config.SecretException;
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

    /** The message a user reads; never a stack trace. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        if (of(e) == SOFTWARE) {
            return "unexpected failure: " + message + " (please report it with the log lines above)";
        }
        return message;
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
