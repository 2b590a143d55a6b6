package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;

/**
 * What a scan downloads, over real IMAP (GreenMail) with the protocol trace: the batch FETCH of
 * {@link ImapBatchReader#scan} and nothing more for a stranger's message; text only for
 * the user's newest messages and those involving known contacts; the earlier text of someone who
 * just became a contact filled in afterwards.
 */
class MessageIntakeReadsTest {

    private static final String USER = "camille@example.org";
    private static final String CONTACT = "jeanne.roe@acme-health.example";
    private static final String REFERRER = "paul.intro@example.net";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private GreenMailUser mailUser;
    private Database db;
    private SqlInterviewStore store;
    private SqlMessageHistory history;
    private QuartzActionScheduler scheduler;
    private MessageIntake intake;
    private final ImapBatchReader reader = new ImapBatchReader(MessageIntake.HEADERS);
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();
    private Store imap;
    private IMAPFolder inbox;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        mailUser = greenMail.setUser(USER, "camille", "secret-pw");
        db = Database.open(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, Clock.systemUTC());
        history = new SqlMessageHistory(db, Set.of(USER));
        // Never started: nothing fires.
        scheduler = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }),
                Clock.systemUTC(), Clock.systemUTC(), 1);
        InterviewDetector detector = new InterviewDetector(DetectionRules.defaults(), Set.of(USER), store::isSuggestedContact);
        InterviewService interviews = new InterviewService(store, scheduler, detector, history, new Planner(Policy.defaults()),
                ZoneId.of("Europe/Paris"), Clock.systemUTC());
        RebondConfig.Profile profile = new RebondConfig.Profile("Camille Martin", List.of(USER), Locale.ENGLISH, ZoneId.of("Europe/Paris"),
                "move into product management", "six years of hospital projects", List.of(), "Camille");
        intake = new MessageIntake(profile, CalendarLimits.defaults(), new MessageArrivals(interviews, store, history,
                new SqlQuarantine(db, Clock.systemUTC()), db, new InvitationTriage(new IcalCalendarReader(CalendarLimits.defaults()), detector),
                new NotesParser(), Locale.ENGLISH,
                MessageArrivals.Listener.NONE), store, new SqlOutbox(db), new SqlQuarantine(db, Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        if (imap != null) {
            imap.close();
        }
        scheduler.stop(false);
        db.close();
        greenMail.stop();
    }

    @Test
    void aStrangersMessageIsReadFromTheBatchFetchAlone() throws Exception {
        for (int i = 0; i < 6; i++) {
            deliver(plain("<s" + i + "@news.example>", "Nina Stranger <nina@news.example>", "Weekly digest " + i, "Nothing for you " + i,
                    NOW.minusSeconds(3600 - i)));
            deliver(withAttachment("<a" + i + "@news.example>", "Nina Stranger <nina@news.example>", "Report " + i, "See attached " + i,
                    NOW.minusSeconds(1800 - i)));
        }
        List<ScannedMessage> messages = openAndScan();
        int before = traceText().length();
        takeAll(messages);

        assertThat(fetchCommands(traceText().substring(before)))
                .as("no ENVELOPE, no body part: the batch FETCH had everything").isEmpty();
        List<SqlMessageHistory.SeenMessage> kept = history.with("nina@news.example", 50);
        assertThat(kept).hasSize(12).allSatisfy(m -> {
            assertThat(m.fromName()).isEqualTo("Nina Stranger");
            assertThat(m.recipients()).containsExactly(USER, "lou@example.net");
            assertThat(m.excerpt()).isEmpty();
            assertThat(m.sample()).isEmpty();
        });
        assertThat(kept.get(0).subject()).isEqualTo("Report 5");
        assertThat(kept.get(0).sentAt()).isEqualTo(NOW.minusSeconds(1800 - 5));
    }

    @Test
    void rebondsConnectionsReadTheServersResponsesABlockAtATime() throws Exception {
        deliver(plain("<c1@acme.example>", "Jeanne Roe <" + CONTACT + ">", "Our chat", "Interoperability is the hard part.", NOW.minusSeconds(60)));

        assertThat(openAndScan()).singleElement().satisfies(m -> assertThat(m.header("Subject")).isEqualTo("Our chat"));
        assertThat((Boolean) inbox.doCommand(p -> ((ScanImapStore.RawProtocol) p).readsInBlocks()))
                .as("Angus' reader replaced (a later Angus that renames its fields would turn this off)").isTrue();
    }

    @Test
    void theUsersMessagesAndAKnownContactsKeepTheirTextAStrangersDoNot() throws Exception {
        makeJeanneAKnownContact();
        deliver(plain("<c1@acme.example>", "Jeanne Roe <" + CONTACT + ">", "Our chat", "Interoperability is the hard part.", NOW.minusSeconds(60)));
        deliver(plain("<u1@example.org>", "Camille Martin <" + USER + ">", "Hello Lou", "I would love to hear about your work.", NOW.minusSeconds(50)));
        deliver(plain("<s1@news.example>", "Nina Stranger <nina@news.example>", "Digest", "Nothing for you.", NOW.minusSeconds(40)));
        takeAll(openAndScan());

        assertThat(history.with(CONTACT, 5)).singleElement().satisfies(m -> assertThat(m.excerpt()).contains("Interoperability"));
        assertThat(history.with(USER, 5)).filteredOn(m -> m.fromEmail().equals(USER)).singleElement()
                .satisfies(m -> assertThat(m.sample()).contains("hear about your work"));
        assertThat(history.with("nina@news.example", 5)).singleElement().satisfies(m -> assertThat(m.sample()).isEmpty());
    }

    @Test
    void onlyAFoldersNewestMessagesKeepTheirTextAsTheyAreReadEvenWithAKnownContact() throws Exception {
        makeJeanneAKnownContact();
        deliver(plain("<u1@example.org>", "Camille Martin <" + USER + ">", "Old note to Lou", "An old note to a stranger.", NOW.minusSeconds(90)));
        deliver(plain("<u2@example.org>", "Camille Martin <" + USER + ">", "Old note to Jeanne", "An old note to a contact.", NOW.minusSeconds(80),
                CONTACT));
        deliver(plain("<u3@example.org>", "Camille Martin <" + USER + ">", "New note to Lou", "A recent note to a stranger.", NOW.minusSeconds(70)));
        List<ScannedMessage> messages = openAndScan();
        long floor = messages.get(2).uid(); // as if this were the first of the folder's newest MessageIntake.OWN_TEXTS
        // (the watcher fills in the text of the latest messages with each contact after such a read: LongScanIT)
        BatchDispatch.take(intake, FolderScan.fetchBatch(reader, intake, inbox, intake.startBatch("INBOX", inbox.getUIDValidity(), floor),
                messages, Map.of()));
        intake.flush();

        assertThat(history.with(USER, 10)).extracting(SqlMessageHistory.SeenMessage::subject, SqlMessageHistory.SeenMessage::sample)
                .containsExactlyInAnyOrder(tuple("Old note to Lou", ""), tuple("Old note to Jeanne", ""),
                        tuple("New note to Lou", "A recent note to a stranger."));
    }

    @Test
    void anInvitationMakesItsSenderKnownAndTheirEarlierTextIsFilledIn() throws Exception {
        deliver(plain("<intro@example.net>", "Paul Intro <" + REFERRER + ">", "Introduction: Camille / Jeanne",
                "Camille, meet Jeanne, who runs product at Acme Health.", NOW.minus(5, ChronoUnit.DAYS), CONTACT));
        deliver(plain("<j1@acme.example>", "Jeanne Roe <" + CONTACT + ">", "Re: Introduction", "Happy to talk about clinical workflows.",
                NOW.minus(4, ChronoUnit.DAYS)));
        deliver(invitation(NOW.plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES)));
        takeAll(openAndScan());

        assertThat(store.all()).singleElement().satisfies(i -> {
            assertThat(i.contact().email()).isEqualTo(CONTACT);
            assertThat(i.referrer()).as("the introduction, taken in the same batch, was in the history in time").isNotNull();
            assertThat(i.referrer().email()).isEqualTo(REFERRER);
        });
        assertThat(intake.newlyKnownContacts()).containsExactly(CONTACT, REFERRER);
        List<SqlMessageHistory.Textless> textless = history.withoutText(CONTACT, 50);
        assertThat(textless).as("the introduction, the reply, the invitation (calendar only)").hasSize(3);
        int before = traceText().length();
        TextBackfill.fillText(reader, intake, history, inbox, textless, TextBackfill.TEXTS_AT_ONCE);
        assertThat(fetchCommands(traceText().substring(before)))
                .as("one FETCH for the structures, one for the text parts (all in section TEXT)").hasSize(2);
        assertThat(history.with(CONTACT, 50)).extracting(SqlMessageHistory.SeenMessage::sample)
                .anySatisfy(s -> assertThat(s).contains("clinical workflows"))
                .anySatisfy(s -> assertThat(s).contains("runs product at Acme Health"));
        assertThat(intake.newlyKnownContacts()).as("each contact is named once").isEmpty();
    }

    private List<ScannedMessage> openAndScan() throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.peek", "true");
        props.setProperty("mail.debug", "true");
        Session session = Session.getInstance(props);
        session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
        imap = session.getStore(ScanImapStore.provider("imap"));
        imap.connect("127.0.0.1", greenMail.getImap().getPort(), "camille", "secret-pw");
        inbox = (IMAPFolder) imap.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        long[] uids = FolderScan.uidsAfter(inbox, 0);
        return reader.scan(inbox, uids, 0, uids.length);
    }

    private void takeAll(List<ScannedMessage> messages) throws Exception {
        FolderScan.readBatch(reader, intake, inbox, inbox.getUIDValidity(), messages);
        intake.flush();
    }

    /** An interview with Jeanne is stored: she is a known contact. */
    private void makeJeanneAKnownContact() {
        store.save(new Interview(0, "iv-1@acme.example", "", 0, null, Interview.State.SCHEDULED,
                NOW.plus(3, ChronoUnit.DAYS), NOW.plus(3, ChronoUnit.DAYS).plusSeconds(1800), "Europe/Paris", false, "Information interview",
                "", CONTACT, new Interview.Person(CONTACT, "Jeanne Roe"), null, "title", "<invite-1@acme.example>"));
    }

    /** The protocol trace so far, as text (its length in chars, not in bytes, marks a point in it). */
    private String traceText() {
        return trace.toString(StandardCharsets.UTF_8);
    }

    /** Client FETCH commands in a protocol trace ("A12 FETCH …", "A12 UID FETCH …"). */
    private static List<String> fetchCommands(String trace) {
        return trace.lines().filter(l -> l.matches("^[A-Z]+\\d+ (UID )?FETCH .*")).toList();
    }

    private void deliver(MimeMessage message) {
        mailUser.deliver(message);
    }

    private MimeMessage plain(String id, String from, String subject, String body, Instant at) throws Exception {
        return plain(id, from, subject, body, at, "lou@example.net");
    }

    private MimeMessage plain(String id, String from, String subject, String body, Instant at, String cc) throws Exception {
        MimeMessage m = base(id, from, subject, at, cc);
        m.setText(body, "UTF-8");
        m.saveChanges();
        m.setHeader("Message-ID", id);
        return m;
    }

    private MimeMessage withAttachment(String id, String from, String subject, String body, Instant at) throws Exception {
        MimeMessage m = base(id, from, subject, at, "lou@example.net");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(new byte[200_000], "application/octet-stream");
        file.setFileName("report.pdf");
        m.setContent(new MimeMultipart(text, file));
        m.saveChanges();
        m.setHeader("Message-ID", id);
        return m;
    }

    private MimeMessage base(String id, String from, String subject, Instant at, String cc) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, USER);
        if (cc != null) {
            m.setRecipients(Message.RecipientType.CC, cc);
        }
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(at));
        return m;
    }

    private MimeMessage invitation(Instant start) throws Exception {
        DateTimeFormatter ics = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "METHOD:REQUEST", "BEGIN:VEVENT",
                "UID:iv-1@acme-health.example", "SEQUENCE:0", "DTSTAMP:" + ics.format(NOW), "DTSTART:" + ics.format(start),
                "DTEND:" + ics.format(start.plusSeconds(1800)), "SUMMARY:Information interview Camille / Jeanne",
                "ORGANIZER;CN=Jeanne Roe:mailto:" + CONTACT, "ATTENDEE;CN=Camille Martin:mailto:" + USER, "END:VEVENT", "END:VCALENDAR", "");
        MimeMessage m = base("<invite-1@acme-health.example>", "Jeanne Roe <" + CONTACT + ">", "Invitation: Information interview", NOW, null);
        m.setContent(calendar, "text/calendar; charset=UTF-8; method=REQUEST");
        m.saveChanges();
        m.setHeader("Message-ID", "<invite-1@acme-health.example>");
        return m;
    }
}
