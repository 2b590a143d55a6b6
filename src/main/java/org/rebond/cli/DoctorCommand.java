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
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.App;
import org.rebond.StateDatabase;
import org.rebond.config.RebondConfig;
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
@Command(name = "doctor", mixinStandardHelpOptions = true,
        header = "Checks the configuration, the password, mailbox and calendars.",
        description = {"Checks everything rebond needs: the configuration, the password source, the connection and its "
                + "encryption, the server's capabilities, the INBOX, Drafts and Sent folders, and the database. Each "
                + "problem comes with what to do. Reads only: it changes nothing in the mailbox."})
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
        PrintWriter out = spec.commandLine().getOut();
        RebondConfig loaded = config.load();
        boolean fr = loaded.profile().language().getLanguage().equals("fr");
        out.println("ok   configuration " + config + " (" + loaded.profile().name() + ", " + loaded.profile().primaryAddress() + ")");
        List<String> problems = new ArrayList<>();
        try (Database db = StateDatabase.open(loaded.storage())) {
            out.println("ok   " + (fr ? "base de données " : "database ") + StateDatabase.where(loaded.storage()) + " (schema " + db.version() + ")");
            var reported = new SqlMailboxState(db, clock)
                    .get(loaded.mailbox().account());
            if (reported.isPresent() && reported.get().kind() != SqlMailboxState.Kind.CONNECTED) {
                var m = reported.get();
                boolean refused = m.kind() == SqlMailboxState.Kind.LOGIN_REFUSED;
                out.println(fr
                        ? "note le rebond en marche signale " + (refused ? "sa connexion REFUSÉE" : "la boîte aux lettres injoignable") + " depuis "
                                + m.problemSince() + " (" + m.failures() + " tentative(s)) : " + m.problem() + " ; prochain essai " + m.nextAttempt()
                        : "note the running rebond reports " + (refused ? "its login REFUSED" : "the mailbox unreachable") + " since "
                                + m.problemSince() + " (" + m.failures() + " attempt(s)): " + m.problem() + "; next attempt " + m.nextAttempt());
            }
            DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm",
                    loaded.profile().language()).withZone(loaded.profile().timeZone());
            for (var paused : new SqlUidValidityChanges(db, clock).pauses()) {
                problems.add("folder " + paused.folder() + " paused");
                out.println("FAIL " + StatusCommand.pausedFolderLine(paused, when, fr));
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            out.println("FAIL " + (fr ? "base de données : " : "database: ") + e.getMessage());
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
                case TLS -> fr ? "TLS implicite, certificat et nom d'hôte vérifiés" : "implicit TLS, certificate and host name verified";
                case STARTTLS -> fr ? "STARTTLS exigé, certificat et nom d'hôte vérifiés" : "STARTTLS required, certificate and host name verified";
                case NONE -> fr ? "sans chiffrement (permis en local seulement)" : "no encryption (allowed on loopback only)";
            };
            out.println("ok   " + (fr ? "connecté à " : "connected to ") + mailbox.host() + ":" + mailbox.port() + (fr ? " en tant que " : " as ")
                    + mailbox.username() + " — " + transport);
            IMAPStore imap = (IMAPStore) store;
            List<String> have = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String cap : CAPABILITIES) {
                (imap.hasCapability(cap) ? have : missing).add(cap);
            }
            out.println("ok   " + (fr ? "capacités du serveur : " : "server capabilities: ") + String.join(" ", have)
                    + (missing.isEmpty() ? "" : (fr ? " (absentes : " : " (missing: ") + String.join(" ", missing) + ")"));
            if (missing.contains("IDLE")) {
                out.println(fr ? "note pas d'IDLE : rebond interrogera le serveur toutes les " + mailbox.pollInterval().toSeconds() + " s (mailbox.poll_interval)"
                        : "note no IDLE: rebond will poll every " + mailbox.pollInterval().toSeconds() + " s (mailbox.poll_interval)");
            }
            Folder inbox = store.getFolder(mailbox.inbox());
            if (inbox.exists()) {
                out.println("ok   " + (fr ? "boîte de réception " : "inbox ") + inbox.getFullName());
            } else {
                problems.add("no folder " + mailbox.inbox());
                out.println(fr ? "FAIL aucun dossier nommé " + mailbox.inbox() + " — corrigez mailbox.inbox"
                        : "FAIL no folder named " + mailbox.inbox() + " — fix mailbox.inbox");
            }
            report(out, problems, store, FolderFinder.Role.DRAFTS, mailbox.drafts(), "mailbox.drafts", !mailbox.createDrafts() ? null
                    : fr ? "il sera créé au premier brouillon (create_drafts: true)" : "it will be created at the first draft (create_drafts: true)", fr);
            report(out, problems, store, FolderFinder.Role.SENT, mailbox.sent(), "mailbox.sent",
                    fr ? "vos messages envoyés ne seront pas lus" : "your sent mail will not be read", fr);
        } catch (MailboxException e) {
            out.println("FAIL " + e.getMessage());
            // A refused login is the user's to fix (user name, password source), like any other secret problem.
            return e.authentication() ? ExitCodes.CONFIG : ExitCodes.UNAVAILABLE;
        } catch (MessagingException e) {
            out.println("FAIL " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        if (problems.isEmpty()) {
            out.println(fr ? "Tout est en ordre : rebond peut fonctionner avec cette configuration."
                    : "All good: rebond can run with this configuration.");
            return ExitCodes.OK;
        }
        out.println(fr ? problems.size() + " problème(s) à corriger ; voyez les lignes FAIL ci-dessus."
                : problems.size() + " problem(s) to fix; see the FAIL lines above.");
        return ExitCodes.CONFIG;
    }

    private static void report(PrintWriter out, List<String> problems, Store store, FolderFinder.Role role, String configured, String key,
                               String whenMissing, boolean fr) throws MessagingException {
        var found = FolderFinder.find(store, role, configured);
        String label = role.name().toLowerCase(Locale.ROOT);
        String frLabel = role == FolderFinder.Role.DRAFTS ? "des brouillons" : role == FolderFinder.Role.SENT ? "des messages envoyés" : "d'archive";
        if (found.isPresent()) {
            String how = !fr ? found.get().how() : switch (found.get().how()) {
                case "configured" -> "configuré";
                case "well-known name" -> "nom usuel";
                default -> found.get().how(); // SPECIAL-USE \Drafts …
            };
            out.println("ok   " + (fr ? "dossier " + frLabel + " " : label + " folder ") + found.get().name() + " (" + how + ")");
        } else if (role == FolderFinder.Role.DRAFTS && whenMissing == null) {
            problems.add("no drafts folder");
            out.println(fr ? "FAIL aucun dossier des brouillons trouvé — indiquez son nom dans " + key + ", ou create_drafts: true"
                    : "FAIL no drafts folder found — set " + key + " to your drafts folder's name, or create_drafts: true");
        } else {
            out.println(fr ? "note aucun dossier " + frLabel + " trouvé" + (whenMissing == null ? "" : " : " + whenMissing) + " — indiquez-le dans " + key
                    + " si vous en avez un"
                    : "note no " + label + " folder found" + (whenMissing == null ? "" : ": " + whenMissing) + " — set " + key + " if you have one");
        }
    }
}
