package org.rebond.cli;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.App;
import org.rebond.config.RebondConfig;
import org.rebond.mail.FolderFinder;
import org.rebond.mail.ImapConnector;
import org.rebond.mail.MailboxException;
import org.rebond.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** Checks the configuration, the secret, the connection and the folders, and says how to fix what is wrong. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks everything rebond needs: the configuration, the password source, the connection and its",
                "encryption, the server's capabilities, the INBOX, Drafts and Sent folders, and the database.",
                "Each problem comes with what to do. Reads only: it changes nothing in the mailbox."})
public final class DoctorCommand implements Callable<Integer> {

    private static final List<String> CAPABILITIES = List.of("IDLE", "UIDPLUS", "CONDSTORE", "QRESYNC", "SPECIAL-USE", "MOVE", "ENABLE");

    @picocli.CommandLine.Mixin
    ConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RebondConfig loaded = config.load();
        out.println("ok   configuration " + config + " (" + loaded.profile().name() + ", " + loaded.profile().primaryAddress() + ")");
        List<String> problems = new ArrayList<>();
        try (Database db = Database.open(loaded.storage().database())) {
            out.println("ok   database " + loaded.storage().database() + " (schema " + db.version() + ")");
            var reported = new org.rebond.store.SqlMailboxState(db, java.time.Clock.systemUTC())
                    .get(org.rebond.mail.MailboxWatcher.accountOf(loaded.mailbox()));
            if (reported.isPresent() && reported.get().kind() != org.rebond.store.SqlMailboxState.Kind.CONNECTED) {
                var m = reported.get();
                out.println("note the running rebond reports " + (m.kind() == org.rebond.store.SqlMailboxState.Kind.LOGIN_REFUSED
                        ? "its login REFUSED" : "the mailbox unreachable") + " since " + m.problemSince() + " (" + m.failures()
                        + " attempt(s)): " + m.problem() + "; next attempt " + m.nextAttempt());
            }
            boolean fr = loaded.profile().language().getLanguage().equals("fr");
            java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm",
                    loaded.profile().language()).withZone(loaded.profile().timeZone());
            for (var paused : new org.rebond.store.SqlUidValidityChanges(db, java.time.Clock.systemUTC()).pauses()) {
                problems.add("folder " + paused.folder() + " paused");
                out.println("FAIL " + StatusCommand.pausedFolderLine(paused, when, fr));
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            out.println("FAIL database: " + e.getMessage());
        }
        RebondConfig.Mailbox mailbox = loaded.mailbox();
        ImapConnector connector;
        try {
            connector = new ImapConnector(mailbox, App.passwordOf(mailbox));
        } catch (MailboxException e) {
            out.println("FAIL " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (Store store = connector.connect()) {
            String transport = switch (mailbox.security()) {
                case TLS -> "implicit TLS, certificate and host name verified";
                case STARTTLS -> "STARTTLS required, certificate and host name verified";
                case NONE -> "no encryption (allowed on loopback only)";
            };
            out.println("ok   connected to " + mailbox.host() + ":" + mailbox.port() + " as " + mailbox.username() + " — " + transport);
            IMAPStore imap = (IMAPStore) store;
            List<String> have = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String cap : CAPABILITIES) {
                (imap.hasCapability(cap) ? have : missing).add(cap);
            }
            out.println("ok   server capabilities: " + String.join(" ", have) + (missing.isEmpty() ? "" : " (missing: " + String.join(" ", missing) + ")"));
            if (missing.contains("IDLE")) {
                out.println("note no IDLE: rebond will poll every " + mailbox.pollInterval().toSeconds() + " s (mailbox.poll_interval)");
            }
            Folder inbox = store.getFolder(mailbox.inbox());
            if (inbox.exists()) {
                out.println("ok   inbox " + inbox.getFullName());
            } else {
                problems.add("no folder " + mailbox.inbox());
                out.println("FAIL no folder named " + mailbox.inbox() + " — fix mailbox.inbox");
            }
            report(out, problems, store, FolderFinder.Role.DRAFTS, mailbox.drafts(), "mailbox.drafts",
                    mailbox.createDrafts() ? "it will be created at the first draft (create_drafts: true)" : null);
            report(out, problems, store, FolderFinder.Role.SENT, mailbox.sent(), "mailbox.sent", "your sent mail will not be read");
        } catch (MailboxException e) {
            out.println("FAIL " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } catch (MessagingException e) {
            out.println("FAIL " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        if (problems.isEmpty()) {
            out.println("All good: rebond can run with this configuration.");
            return ExitCodes.OK;
        }
        out.println(problems.size() + " problem(s) to fix; see the FAIL lines above.");
        return ExitCodes.CONFIG;
    }

    private static void report(PrintWriter out, List<String> problems, Store store, FolderFinder.Role role, String configured, String key,
                               String whenMissing) throws MessagingException {
        var found = FolderFinder.find(store, role, configured);
        String label = role.name().toLowerCase(java.util.Locale.ROOT);
        if (found.isPresent()) {
            out.println("ok   " + label + " folder " + found.get().name() + " (" + found.get().how() + ")");
        } else if (role == FolderFinder.Role.DRAFTS && whenMissing == null) {
            problems.add("no drafts folder");
            out.println("FAIL no drafts folder found — set " + key + " to your drafts folder's name, or create_drafts: true");
        } else {
            out.println("note no " + label + " folder found" + (whenMissing == null ? "" : ": " + whenMissing) + " — set " + key + " if you have one");
        }
    }
}
