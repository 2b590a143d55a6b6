package org.rebond.realserver;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.rebond.App;
import org.rebond.SteppedClock;
import org.rebond.TestMailbox;
import org.rebond.application.MessageArrivals;
import org.rebond.application.Outbox;
import org.rebond.cli.Main;
import org.rebond.config.ConfigLoader;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.slf4j.LoggerFactory;

/**
 * rebond's real daemon against a real Dovecot: the configuration written for it, a clock the test
 * steps, messages delivered as a mail server would, the mailbox read back as a mail client would,
 * and the daemon's log lines captured.
 */
final class RebondOnDovecot implements AutoCloseable {

    static final String USER = "camille@example.org";
    static final String CONTACT = "jeanne.roe@acme-health.example";
    static final Duration BOUND = Duration.ofSeconds(30);
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final DovecotServer dovecot;
    final Path dir;
    final SteppedClock clock = new SteppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Session session = Session.getInstance(new Properties());
    App app;
    Path config;

    RebondOnDovecot(DovecotServer dovecot, Path dir) {
        this.dovecot = dovecot;
        this.dir = dir;
        logs.start();
        ((Logger) LoggerFactory.getLogger("org.rebond")).addAppender(logs);
    }

    /** Writes the configuration: plaintext on loopback, short timeouts, {@code mailboxExtra} lines added to the mailbox section. */
    Path writeConfig(String mailboxExtra) throws IOException {
        return writeConfig(dovecot.port(), mailboxExtra);
    }

    Path writeConfig(int port, String mailboxExtra) throws IOException {
        Path password = dir.resolve("pw");
        Files.writeString(password, dovecot.password() + "\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        boolean tls = dovecot.options().tls();
        String extra = mailboxExtra == null ? "" : mailboxExtra.indent(2);
        String yaml = TestMailbox.configYaml(USER, port, tls, dovecot.user(), extra + defaults(extra));
        config = dir.resolve("rebond.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    private static String defaults(String extra) {
        StringBuilder b = new StringBuilder();
        for (String[] kv : new String[][] {{"connect_timeout", "5s"}, {"read_timeout", "10s"}, {"write_timeout", "10s"}, {"poll_interval", "2s"}}) {
            if (!extra.contains(kv[0] + ":")) {
                b.append("  ").append(kv[0]).append(": ").append(kv[1]).append('\n');
            }
        }
        if (!extra.contains("password_") && !extra.contains("oauth2_token_command")) {
            b.append("  password_file: pw\n");
        }
        return b.toString();
    }

    /** Reads one number from the daemon's database (a second, read-only look). */
    long sql(String query, Object... params) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rebond.db"));
             var ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    App start() {
        var loaded = new ConfigLoader().load(config);
        App.Options options = new App.Options(clock, Clock.systemUTC(), UnaryOperator.identity(), (id, action, result) -> { },
                MessageArrivals.Listener.NONE, Duration.ofMinutes(1), App.QUARTZ);
        app = App.start(loaded, options);
        return app;
    }

    void stepTo(Instant instant) {
        clock.set(instant);
        app.clockChanged();
    }

    /** Runs a rebond command in-process ({@code status}, {@code doctor}) with this configuration; returns exit code and output. */
    String[] cli(String command) {
        StringWriter out = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(out, true)) {
            code = Main.execute(new String[] {command, "--config", config.toString()}, o, e, Clock.systemUTC());
        }
        return new String[] {Integer.toString(code), out.toString()};
    }

    // ---- messages -------------------------------------------------------------------------

    void deliver(String folder, MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        dovecot.deliver(dovecot.user(), folder, out.toByteArray());
    }

    MimeMessage invitation(String uid, int sequence, Instant start, String summary) throws MessagingException {
        Instant stamp = clock.instant();
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\n"
                + "SEQUENCE:" + sequence + "\r\nDTSTAMP:" + ICS.format(stamp) + "\r\nDTSTART:" + ICS.format(start) + "\r\nDTEND:"
                + ICS.format(start.plus(Duration.ofMinutes(30))) + "\r\nSUMMARY:" + summary + "\r\nORGANIZER;CN=Jeanne Roe:mailto:" + CONTACT
                + "\r\nATTENDEE;CN=Camille Martin;PARTSTAT=NEEDS-ACTION:mailto:" + USER + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        MimeMessage m = withId("<invite-" + uid + "-" + sequence + "@acme-health.example>");
        m.setFrom(new InternetAddress(CONTACT, false));
        m.setRecipients(Message.RecipientType.TO, USER);
        m.setSubject("Invitation: " + summary);
        m.setSentDate(Date.from(stamp));
        m.setContent(ics, "text/calendar; charset=UTF-8; method=REQUEST");
        m.saveChanges();
        return m;
    }

    MimeMessage plain(String messageId, String from, String to, String subject, String body) throws MessagingException {
        MimeMessage m = withId(messageId);
        m.setFrom(new InternetAddress(from, false));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        m.setText(body, "UTF-8");
        m.saveChanges();
        return m;
    }

    private MimeMessage withId(String id) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
    }

    // ---- reading back ---------------------------------------------------------------------

    /**
     * A message as a mail client sees it: subject, rebond's mark (its token header in INBOX, its
     * Message-ID for a draft, which carries no header of rebond's), whether it is a draft, whether it was read.
     */
    record Seen(String subject, String token, boolean draft, boolean seen) {}

    List<Seen> folder(String name) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true");
        p.setProperty("mail.imap.timeout", "10000");
        Store store = Session.getInstance(p).getStore("imap");
        if (dovecot.options().tls()) {
            throw new IllegalStateException("reading back is for the plaintext variant");
        }
        store.connect(dovecot.host(), dovecot.port(), dovecot.user(), dovecot.password());
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<Seen> out = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                String[] token = m.getHeader("X-Rebond-Token");
                String[] id = m.getHeader("Message-ID");
                String mark = token != null ? token[0] : id != null && id[0].startsWith("<rebond.") ? id[0] : null;
                out.add(new Seen(m.getSubject(), mark, m.isSet(Flags.Flag.DRAFT), m.isSet(Flags.Flag.SEEN)));
            }
            folder.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    List<Seen> rebondMessages(String folder) throws MessagingException {
        return folder(folder).stream().filter(s -> s.token() != null).toList();
    }

    boolean folderExists(String name) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(dovecot.host(), dovecot.port(), dovecot.user(), dovecot.password());
        try {
            return store.getFolder(name).exists();
        } finally {
            store.close();
        }
    }

    // ---- waiting --------------------------------------------------------------------------

    Interview awaitInterviews(int count) {
        await().atMost(BOUND).until(() -> app.store().all().size() >= count);
        return app.store().all().get(0);
    }

    void awaitDone(long id, Action action) {
        await().atMost(BOUND).until(() -> app.outbox().find(id, action).map(e -> e.state() == Outbox.State.DONE).orElse(false));
    }

    /** The formatted log lines at WARN or above so far. */
    List<String> warnings() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    List<String> logLines() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<ILoggingEvent> events() {
        synchronized (logs) { // the appender appends under this lock
            return new ArrayList<>(logs.list);
        }
    }

    @Override
    public void close() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            ((Logger) LoggerFactory.getLogger("org.rebond")).detachAppender(logs);
            dovecot.stop();
        }
    }
}
