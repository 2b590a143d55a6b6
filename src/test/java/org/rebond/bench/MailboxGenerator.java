package org.rebond.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a realistic mailbox straight into maildir folders (INBOX and Sent), fast: one file per
 * message in {@code cur/}, named with its size so Dovecot need not stat it. Deterministic for a
 * given seed. Shapes, in proportion: plain text, alternative (plain + HTML), mixed with an
 * attachment, nested mixed/related/alternative with an inline image, HTML only, and about 1%
 * invitations in Google, Outlook (Windows zone names) and Apple shapes. About a third of the
 * messages answer an earlier one (In-Reply-To and References). French and English. Sizes from
 * about 1 KB to 5 MB (a few large attachments).
 */
public final class MailboxGenerator {

    public static final String USER_NAME = "Camille Martin";
    public static final String USER_EMAIL = "camille.martin@example.org";
    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ICS_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String[] FIRST_FR = {"Sophie", "Marc", "Julien", "Claire", "Nicolas", "Élodie", "Thomas", "Camille", "Hélène",
            "Antoine", "Lucie", "François", "Manon", "Benoît", "Léa", "Grégoire", "Chloé", "Mathieu", "Inès", "Stéphane"};
    private static final String[] LAST_FR = {"Durand", "Lefèvre", "Moreau", "Girard", "Rousseau", "Faure", "Mercier", "Blanc", "Guérin",
            "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Perrin", "Robin", "Clément", "Morin", "Nicolas"};
    private static final String[] FIRST_EN = {"Emma", "James", "Olivia", "William", "Ava", "Henry", "Grace", "Samuel", "Lily", "Daniel",
            "Hannah", "Peter", "Ruth", "George", "Alice", "Owen", "Megan", "Jack", "Zoe", "Ethan"};
    private static final String[] LAST_EN = {"Smith", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker", "Wright", "Thompson",
            "Roberts", "Green", "Hall", "Wood", "Harris", "Clarke", "Jackson", "Turner", "Hill", "Cooper", "Ward"};
    private static final String[] DOMAINS = {"acme-health.example", "medi.example", "datalab.example", "ville-lyon.example", "studio.example",
            "hopital-nord.example", "fintrust.example", "edu-paris.example", "greenfield.example", "logistique.example", "gmail.example",
            "outlook.example", "orange.example", "free.example"};
    private static final String[] NEWSLETTERS = {"news@lemonde.example", "digest@medium.example", "jobs@linkedin.example",
            "offres@apec.example", "hello@product-weekly.example", "newsletter@bpifrance.example"};
    private static final String[] SUBJECTS_FR = {"Point sur le projet", "Compte rendu de la réunion", "Question sur le dossier", "Votre candidature",
            "Proposition de rendez-vous", "Suite à notre échange", "Documents demandés", "Relance : facture", "Invitation au séminaire",
            "Nouvelles de l'équipe", "Présentation de l'étude", "Retour sur la maquette"};
    private static final String[] SUBJECTS_EN = {"Project update", "Meeting notes", "Quick question", "Your application", "Catching up",
            "Following up on our chat", "Documents you asked for", "Reminder: invoice", "Conference invitation", "Team news",
            "Study results", "Feedback on the mock-up"};
    private static final String[] SENTENCES_FR = {
            "Merci pour votre message et pour le temps que vous avez pris hier.",
            "Je vous propose de reprendre ce point lors de notre prochaine réunion d'équipe.",
            "Le calendrier du déploiement dans les hôpitaux reste serré, mais l'interopérabilité progresse.",
            "Vous trouverez ci-joint le compte rendu, n'hésitez pas à le compléter.",
            "Les utilisateurs ont surtout insisté sur la simplicité du parcours et la qualité des données.",
            "Pouvez-vous me confirmer vos disponibilités pour la semaine prochaine ?",
            "Nous avons présenté la feuille de route au comité de direction, qui l'a bien accueillie.",
            "Je reste à votre disposition pour toute question complémentaire.",
            "Le budget de l'étude a été validé et le recrutement des participants commence lundi.",
            "Bonne journée, et encore merci pour votre aide précieuse."};
    private static final String[] SENTENCES_EN = {
            "Thanks for your note and for taking the time yesterday.",
            "I suggest we pick this up again at our next team meeting.",
            "The rollout schedule across hospitals is tight, but interoperability is getting better.",
            "Please find the minutes attached, and feel free to add to them.",
            "Users mostly stressed how simple the journey should be and how much data quality matters.",
            "Could you confirm when you are available next week?",
            "We presented the roadmap to the leadership team and it was well received.",
            "Let me know if you have any other questions.",
            "The study budget was approved and participant recruitment starts on Monday.",
            "Have a good day, and thanks again for your help."};

    /** One person of the generated world. */
    public record Person(String name, String email, boolean french) {
        String header() {
            return Mime.encodedWord(name) + " <" + email + ">";
        }
    }

    private record Sent(String messageId, String references, String subject, Person other) {}

    /** What was written: counts per folder and in total, for the report and for checks. */
    public record Summary(int inbox, int sent, int invitations, int informationInterviews, long bytes) {}

    private final Random random;
    private final List<Person> people = new ArrayList<>();
    private final List<Sent> recent = new ArrayList<>();
    private final Person user = new Person(USER_NAME, USER_EMAIL, true);
    private long fileCounter;
    /** The largest attachment or inline image written (a mailbox of a million messages stays a few GB). */
    private int largestPart = Integer.MAX_VALUE;

    public MailboxGenerator(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < 1500; i++) {
            boolean french = random.nextInt(10) < 6;
            String first = pick(french ? FIRST_FR : FIRST_EN);
            String last = pick(french ? LAST_FR : LAST_EN);
            String local = ascii(first + "." + last).toLowerCase(Locale.ROOT) + (i >= 400 ? Integer.toString(i) : "");
            people.add(new Person(first + " " + last, local + "@" + DOMAINS[i % DOMAINS.length], french));
        }
    }

    /** A contact with some history, for the invitations delivered during the benchmark. */
    public Person contact(int index) {
        return people.get(index % people.size());
    }

    /**
     * Writes {@code count} messages, dated over the three years before {@code now}, into the
     * {@code cur/} folders of {@code inboxMaildir} and {@code sentMaildir}.
     */
    public Summary write(Path inboxMaildir, Path sentMaildir, int count, Instant now) throws IOException {
        for (Path dir : List.of(inboxMaildir, sentMaildir)) {
            for (String sub : List.of("cur", "new", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
        }
        Instant first = now.minus(3 * 365, ChronoUnit.DAYS);
        long span = now.toEpochMilli() - first.toEpochMilli();
        int inbox = 0;
        int sent = 0;
        int invitations = 0;
        int informationInterviews = 0;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Instant at = first.plusMillis(span * i / Math.max(1, count));
            boolean fromUser = random.nextInt(100) < 15;
            String message;
            if (!fromUser && random.nextInt(100) == 0) {
                boolean info = random.nextInt(4) == 0;
                Person organizer = pick(people);
                Instant start = at.plus(random.nextInt(20) + 1, ChronoUnit.DAYS);
                message = invitation(organizer, at, start, start.plus(30, ChronoUnit.MINUTES), info, random.nextInt(3), "gen-" + i);
                invitations++;
                informationInterviews += info ? 1 : 0;
            } else {
                message = ordinary(at, fromUser, i);
            }
            byte[] data = message.getBytes(StandardCharsets.UTF_8);
            bytes += data.length;
            Path folder = fromUser ? sentMaildir : inboxMaildir;
            writeMaildirFile(folder.resolve("cur"), data, at, fromUser ? ":2,S" : (random.nextInt(10) < 8 ? ":2,S" : ":2,"));
            if (fromUser) {
                sent++;
            } else {
                inbox++;
            }
        }
        return new Summary(inbox, sent, invitations, informationInterviews, bytes);
    }

    /** The same messages, their attachments and inline images cut to {@code bytes} at most. */
    public MailboxGenerator withPartsUpTo(int bytes) {
        largestPart = bytes;
        return this;
    }

    /** Delivers one message the way an MDA does: written in {@code tmp/}, renamed into {@code new/}. */
    public void deliver(Path maildir, byte[] data, Instant at) throws IOException {
        Path tmp = maildir.resolve("tmp").resolve(fileName(data, at, ""));
        Files.write(tmp, data);
        Files.move(tmp, maildir.resolve("new").resolve(tmp.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeMaildirFile(Path cur, byte[] data, Instant at, String flags) throws IOException {
        Files.write(cur.resolve(fileName(data, at, flags)), data);
    }

    private String fileName(byte[] data, Instant at, String flags) {
        long crlfSize = data.length;
        for (byte b : data) {
            if (b == '\n') {
                crlfSize++;
            }
        }
        return String.format(Locale.ROOT, "%d.M%06dP%d.bench,S=%d,W=%d%s", at.getEpochSecond(), fileCounter++, ProcessHandle.current().pid(),
                data.length, crlfSize, flags);
    }

    private String ordinary(Instant at, boolean fromUser, int index) {
        Sent parent = null;
        if (!recent.isEmpty() && random.nextInt(3) == 0) {
            parent = recent.get(random.nextInt(recent.size()));
        }
        Person other;
        boolean newsletter = parent == null && !fromUser && random.nextInt(10) < 2;
        if (parent != null) {
            other = parent.other();
        } else if (newsletter) {
            String address = pick(NEWSLETTERS);
            other = new Person(address.substring(0, address.indexOf('@')), address, address.contains(".fr") || address.contains("apec"));
        } else {
            other = pick(people);
        }
        boolean french = other.french();
        String subject = parent != null ? (parent.subject().startsWith("Re: ") ? parent.subject() : "Re: " + parent.subject())
                : pick(french ? SUBJECTS_FR : SUBJECTS_EN) + (random.nextInt(3) == 0 ? " " + (index % 97) : "");
        String messageId = "<gen-" + index + "." + Long.toHexString(random.nextLong()) + "@" + (fromUser ? "example.org" : domainOf(other.email())) + ">";
        StringBuilder h = new StringBuilder();
        h.append("Return-Path: <").append(fromUser ? user.email() : other.email()).append(">\n");
        h.append("Received: from mx.example.org (mx.example.org [192.0.2.1])\n\tby imap.example.org with ESMTPS id ")
                .append(Long.toHexString(random.nextLong())).append("\n\tfor <").append(user.email()).append(">; ")
                .append(RFC_5322.format(at.atZone(ZoneOffset.UTC))).append("\n");
        h.append("Message-ID: ").append(messageId).append("\n");
        h.append("Date: ").append(RFC_5322.format(at.atZone(ZoneOffset.ofHours(french ? 1 : 0)))).append("\n");
        h.append("From: ").append((fromUser ? user : other).header()).append("\n");
        h.append("To: ").append((fromUser ? other : user).header()).append("\n");
        if (random.nextInt(5) == 0) {
            h.append("Cc: ").append(pick(people).header()).append("\n");
        }
        h.append("Subject: ").append(Mime.encodedWord(subject)).append("\n");
        if (parent != null) {
            h.append("In-Reply-To: ").append(parent.messageId()).append("\n");
            h.append("References: ").append((parent.references() + " " + parent.messageId()).strip()).append("\n");
        }
        if (newsletter) {
            h.append("List-Unsubscribe: <mailto:unsubscribe@").append(domainOf(other.email())).append(">\n");
        }
        h.append("MIME-Version: 1.0\n");
        String text = paragraphs(french, 1 + random.nextInt(random.nextInt(10) < 8 ? 4 : 30), fromUser ? user : other);
        int shape = random.nextInt(100);
        String body;
        if (shape < 40) {
            body = Mime.textPart("plain", text);
        } else if (shape < 75) {
            body = Mime.alternative(random, text, html(text));
        } else if (shape < 90) {
            body = Mime.mixed(random, List.of(Mime.alternative(random, text, html(text)), attachment()));
        } else if (shape < 96) {
            String related = Mime.related(random, Mime.alternative(random, text, html(text)), Mime.inlineImage(random, Math.min(largestPart, 2_000 + random.nextInt(30_000))));
            body = Mime.mixed(random, random.nextBoolean() ? List.of(related, attachment()) : List.of(related));
        } else {
            body = Mime.textPart("html", html(text));
        }
        if (recent.size() < 2000) {
            recent.add(new Sent(messageId, parent == null ? "" : (parent.references() + " " + parent.messageId()).strip(), subject, other));
        } else {
            recent.set(random.nextInt(recent.size()), new Sent(messageId, "", subject, other));
        }
        return h + body;
    }

    private String attachment() {
        int roll = random.nextInt(1000);
        int size;
        if (roll < 3) {
            size = 1_000_000 + random.nextInt(4_000_000); // a few large attachments, up to 5 MB
        } else if (roll < 150) {
            size = 50_000 + random.nextInt(250_000);
        } else {
            size = 2_000 + random.nextInt(40_000);
        }
        String[] names = {"compte-rendu.pdf", "minutes.pdf", "étude.docx", "slides.pptx", "photo.jpg", "budget.xlsx"};
        return Mime.attachment(random, pick(names), Math.min(size, largestPart));
    }

    /**
     * An invitation in one of three shapes, from {@code start} to {@code end}. {@code shape} 0: Google
     * (alternative plain/HTML/calendar inside mixed, plus invite.ics); 1: Outlook (Windows zone names,
     * calendar inside alternative); 2: Apple (mixed, plain text then a calendar attachment).
     */
    public String invitation(Person organizer, Instant sentAt, Instant start, Instant end, boolean informationInterview, int shape,
                             String uidSeed) {
        boolean french = organizer.french();
        String summary = informationInterview
                ? (french ? "Entretien d'information Camille / " + organizer.name() : "Information interview Camille / " + organizer.name())
                : pick(french ? new String[] {"Réunion d'équipe", "Point projet", "Déjeuner", "Atelier utilisateurs", "Entretien d'embauche - Acme"}
                        : new String[] {"Team meeting", "Project sync", "Lunch", "User workshop", "Job interview - Acme"});
        String uid = uidSeed + "-" + Long.toHexString(random.nextLong()) + "@" + domainOf(organizer.email());
        // Information-interview invitations carry a plain note: the sentence bank speaks of
        // "recrutement", which rightly makes the detector leave an invitation alone (M1).
        String description = informationInterview
                ? (french ? "Comme convenu, voici l'invitation pour notre échange de vingt minutes sur votre métier."
                        : "As agreed, here is the invitation for our twenty-minute conversation about your work.")
                : paragraphs(french, 1, organizer);
        StringBuilder h = new StringBuilder();
        h.append("Message-ID: <").append(uid.replace("@", ".msg@")).append(">\n");
        h.append("Date: ").append(RFC_5322.format(sentAt.atZone(ZoneOffset.ofHours(1)))).append("\n");
        h.append("From: ").append(organizer.header()).append("\n");
        h.append("To: ").append(user.header()).append("\n");
        h.append("Subject: ").append(Mime.encodedWord((french ? "Invitation : " : "Invitation: ") + summary)).append("\n");
        h.append("MIME-Version: 1.0\n");
        String text = (french ? "Vous êtes invitée à " : "You are invited to ") + summary + "\n\n" + description;
        String body;
        switch (shape) {
            case 0 -> {
                String ics = googleIcs(organizer, uid, sentAt, start, end, summary, description);
                String alternative = Mime.alternativeWith(random, List.of(Mime.textPart("plain", text), Mime.textPart("html", html(text)),
                        Mime.calendarPart(ics, "REQUEST", null)));
                body = Mime.mixed(random, List.of(alternative, Mime.calendarPart(ics, "REQUEST", "invite.ics")));
            }
            case 1 -> {
                String ics = outlookIcs(organizer, uid, sentAt, start, end, summary, description);
                body = Mime.alternativeWith(random, List.of(Mime.textPart("plain", text), Mime.textPart("html", html(text)),
                        Mime.calendarPart(ics, "REQUEST", null)));
            }
            default -> {
                String ics = appleIcs(organizer, uid, sentAt, start, end, summary, description);
                body = Mime.mixed(random, List.of(Mime.textPart("plain", text), Mime.calendarPart(ics, "REQUEST", "iCal-" + uidSeed + ".ics")));
            }
        }
        return h + body;
    }

    private String googleIcs(Person organizer, String uid, Instant stamp, Instant start, Instant end, String summary, String description) {
        return String.join("\r\n",
                "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:REQUEST",
                "BEGIN:VEVENT",
                "DTSTART:" + ICS_UTC.format(start), "DTEND:" + ICS_UTC.format(end), "DTSTAMP:" + ICS_UTC.format(stamp),
                "ORGANIZER;CN=" + organizer.name() + ":mailto:" + organizer.email(), "UID:" + uid,
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=" + USER_NAME + ";X-NUM-GUESTS=0:mailto:" + USER_EMAIL,
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE;CN=" + organizer.name() + ";X-NUM-GUESTS=0:mailto:" + organizer.email(),
                "CREATED:" + ICS_UTC.format(stamp), "DESCRIPTION:" + icsText(description), "LAST-MODIFIED:" + ICS_UTC.format(stamp),
                "LOCATION:", "SEQUENCE:0", "STATUS:CONFIRMED", "SUMMARY:" + icsText(summary), "TRANSP:OPAQUE",
                "END:VEVENT", "END:VCALENDAR", "");
    }

    private String outlookIcs(Person organizer, String uid, Instant stamp, Instant start, Instant end, String summary, String description) {
        ZonedDateTime localStart = start.atZone(ZoneId.of("Europe/Paris"));
        ZonedDateTime localEnd = end.atZone(ZoneId.of("Europe/Paris"));
        return String.join("\r\n",
                "BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
                "BEGIN:VTIMEZONE", "TZID:Romance Standard Time",
                "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
                "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE",
                "BEGIN:VEVENT",
                "ORGANIZER;CN=" + organizer.name() + ":mailto:" + organizer.email(),
                "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=" + USER_NAME + ":mailto:" + USER_EMAIL,
                "DESCRIPTION;LANGUAGE=fr-FR:" + icsText(description), "UID:" + uid, "SUMMARY;LANGUAGE=fr-FR:" + icsText(summary),
                "DTSTART;TZID=Romance Standard Time:" + ICS_LOCAL.format(localStart), "DTEND;TZID=Romance Standard Time:" + ICS_LOCAL.format(localEnd),
                "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:" + ICS_UTC.format(stamp), "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
                "LOCATION;LANGUAGE=fr-FR:Microsoft Teams Meeting", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-IMPORTANCE:1",
                "BEGIN:VALARM", "DESCRIPTION:REMINDER", "TRIGGER;RELATED=START:-PT15M", "ACTION:DISPLAY", "END:VALARM",
                "END:VEVENT", "END:VCALENDAR", "");
    }

    private String appleIcs(Person organizer, String uid, Instant stamp, Instant start, Instant end, String summary, String description) {
        ZonedDateTime localStart = start.atZone(ZoneId.of("Europe/Paris"));
        ZonedDateTime localEnd = end.atZone(ZoneId.of("Europe/Paris"));
        return String.join("\r\n",
                "BEGIN:VCALENDAR", "METHOD:REQUEST", "VERSION:2.0", "PRODID:-//Apple Inc.//macOS 14.4//EN", "CALSCALE:GREGORIAN",
                "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
                "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "DTSTART:19810329T020000",
                "TZNAME:UTC+2", "TZOFFSETTO:+0200", "END:DAYLIGHT",
                "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "DTSTART:19961027T030000",
                "TZNAME:UTC+1", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE",
                "BEGIN:VEVENT", "TRANSP:OPAQUE", "DTEND;TZID=Europe/Paris:" + ICS_LOCAL.format(localEnd), "UID:" + uid,
                "DTSTAMP:" + ICS_UTC.format(stamp), "DESCRIPTION:" + icsText(description), "SEQUENCE:0", "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
                "SUMMARY:" + icsText(summary), "LAST-MODIFIED:" + ICS_UTC.format(stamp), "CREATED:" + ICS_UTC.format(stamp),
                "DTSTART;TZID=Europe/Paris:" + ICS_LOCAL.format(localStart),
                "ORGANIZER;CN=\"" + organizer.name() + "\";EMAIL=" + organizer.email() + ":mailto:" + organizer.email(),
                "ATTENDEE;CN=\"" + USER_NAME + "\";CUTYPE=INDIVIDUAL;EMAIL=" + USER_EMAIL + ";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:" + USER_EMAIL,
                "ATTENDEE;CN=\"" + organizer.name() + "\";CUTYPE=INDIVIDUAL;EMAIL=" + organizer.email() + ";PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:" + organizer.email(),
                "END:VEVENT", "END:VCALENDAR", "");
    }

    private static String icsText(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    private String paragraphs(boolean french, int count, Person signer) {
        String[] sentences = french ? SENTENCES_FR : SENTENCES_EN;
        StringBuilder out = new StringBuilder(french ? "Bonjour,\n\n" : "Hello,\n\n");
        for (int p = 0; p < count; p++) {
            int n = 2 + random.nextInt(5);
            for (int s = 0; s < n; s++) {
                out.append(pick(sentences)).append(' ');
            }
            out.append("\n\n");
        }
        out.append("--\n").append(signer.name()).append('\n');
        if (!signer.email().equals(USER_EMAIL)) {
            out.append(french ? "Cheffe de projet, " : "Product Manager, ").append(domainOf(signer.email())).append('\n');
        }
        return out.toString();
    }

    private static String html(String text) {
        StringBuilder out = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body>");
        for (String paragraph : text.split("\n\n")) {
            out.append("<p style=\"font-family:Arial,sans-serif;font-size:14px;color:#222\">")
                    .append(paragraph.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")).append("</p>\n");
        }
        return out.append("</body></html>").toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    }

    /** MIME building blocks (LF line endings, as maildir files have). */
    static final class Mime {
        private Mime() {}

        static String encodedWord(String s) {
            if (s.chars().allMatch(c -> c < 128)) {
                return s;
            }
            return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
        }

        static String textPart(String subtype, String text) {
            boolean ascii = text.chars().allMatch(c -> c < 128);
            return "Content-Type: text/" + subtype + "; charset=" + (ascii ? "us-ascii" : "utf-8") + "\n"
                    + "Content-Transfer-Encoding: " + (ascii ? "7bit" : "quoted-printable") + "\n\n"
                    + (ascii ? text : quotedPrintable(text)) + "\n";
        }

        static String calendarPart(String ics, String method, String fileName) {
            String type = "text/calendar; charset=UTF-8; method=" + method + (fileName == null ? "" : "; name=\"" + fileName + "\"");
            String disposition = fileName == null ? "" : "Content-Disposition: attachment; filename=\"" + fileName + "\"\n";
            return "Content-Type: " + type + "\n" + disposition + "Content-Transfer-Encoding: base64\n\n"
                    + base64Lines(ics.getBytes(StandardCharsets.UTF_8)) + "\n";
        }

        static String alternative(Random random, String text, String html) {
            return alternativeWith(random, List.of(textPart("plain", text), textPart("html", html)));
        }

        static String alternativeWith(Random random, List<String> parts) {
            return multipart(random, "alternative", parts);
        }

        static String mixed(Random random, List<String> parts) { return multipart(random, "mixed", parts); }

        static String related(Random random, String main, String inline) { return multipart(random, "related", List.of(main, inline)); }

        static String multipart(Random random, String subtype, List<String> parts) {
            String boundary = "----=_Part_" + Long.toHexString(random.nextLong());
            StringBuilder out = new StringBuilder("Content-Type: multipart/" + subtype + "; boundary=\"" + boundary + "\"\n\n");
            out.append("This is a multi-part message in MIME format.\n");
            for (String part : parts) {
                out.append("--").append(boundary).append('\n').append(part).append('\n');
            }
            return out.append("--").append(boundary).append("--\n").toString();
        }

        static String inlineImage(Random random, int size) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            return "Content-Type: image/png; name=\"logo.png\"\nContent-Transfer-Encoding: base64\nContent-ID: <logo-"
                    + Long.toHexString(random.nextLong()) + "@example>\nContent-Disposition: inline; filename=\"logo.png\"\n\n" + base64Lines(data);
        }

        static String attachment(Random random, String name, int size) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            return "Content-Type: application/octet-stream; name=\"" + encodedWord(name) + "\"\nContent-Transfer-Encoding: base64\n"
                    + "Content-Disposition: attachment; filename=\"" + encodedWord(name) + "\"\n\n" + base64Lines(data);
        }

        static String base64Lines(byte[] data) { return Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data) + "\n"; }

        static String quotedPrintable(String text) {
            StringBuilder out = new StringBuilder();
            int lineLength = 0;
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                String piece;
                if (c == '\n') {
                    out.append('\n');
                    lineLength = 0;
                    continue;
                } else if (c >= 33 && c <= 126 && c != '=' || c == ' ') {
                    piece = Character.toString((char) c);
                } else {
                    piece = String.format(Locale.ROOT, "=%02X", c);
                }
                if (lineLength + piece.length() > 75) {
                    out.append("=\n");
                    lineLength = 0;
                }
                out.append(piece);
                lineLength += piece.length();
            }
            return out.toString();
        }
    }
}
