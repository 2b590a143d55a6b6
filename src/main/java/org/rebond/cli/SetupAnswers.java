package org.rebond.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.rebond.config.RebondConfig.Security;

/**
 * Everything {@code rebond init} learnt from its questions and flags, ready to be written.
 * {@code provider} is the preset's label, or null for a server typed by hand; {@code database}
 * is null for the default place.
 */
record SetupAnswers(Locale language, String name, List<String> addresses, ZoneId zone, String objective, String pitch,
                    String provider, String host, int port, Security security, String username, PasswordPlan password,
                    Path caFile, Path database) {

    /** How the password is kept. */
    enum Keeping { FILE, CREDENTIAL, COMMAND, OAUTH2 }

    /**
     * Where the password lives: {@code file} for {@link Keeping#FILE} (and, for
     * {@link Keeping#CREDENTIAL}, the file systemd hands over); {@code credential} its name;
     * {@code command} for {@link Keeping#COMMAND} and {@link Keeping#OAUTH2}. {@code secret} is
     * the password to write into {@code file}, or null when the file is already there.
     */
    record PasswordPlan(Keeping keeping, Path file, String credential, List<String> command, char[] secret) {}
}
