package org.rebond.cli;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.App;
import org.rebond.StateDatabase;
import org.rebond.config.RebondConfig;
import org.rebond.i18n.Messages;
import org.rebond.mail.FolderFinder;
import org.rebond.mail.ImapConnector;
import org.rebond.mail.MailboxException;
import org.rebond.store.Database;
import org.rebond.store.SqlMailboxState;
import org.rebond.store.SqlUidValidityChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Checks the configuration, the secret, the connection and the folders, and says how to fix what is wrong. */
@Command(name = "doctor", mixinStandardHelpOptions = true)
public final class DoctorCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public DoctorCommand(Clock clock) {
        this.clock = clock;
    }

    private static final List<String> CAPABILITIES = List.of("IDLE", "UIDPLUS", "CONDSTORE", "QRESYNC", "SPECIAL-USE", "MOVE", "ENABLE");

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return config.eachAccount(spec.commandLine().getOut(), loaded -> check(loaded, spec.commandLine().getOut(), App.passwordOf(loaded.mailbox())));
    }

    /**
     * Checks a loaded configuration, printing one line per check, and returns the exit code: 0 when
     * rebond can run with it. {@code password} gives the mailbox's secret ({@code rebond init} hands
     * its own reader when the password is a systemd credential it has just written).
     */
    int check(RebondConfig loaded, PrintWriter out, Supplier<String> password) {
        Messages say = Messages.of("commands", loaded.profile().language());
        out.println(say.get("doctor.ok", say.get("doctor.configuration", loaded.source(), loaded.profile().name(), loaded.profile().primaryAddress())));
        List<String> problems = new ArrayList<>();
        try (Database db = StateDatabase.open(loaded.storage())) {
            out.println(say.get("doctor.ok", say.get("doctor.database", StateDatabase.where(loaded.storage()), db.version())));
            DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm",
                    loaded.profile().language()).withZone(loaded.profile().timeZone());
            var reported = new SqlMailboxState(db, clock)
                    .get(loaded.mailbox().account());
            if (reported.isPresent() && reported.get().kind() != SqlMailboxState.Kind.CONNECTED) {
                var m = reported.get();
                boolean refused = m.kind() == SqlMailboxState.Kind.LOGIN_REFUSED;
                out.println(say.get("doctor.note", say.count(refused ? "doctor.daemon.refused" : "doctor.daemon.unreachable", m.failures(),
                        m.problemSince() == null ? "?" : when.format(m.problemSince()), m.problem(),
                        m.nextAttempt() == null ? "?" : when.format(m.nextAttempt()))));
            }
            for (var paused : new SqlUidValidityChanges(db, clock).pauses()) {
                problems.add(paused.folder());
                out.println(say.get("doctor.fail", ServerLines.pausedFolderLine(paused, when, Messages.of("status", say.language()))));
            }
        } catch (RuntimeException e) {
            problems.add("database");
            out.println(say.get("doctor.fail", say.get("doctor.database.failed", ExitCodes.describe(e, say.language()))));
        }
        RebondConfig.Mailbox mailbox = loaded.mailbox();
        ImapConnector connector;
        try {
            connector = new ImapConnector(mailbox, password);
        } catch (MailboxException e) {
            out.println(say.get("doctor.fail", ExitCodes.describe(e, say.language())));
            return ExitCodes.CONFIG;
        }
        try (Store store = connector.connect()) {
            String transport = say.get("doctor.security." + mailbox.security().name().toLowerCase(Locale.ROOT));
            out.println(say.get("doctor.ok", say.get("doctor.connected", mailbox.host(), mailbox.port(), mailbox.username(), transport)));
            IMAPStore imap = (IMAPStore) store;
            List<String> have = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String cap : CAPABILITIES) {
                (imap.hasCapability(cap) ? have : missing).add(cap);
            }
            out.println(say.get("doctor.ok", missing.isEmpty() ? say.get("doctor.capabilities", String.join(" ", have))
                    : say.get("doctor.capabilities.missing", String.join(" ", have), String.join(" ", missing))));
            if (missing.contains("IDLE")) {
                out.println(say.get("doctor.note", say.get("doctor.no.idle", mailbox.pollInterval().toSeconds())));
            }
            Folder inbox = store.getFolder(mailbox.inbox());
            if (inbox.exists()) {
                out.println(say.get("doctor.ok", say.get("doctor.inbox", inbox.getFullName())));
            } else {
                problems.add(mailbox.inbox());
                out.println(say.get("doctor.fail", say.get("doctor.inbox.missing", mailbox.inbox())));
            }
            report(out, say, problems, store, FolderFinder.Role.DRAFTS, mailbox.drafts(), "mailbox.drafts",
                    mailbox.createDrafts() ? "doctor.drafts.created" : null);
            report(out, say, problems, store, FolderFinder.Role.SENT, mailbox.sent(), "mailbox.sent", "doctor.sent.unread");
        } catch (MailboxException e) {
            out.println(say.get("doctor.fail", ExitCodes.describe(e, say.language())));
            // A refused login is the user's to fix (user name, password source), like any other secret problem.
            return e.authentication() ? ExitCodes.CONFIG : ExitCodes.UNAVAILABLE;
        } catch (MessagingException e) {
            out.println(say.get("doctor.fail", say.get("doctor.server.error", e.getMessage())));
            return ExitCodes.UNAVAILABLE;
        }
        if (problems.isEmpty()) {
            out.println(say.get("doctor.all.good"));
            return ExitCodes.OK;
        }
        out.println(say.count("doctor.problems", problems.size()));
        return ExitCodes.CONFIG;
    }

    /** The line for the drafts or sent folder: found (and how), or missing, with {@code whenMissing} saying what follows. */
    private static void report(PrintWriter out, Messages say, List<String> problems, Store store, FolderFinder.Role role, String configured,
                               String key, String whenMissing) throws MessagingException {
        var found = FolderFinder.find(store, role, configured);
        String label = say.get("doctor.folder." + role.name().toLowerCase(Locale.ROOT));
        if (found.isPresent()) {
            String how = switch (found.get().how()) {
                case "configured" -> say.get("doctor.found.configured");
                case "well-known name" -> say.get("doctor.found.well.known");
                default -> found.get().how(); // SPECIAL-USE \Drafts …
            };
            out.println(say.get("doctor.ok", say.get("doctor.folder.found", label, found.get().name(), how)));
        } else if (role == FolderFinder.Role.DRAFTS && whenMissing == null) {
            problems.add(label);
            out.println(say.get("doctor.fail", say.get("doctor.drafts.missing", key)));
        } else {
            out.println(say.get("doctor.note", say.get("doctor.folder.missing", label, say.get(whenMissing), key)));
        }
    }
}
