package org.rebond.mail;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.rebond.application.InterviewService;
import org.rebond.application.InvitationTriage;
import org.rebond.application.MessageArrivals;
import org.rebond.calendar.CalendarLimits;
import org.rebond.calendar.IcalCalendarReader;
import org.rebond.config.RebondConfig;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.SqlFolderCursors;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;
import org.rebond.store.SqlUidValidityChanges;

/**
 * What the tests of the watcher's parts start from: Camille's mailbox on an in-process GreenMail
 * (IMAP, with IDLE; no CONDSTORE), and rebond's intake, history and cursors on a database of their
 * own, on a fixed clock. Closes all of it, the connections it opened included.
 */
final class MailTestKit implements AutoCloseable {

    static final String USER = "camille@example.org";
    static final String LOGIN = "camille";
    static final String PASSWORD = "secret-pw";
    static final String STRANGER = "nina@news.example";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-07T09:00:00Z"), ZoneOffset.UTC);

    final GreenMail greenMail;
    final GreenMailUser mailUser;
    final Database db;
    final SqlFolderCursors cursors;
    final SqlMessageHistory history;
    final SqlInterviewStore store;
    final SqlUidValidityChanges validityChanges;
    final MessageIntake intake;
    final ImapBatchReader reader = new ImapBatchReader(MessageIntake.HEADERS);
    private final QuartzActionScheduler scheduler;
    private final List<Store> connections = new ArrayList<>();
    private final Session mimeSession = Session.getInstance(new Properties());
    private int written;

    MailTestKit(Path dir) {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        mailUser = greenMail.setUser(USER, LOGIN, PASSWORD);
        db = Database.open(dir.resolve("rebond.db"));
        cursors = new SqlFolderCursors(db, CLOCK);
        history = new SqlMessageHistory(db, Set.of(USER));
        store = new SqlInterviewStore(db, CLOCK);
        validityChanges = new SqlUidValidityChanges(db, CLOCK);
        // Never started: nothing fires.
        scheduler = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }), CLOCK, CLOCK, 1);
        InterviewDetector detector = new InterviewDetector(DetectionRules.defaults(), Set.of(USER), store::isSuggestedContact);
        InterviewService interviews = new InterviewService(store, scheduler, detector, history, new Planner(Policy.defaults()),
                ZoneId.of("Europe/Paris"), CLOCK);
        RebondConfig.Profile profile = new RebondConfig.Profile("Camille Martin", List.of(USER), Locale.ENGLISH, ZoneId.of("Europe/Paris"),
                "move into product management", "six years of hospital projects", List.of(), "Camille");
        SqlQuarantine quarantine = new SqlQuarantine(db, CLOCK);
        intake = new MessageIntake(profile, CalendarLimits.defaults(), new MessageArrivals(interviews, store, history, quarantine, db,
                new InvitationTriage(new IcalCalendarReader(CalendarLimits.defaults()), detector), new NotesParser(), Locale.ENGLISH,
                MessageArrivals.Listener.NONE),
                store, new SqlOutbox(db), quarantine);
    }

    /** The mailbox as rebond is configured for it: IDLE, a poll each minute where IDLE is missing, 10 s timeouts. */
    RebondConfig.Mailbox mailbox() {
        return mailbox(true, Duration.ofMinutes(1), Duration.ofSeconds(10));
    }

    RebondConfig.Mailbox mailbox(boolean idle, Duration pollInterval, Duration readTimeout) {
        return mailbox(idle, pollInterval, readTimeout, null, "none");
    }

    RebondConfig.Mailbox mailbox(boolean idle, Duration pollInterval, Duration readTimeout, String sent, String archive) {
        return new RebondConfig.Mailbox("127.0.0.1", greenMail.getImap().getPort(), RebondConfig.Security.NONE, true, LOGIN, null, false,
                null, "INBOX", null, sent, archive, false, idle, pollInterval, Duration.ofSeconds(10), readTimeout, Duration.ofSeconds(10));
    }

    ImapConnector connector() {
        return connector(mailbox(), PASSWORD);
    }

    ImapConnector connector(RebondConfig.Mailbox mailbox, String password) {
        return new ImapConnector(mailbox, () -> password);
    }

    /** A connection as rebond makes them ({@link ScanImapStore}), closed with the kit. */
    Store connect() {
        Store connected = connector().connect();
        connections.add(connected);
        return connected;
    }

    /** A folder of a new connection, opened read-only. */
    IMAPFolder open(String folder) throws MessagingException {
        IMAPFolder opened = (IMAPFolder) connect().getFolder(folder);
        opened.open(Folder.READ_ONLY);
        return opened;
    }

    /** Delivers a message from {@code from} to Camille into INBOX. */
    void deliver(String from, String subject, String text) throws Exception {
        mailUser.deliver(message(from, USER, subject, text));
    }

    /** Delivers {@code count} strangers' messages into INBOX. */
    void deliverFromStrangers(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            deliver("Nina Stranger <" + STRANGER + ">", "Digest", "Nothing for you.");
        }
    }

    /** Stores a message into another folder (Sent, an archive), which is made if missing. */
    void put(String folder, String from, String to, String subject, String text) throws Exception {
        folder(folder).store(message(from, to, subject, text));
    }

    /** A folder as GreenMail keeps it, made if missing. */
    MailFolder folder(String name) throws Exception {
        MailFolder found = greenMail.getManagers().getImapHostManager().getFolder(mailUser, name);
        return found != null ? found : greenMail.getManagers().getImapHostManager().createMailbox(mailUser, name);
    }

    long uidValidity(String folder) throws Exception {
        return folder(folder).getUidValidity();
    }

    /** Makes {@code email} a known contact: an interview with them is stored. */
    void makeKnownContact(String email, String name) {
        Instant at = CLOCK.instant().plus(Duration.ofDays(3));
        store.save(new Interview(0, "iv-" + email, "", 0, null, Interview.State.SCHEDULED, at, at.plusSeconds(1800), "Europe/Paris", false,
                "Information interview", "", email, new Interview.Person(email, name), null, "title", "<invite-" + email + ">"));
    }

    int count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private MimeMessage message(String from, String to, String subject, String text) throws Exception {
        int n = ++written;
        MimeMessage m = new MimeMessage(mimeSession);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(MimeMessage.RecipientType.TO, to);
        m.setSubject(subject + " " + n, "UTF-8");
        m.setSentDate(Date.from(CLOCK.instant().minus(Duration.ofDays(10)).plusSeconds(n)));
        m.setText(text, "UTF-8");
        m.saveChanges();
        m.setHeader("Message-ID", "<m" + n + "@kit.example>");
        return m;
    }

    @Override
    public void close() throws Exception {
        for (Store s : connections) {
            s.close();
        }
        scheduler.stop(false);
        db.close();
        greenMail.stop();
    }
}
