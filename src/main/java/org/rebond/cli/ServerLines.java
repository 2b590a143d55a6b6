package org.rebond.cli;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rebond.Offline;
import org.rebond.application.CalendarSyncState;
import org.rebond.application.MailboxStatus;
import org.rebond.application.UidValidityChanges;
import org.rebond.calendar.CalDavCalendarSource;
import org.rebond.calendar.IcsFileCalendarSource;
import org.rebond.calendar.IcsUrlCalendarSource;
import org.rebond.config.RebondConfig;
import org.rebond.i18n.Messages;
import org.rebond.mail.MailboxWatcher;

/**
 * The servers rebond talks to (the mailbox and each configured calendar source) with the last word
 * from each, as the daemon recorded it, and how {@code status} words it: while the daemon runs, how
 * the connection stands and when the next attempt is due; when it does not, only what was last heard.
 */
final class ServerLines {

    /** The kind of the mailbox; calendar sources are {@code caldav}, {@code ics_url}, {@code ics_file} or {@code vdir}. */
    static final String MAILBOX = "mailbox";

    /**
     * One server and the last word from it.
     *
     * @param kind           {@link #MAILBOX}, {@code caldav}, {@code ics_url}, {@code ics_file}, {@code vdir} (or {@code calendar})
     * @param name           the account of the mailbox, the URL or path of a calendar source
     * @param lastContact    when the server last answered (the last sync that succeeded, for a calendar); null when never
     * @param connectedSince for the mailbox, when the current connection was made; null when not connected
     * @param problem        the current problem, as recorded (English); empty when none
     * @param problemSince   when the current run of failures began; null when none
     * @param nextAttempt    when the daemon tries again; null when no problem
     * @param failures       how many failures in a row
     * @param loginRefused   the mailbox refused the login (the next attempt waits long)
     */
    record Server(String kind, String name, Instant lastContact, Instant connectedSince, String problem, Instant problemSince,
                  Instant nextAttempt, int failures, boolean loginRefused) {

        boolean troubled() {
            return !problem.isEmpty();
        }
    }

    private ServerLines() {
    }

    /** The mailbox, then each configured calendar source, in the order of the configuration. */
    static List<Server> servers(RebondConfig config, Offline state) {
        List<Server> servers = new ArrayList<>();
        String account = config.mailbox().account();
        servers.add(state.mailboxStatus().get(account).map(ServerLines::mailbox)
                .orElse(new Server(MAILBOX, account, null, null, "", null, null, 0, false)));
        Map<String, CalendarSyncState.Contact> contacts = new HashMap<>();
        state.calendarState().contacts().forEach(c -> contacts.put(c.source(), c));
        for (RebondConfig.Calendar c : config.calendars()) {
            String name = switch (c.type()) {
                case CALDAV -> CalDavCalendarSource.nameOf(c.url());
                case ICS_URL -> IcsUrlCalendarSource.nameOf(c.url());
                case ICS_FILE -> IcsFileCalendarSource.nameOf(c.path());
            };
            servers.add(calendar(name, Optional.ofNullable(contacts.get(name))));
        }
        return servers;
    }

    private static Server mailbox(MailboxStatus.State s) {
        boolean connected = s.kind() == MailboxStatus.Kind.CONNECTED;
        // A row written before the last contact was recorded: connecting was the last contact.
        Instant lastContact = s.lastContact() != null ? s.lastContact() : connected ? s.updatedAt() : null;
        return new Server(MAILBOX, s.account(), lastContact, connected ? s.updatedAt() : null, connected ? "" : s.problem(),
                s.problemSince(), s.nextAttempt(), s.failures(), s.kind() == MailboxStatus.Kind.LOGIN_REFUSED);
    }

    /** A calendar source by the name it is recorded under ({@code CalDAV https://…}, {@code ICS file /…}…), split into kind and place. */
    private static Server calendar(String recorded, Optional<CalendarSyncState.Contact> contact) {
        String kind = "calendar";
        String name = recorded;
        for (String[] prefix : new String[][] {{"CalDAV ", "caldav"}, {"ICS URL ", "ics_url"}, {"ICS file ", "ics_file"}, {"vdir ", "vdir"}}) {
            if (recorded.startsWith(prefix[0])) {
                kind = prefix[1];
                name = recorded.substring(prefix[0].length());
                break;
            }
        }
        if (contact.isEmpty()) {
            return new Server(kind, name, null, null, "", null, null, 0, false);
        }
        CalendarSyncState.Contact c = contact.get();
        return new Server(kind, name, c.lastSync(), null, c.problem() == null ? "" : c.problem(), c.problemSince(), c.nextAttempt(),
                c.failures(), false);
    }

    /** The line of one server: while the daemon runs ({@code running}), how it stands; otherwise the last word heard. */
    static String line(Server s, boolean running, Messages m, DateTimeFormatter when) {
        boolean mailbox = s.kind().equals(MAILBOX);
        String label = mailbox ? m.get("server.mailbox") : m.get("server." + s.kind(), s.name());
        List<String> parts = new ArrayList<>();
        String problem = FrenchReasons.shown(s.problem(), m);
        if (running && s.troubled()) {
            String since = s.problemSince() == null ? "?" : when.format(s.problemSince());
            parts.add(m.get(s.loginRefused() ? "contact.refusedSince" : mailbox ? "contact.disconnectedSince" : "contact.failingSince",
                    since, problem));
            if (s.nextAttempt() != null) {
                parts.add(s.loginRefused() ? m.get("contact.nextAttemptLong", when.format(s.nextAttempt()))
                        : m.get("contact.nextAttemptAfter", when.format(s.nextAttempt()), m.count("contact.failures", s.failures())));
            }
        } else if (running && s.connectedSince() != null) {
            parts.add(m.get("contact.connectedSince", when.format(s.connectedSince())));
        }
        parts.add(s.lastContact() == null ? m.get(mailbox ? "contact.none" : "contact.noSync")
                : m.get(mailbox ? "contact.last" : "contact.lastSync", when.format(s.lastContact())));
        if (!running && s.troubled()) {
            parts.add(m.get("contact.lastProblem", problem));
        }
        return m.get("server.line", label, String.join(m.get("sep"), parts));
    }

    /** A folder the daemon stopped reading because its UIDVALIDITY kept changing (B39), with what to do. */
    static String pausedFolderLine(UidValidityChanges.Pause p, DateTimeFormatter when, Messages m) {
        return m.get("folder.paused", p.folder(), when.format(p.since()), p.changes(), MailboxWatcher.UIDVALIDITY_CHANGE_WINDOW.toHours(),
                p.from(), p.to());
    }
}
