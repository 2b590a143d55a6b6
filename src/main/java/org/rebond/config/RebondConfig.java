package org.rebond.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The whole configuration, as loaded from one YAML file by {@link ConfigLoader}.
 * Every key, its default and its meaning are in {@code config/rebond.example.yaml}.
 */
public record RebondConfig(
        Profile profile,
        Mailbox mailbox,
        Storage storage,
        Schedule schedule,
        Detection detection,
        Limits limits,
        Templates templates,
        Drafts drafts,
        List<Calendar> calendars,
        Path source) {

    /** This configuration with {@code newStorage} instead of its own. */
    public RebondConfig withStorage(Storage newStorage) {
        return new RebondConfig(profile, mailbox, newStorage, schedule, detection, limits, templates, drafts, calendars, source);
    }

    /** The user: who they are, what they aim at, how they write. */
    public record Profile(
            String name,
            List<String> addresses,
            Locale language,
            ZoneId timeZone,
            String objective,
            String pitch,
            List<String> questions,
            String signature,
            List<String> circles) {

        /** Without {@code circles}: the default list in the profile's language. */
        public Profile(String name, List<String> addresses, Locale language, ZoneId timeZone, String objective, String pitch,
                       List<String> questions, String signature) {
            this(name, addresses, language, timeZone, objective, pitch, questions, signature,
                    org.rebond.domain.Circles.defaults(language));
        }

        public String primaryAddress() {
            return addresses.get(0);
        }

        public boolean isUser(String address) {
            return address != null && addresses.stream().anyMatch(a -> a.equalsIgnoreCase(address.trim()));
        }
    }

    /**
     * How to reach the IMAP mailbox. The secret itself is never held here, only where to find it.
     * With {@code oauth2}, {@code password} is the command that prints an OAuth2 access token
     * (XOAUTH2); {@code archive} is a folder holding all mail (Gmail's All Mail) to follow too:
     * null to detect it by SPECIAL-USE {@code \All}, empty to follow none.
     */
    public record Mailbox(
            String host,
            int port,
            Security security,
            boolean allowPlaintextOnLoopback,
            String username,
            Secret password,
            boolean oauth2,
            Path caFile,
            String inbox,
            String drafts,
            String sent,
            String archive,
            boolean createDrafts,
            boolean idle,
            Duration pollInterval,
            Duration connectTimeout,
            Duration readTimeout,
            Duration writeTimeout) {

        /** The account as status and doctor name it, and as its connection state is kept: user@host:port. */
        public String account() {
            return username + "@" + host + ":" + port;
        }
    }

    public enum Security { TLS, STARTTLS, NONE }

    /**
     * Where a secret comes from. Exactly one of the three is set.
     *
     * @param file       a file readable only by its owner
     * @param credential the name of a systemd credential, read from {@code $CREDENTIALS_DIRECTORY}
     * @param command    a command whose first output line is the secret (argv form, no shell)
     */
    public record Secret(Path file, String credential, List<String> command) {
        @Override
        public String toString() {
            if (file != null) return "Secret[file=" + file + "]";
            if (credential != null) return "Secret[credential=" + credential + "]";
            return "Secret[command=" + (command == null || command.isEmpty() ? "?" : command.get(0)) + " …]";
        }
    }

    /** Where the state lives: one SQLite file (the default), or a PostgreSQL database a cluster of nodes shares. */
    public enum StorageKind { SQLITE, POSTGRESQL }

    /**
     * Where the state lives.
     *
     * @param kind             SQLite (the default) or PostgreSQL
     * @param database         the SQLite file; with PostgreSQL, the place whose folder holds this
     *                         node's instance lock
     * @param inStateDirectory the file is in rebond's state directory ({@code $STATE_DIRECTORY}, else
     *                         {@code ~/.local/state/rebond}), a folder of rebond's own, kept {@code 0700};
     *                         false for a folder the user chose in {@code storage.database}, only
     *                         created {@code 0700} when missing
     * @param url              PostgreSQL's JDBC URL ({@code jdbc:postgresql://host:port/name}); null with SQLite
     * @param username         PostgreSQL's user; null for the driver's default
     * @param password         where PostgreSQL's password is; null when none is needed (trust, peer, ~/.pgpass)
     * @param poolSize         the most connections this node opens to PostgreSQL
     */
    public record Storage(StorageKind kind, Path database, boolean inStateDirectory, String url, String username, Secret password,
                          int poolSize, String schema) {

        /** The SQLite file {@code database}. */
        public Storage(Path database, boolean inStateDirectory) {
            this(StorageKind.SQLITE, database, inStateDirectory, null, null, null, 0, null);
        }

        /**
         * The storage of the account {@code name} of a configuration that names several: on SQLite,
         * a file of its own in {@code accounts/NAME/} beside this one; on PostgreSQL, this database
         * with the account's tables in a schema of its own, {@code account_NAME}.
         */
        public Storage forAccount(String name) {
            Path own = database.resolveSibling("accounts").resolve(name).resolve(database.getFileName());
            return new Storage(kind, own, inStateDirectory, url, username, password, poolSize,
                    postgresql() ? "account_" + name.replace('-', '_') : null);
        }

        public boolean postgresql() {
            return kind == StorageKind.POSTGRESQL;
        }
    }

    /**
     * When each action is due, relative to the interview.
     *
     * @param briefBefore      how long before the start the brief arrives (at once when the interview is nearer)
     * @param prepDuration     length of the prep event placed just before the interview
     * @param debriefAfterEnd  delay after the end before the debrief prompt
     * @param thankYouAfterEnd delay after the end before the thank-you draft
     * @param keepPostedAfterEnd delays of each keeping-you-posted draft, counted from the latest exchange with the contact
     * @param prepReminder     how long before the prep slot the calendar reminds the user; zero for no reminder
     * @param humanHours       whether the prompt and the thank-you keep to the three times below (in profile.time_zone)
     * @param thankYouNotAfter the latest time of day a thank-you is due on the day of the interview
     * @param lateEndAfter     an interview ending after this time gets its thank-you the next morning
     * @param nextMorningAt    the time of "the next morning"
     * @param newsAfterReferralMet how soon after a meeting with someone the contact suggested the next update is due
     * @param pauseAfterUnanswered after this many updates the contact left unanswered, none is drafted (0: never pause)
     */
    public record Schedule(
            Duration briefBefore,
            Duration prepDuration,
            Duration debriefAfterEnd,
            Duration thankYouAfterEnd,
            List<Duration> keepPostedAfterEnd,
            Duration prepReminder,
            boolean humanHours,
            LocalTime thankYouNotAfter,
            LocalTime lateEndAfter,
            LocalTime nextMorningAt,
            Duration newsAfterReferralMet,
            int pauseAfterUnanswered) {}

    /** Extra words on top of the built-in French and English rules. */
    public record Detection(List<String> marker, List<String> includeWords, List<String> excludeWords, List<String> categories) {}

    /** Bounds on untrusted input (DESIGN I5). */
    public record Limits(long maxMessageBytes, long maxCalendarPartBytes, int maxTimezones, int maxComponents, int maxInstances) {}

    /**
     * A calendar rebond follows besides the invitations in mail ({@code calendars:} in the file).
     *
     * @param type          caldav, ics-url or ics-file
     * @param url           the CalDAV server, account or calendar URL, or the ICS URL (null for ics-file)
     * @param path          the .ics file or vdir folder (ics-file only)
     * @param username      empty for no authentication
     * @param password      where the password is, or null
     * @param interval      time between two syncs
     * @param timeout       connect and request timeout
     * @param prepCalendar  a writable CalDAV calendar where prep events are written (caldav only), or null
     */
    public record Calendar(CalendarType type, URI url, Path path, String username, Secret password,
                           boolean allowPlaintextOnLoopback, Duration interval, Duration timeout, URI prepCalendar) {}

    public enum CalendarType { CALDAV, ICS_URL, ICS_FILE }

    /** A directory whose files override the bundled templates, or null. */
    public record Templates(Path directory) {}

    /**
     * How drafts are written: {@code html} false (the default) makes each draft one text/plain part,
     * so that what the user edits in any client is what is sent; true adds an HTML alternative.
     */
    public record Drafts(boolean html) {}
}
