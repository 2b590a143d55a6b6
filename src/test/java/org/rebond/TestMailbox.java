package org.rebond;

import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.LongStream;
import org.rebond.mail.FlowedReader;

/**
 * A GreenMail IMAP server for one test, the user's config pointing at it, and a plain IMAP reader
 * to look at the mailbox as a mail client would.
 */
public final class TestMailbox implements AutoCloseable {

    static final String USER = "camille@example.org";
    static final String CONTACT = "jeanne.roe@acme-health.example";
    static final String REFERRER = "paul.intro@example.net";

    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final RestartableGreenMail greenMail;
    final GreenMailUser user;
    private final Session session = Session.getInstance(new Properties());

    TestMailbox(boolean withDrafts) {
        this(withDrafts, ServerSetupTest.IMAP.dynamicPort());
    }

    private TestMailbox(boolean withDrafts, ServerSetup setup) {
        greenMail = new RestartableGreenMail(setup);
        greenMail.start();
        user = greenMail.setUser(USER, "camille", "secret-pw");
        if (withDrafts) {
            try {
                greenMail.getManagers().getImapHostManager().createMailbox(user, "Drafts");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    /**
     * The IMAP server goes away: every open connection is dropped and new ones are refused until
     * {@link #startImap()}; the mailbox keeps its messages, and {@link #deliver} still works (mail
     * arriving while the server is unreachable to clients).
     */
    void stopImap() {
        greenMail.getImap().stopService();
    }

    /** The IMAP server comes back on the same port, with the same mailboxes. */
    void startImap() {
        greenMail.restartImap();
    }

    /** A GreenMail whose IMAP service can be stopped and started again (its own stop() would drop every mailbox). */
    static final class RestartableGreenMail extends GreenMail {

        RestartableGreenMail(ServerSetup setup) {
            super(setup);
        }

        synchronized void restartImap() {
            ImapServer stopped = getImap();
            if (stopped.isRunning()) {
                return;
            }
            // The stopped server's setup holds the port it was bound to (a dynamic port resolved).
            ImapServer imap = new ImapServer(stopped.getServerSetup(), getManagers());
            imap.startService();
            try {
                if (!imap.waitTillRunning(stopped.getServerSetup().getServerStartupTimeout())) {
                    throw new IllegalStateException("GreenMail's IMAP service did not start again on port " + stopped.getPort());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            services.put(stopped.getServerSetup().getProtocol(), imap);
        }
    }

    /** Writes a config for this mailbox (default schedule unless given) and its 0600 password file. */
    Path writeConfig(Path dir, String schedule) throws IOException {
        return writeConfig(dir, schedule, "60s");
    }

    Path writeConfig(Path dir, String schedule, String readTimeout) throws IOException {
        Path password = dir.resolve("pw");
        Files.writeString(password, "secret-pw\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String yaml = configYaml(USER, port(), false, "camille",
                "  password_file: pw\n  poll_interval: 2s\n  read_timeout: " + readTimeout + "\n")
                + (schedule == null ? "" : schedule + "\n");
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /**
     * The test user's profile, a loopback mailbox and the database, as YAML; {@code mailboxLines}
     * are more {@code mailbox:} keys, indented by two spaces, each ending with a newline.
     */
    public static String configYaml(String address, int port, boolean tls, String username, String mailboxLines) {
        return """
                profile:
                  name: Camille Martin
                  addresses: [%s]
                  language: en
                  time_zone: Europe/Paris
                  objective: "move into product management in digital health"
                  pitch: "Six years of hospital projects."
                mailbox:
                  host: 127.0.0.1
                  port: %d
                  security: %s
                  allow_plaintext_on_loopback: %s
                  username: %s
                %sstorage:
                  database: rebond.db
                """.formatted(address, port, tls ? "tls" : "none", !tls, username, mailboxLines);
    }

    /** Appends over IMAP from another connection, as a mail client (or rebond's drop) does. */
    void append(String folderName, MimeMessage message) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port(), "camille", "secret-pw");
        try {
            store.getFolder(folderName).appendMessages(new Message[] {message});
        } finally {
            store.close();
        }
    }

    void deliver(MimeMessage message) {
        user.deliver(message);
    }

    /** The UID the last message in INBOX (delivered, or appended by rebond) got. */
    long lastInboxUid() {
        try {
            return LongStream.of(greenMail.getManagers().getImapHostManager().getInbox(user).getMessageUids()).max().orElse(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    MimeMessage plain(String id, String from, String to, String cc, String subject, String body, Instant at) throws MessagingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        if (cc != null) {
            m.setRecipients(Message.RecipientType.CC, cc);
        }
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(at));
        m.setText(body, "UTF-8");
        m.saveChanges();
        return m;
    }

    MimeMessage invitation(String uid, int sequence, String method, Instant stamp, Instant start, Instant end, String summary) throws MessagingException {
        return invitation(uid, sequence, method, stamp, start, end, summary, "<invite-" + uid + "-" + sequence + "@acme-health.example>");
    }

    /** An invitation with its own Message-ID (a resend of the same SEQUENCE is another message). */
    MimeMessage invitation(String uid, int sequence, String method, Instant stamp, Instant start, Instant end, String summary,
                           String messageId) throws MessagingException {
        return invitationFrom("Jeanne Roe", CONTACT, uid, sequence, method, stamp, start, end, summary, messageId);
    }

    /** An invitation organized, and sent, by someone else than Jeanne. */
    MimeMessage invitationFrom(String organizerName, String organizer, String uid, Instant stamp, Instant start, Instant end, String summary)
            throws MessagingException {
        return invitationFrom(organizerName, organizer, uid, 0, "REQUEST", stamp, start, end, summary, "<invite-" + uid + "-0@example.net>");
    }

    private MimeMessage invitationFrom(String organizerName, String organizer, String uid, int sequence, String method, Instant stamp,
                                       Instant start, Instant end, String summary, String messageId) throws MessagingException {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:" + method + "\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\n"
                + "SEQUENCE:" + sequence + "\r\nDTSTAMP:" + ICS.format(stamp) + "\r\nDTSTART:" + ICS.format(start) + "\r\nDTEND:" + ICS.format(end) + "\r\n"
                + "SUMMARY:" + summary + "\r\nORGANIZER;CN=" + organizerName + ":mailto:" + organizer + "\r\n"
                + "ATTENDEE;CN=Camille Martin;PARTSTAT=NEEDS-ACTION:mailto:" + USER + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(organizer, false));
        m.setRecipients(Message.RecipientType.TO, USER);
        m.setSubject("Invitation: " + summary);
        m.setSentDate(Date.from(stamp));
        m.setContent(ics, "text/calendar; charset=UTF-8; method=" + method);
        m.saveChanges();
        return m;
    }

    /**
     * What a mail client sees in a folder; {@code text} is the text part as a client that
     * understands format=flowed shows it (soft breaks joined), {@code raw} the message as stored,
     * {@code token} rebond's X-Rebond-Token header (its messages in INBOX carry one, its drafts none).
     */
    record Seen(String subject, String from, String to, String token, String inReplyTo, boolean draft, boolean seen, String raw,
                String text, String calendar, String messageId) {
        /** Whether rebond wrote it: its token in INBOX, its Message-ID for a draft. */
        boolean byRebond() {
            return token != null || (messageId != null && messageId.startsWith("<rebond."));
        }
    }

    List<Seen> folder(String name) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", port(), "camille", "secret-pw");
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<Seen> out = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                out.add(new Seen(m.getSubject(), first(m, "From"), first(m, "To"), first(m, "X-Rebond-Token"), first(m, "In-Reply-To"),
                        m.isSet(Flags.Flag.DRAFT), m.isSet(Flags.Flag.SEEN), raw.toString(StandardCharsets.UTF_8),
                        part(m, "text/plain"), part(m, "text/calendar"), first(m, "Message-ID")));
            }
            folder.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    /** One message's rebond token (null for the user's own and for drafts), Message-ID and flags, as a mail client lists them. */
    record Listed(String token, String messageId, boolean seen, boolean draft) {
        /** Whether rebond wrote it: its token in INBOX, its Message-ID for a draft. */
        boolean byRebond() {
            return token != null || (messageId != null && messageId.startsWith("<rebond."));
        }
    }

    /** The folder's messages by their token header and flags only, without their contents: quick enough to call after each step. */
    Map<String, List<Listed>> listing(String... names) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", port(), "camille", "secret-pw");
        try {
            Map<String, List<Listed>> all = new HashMap<>();
            for (String name : names) {
                all.put(name, listing(store.getFolder(name)));
            }
            return all;
        } finally {
            store.close();
        }
    }

    private static List<Listed> listing(Folder folder) throws MessagingException {
        if (!folder.exists()) {
            return List.of();
        }
        folder.open(Folder.READ_ONLY);
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add("X-Rebond-Token");
        profile.add("Message-ID");
        folder.fetch(messages, profile);
        List<Listed> out = new ArrayList<>();
        for (Message m : messages) {
            out.add(new Listed(first(m, "X-Rebond-Token"), first(m, "Message-ID"), m.isSet(Flags.Flag.SEEN), m.isSet(Flags.Flag.DRAFT)));
        }
        folder.close(false);
        return out;
    }

    List<Seen> rebondMessages(String folder) throws Exception {
        return folder(folder).stream().filter(Seen::byRebond).toList();
    }

    /** The decoded content of the first part of this type (a flowed text part un-flowed), or null. */
    private static String part(Part p, String type) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String found = part(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!p.isMimeType(type)) {
            return null;
        }
        if (FlowedReader.isFlowed(p)) {
            return FlowedReader.textOf(p);
        }
        Object content = p.getContent();
        return content instanceof String str ? str : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String first(Message m, String header) throws MessagingException {
        String[] v = m.getHeader(header);
        return v == null ? null : v[0];
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
