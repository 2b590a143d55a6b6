package org.rebond.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.rebond.bench.MailboxGenerator.Mime;
import org.rebond.bench.MailboxGenerator.Person;

/**
 * Hostile messages for {@link HostileLoadBench} (issue 17, item 5), generated in code from the
 * bad-input catalogue (BAD-INPUTS B1–B35, which CI cannot read) and from the fuzzers' seed
 * inputs under {@code src/test/resources/**}{@code /*FuzzTestInputs/}. Each kind states what
 * the catalogue expects of it: quarantined with a reason, read into an interview (the hostile
 * part is capped, decoded leniently or never downloaded), or read and left alone (not an
 * interview, not quarantined). Deterministic for a given seed.
 */
final class HostileMessages {

    /** What the catalogue expects of a message of a kind. */
    enum Expect {
        /** A row in the quarantine table (the message or one of its parts) with a non-empty reason, no interview. */
        QUARANTINED,
        /** The information-interview invitation it carries becomes an interview; the message is not quarantined. */
        INTERVIEW,
        /** Read, neither quarantined nor an interview. */
        READ,
        /**
         * Decoded leniently (B28): the calendar that comes out is taken when it is whole (an interview),
         * quarantined with a reason when it is not; never dropped silently.
         */
        QUARANTINED_OR_INTERVIEW,
        /** A fuzzer's find: anything but a crash; a quarantine row, if any, has a reason. */
        ANY
    }

    /** The kinds, with their catalogue entry, expectation and share of the hostile messages. */
    enum Kind {
        SECONDLY_RECURRENCE("B1", Expect.QUARANTINED, 5),
        MANY_EVENTS("B3", Expect.QUARANTINED, 4),
        TWO_UIDS("B3", Expect.QUARANTINED, 5),
        NESTED_COMPONENTS("B4", Expect.QUARANTINED, 4),
        TRUNCATED_CALENDAR("B5", Expect.QUARANTINED, 5),
        MANY_TIMEZONES("B6", Expect.QUARANTINED, 4),
        NO_ORGANIZER("B11", Expect.QUARANTINED, 5),
        NO_DTSTART("B11", Expect.QUARANTINED, 5),
        YEAR_9999("B12", Expect.QUARANTINED, 4),
        HUGE_DESCRIPTION("B15", Expect.QUARANTINED, 3),
        BROKEN_BASE64("B5, B28", Expect.QUARANTINED_OR_INTERVIEW, 5),
        CRLF_INJECTION("B24, B25", Expect.INTERVIEW, 5),
        HEADER_BOMB("B26", Expect.INTERVIEW, 4),
        UNKNOWN_CHARSET("B27", Expect.INTERVIEW, 4),
        INVALID_UTF8("B28", Expect.INTERVIEW, 5),
        NUL_BYTES("B28", Expect.INTERVIEW, 5),
        BIG_ATTACHMENT("B29", Expect.INTERVIEW, 3),
        TEMPLATE_AND_BIDI("B30, B31, B32", Expect.INTERVIEW, 5),
        DEEP_MULTIPART("B33", Expect.QUARANTINED, 4),
        MISSING_BOUNDARY("B33", Expect.READ, 4),
        ATTENDEE_REPLY("B35", Expect.READ, 4),
        FUZZ_CALENDAR("fuzz seeds", Expect.ANY, 8),
        FUZZ_MAIL("fuzz seeds", Expect.ANY, 3);

        final String catalogue;
        final Expect expect;
        final int weight;

        Kind(String catalogue, Expect expect, int weight) {
            this.catalogue = catalogue;
            this.expect = expect;
            this.weight = weight;
        }
    }

    /** One hostile message: its kind, its bytes and, for a kind read into an interview, the UID of its event. */
    record Hostile(Kind kind, int index, byte[] data, String interviewUid, String detail) {}

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int BIG_ATTACHMENT_BYTES = 2 << 20; // above the 1 MiB calendar-part cap
    private static final int HUGE_MESSAGE_BYTES = 30 << 20; // above the 25 MiB message cap

    private final MailboxGenerator world;
    private final Random random;
    private final List<byte[]> calendarSeeds;
    private final List<byte[]> mailSeeds;
    private final int[] schedule;

    HostileMessages(MailboxGenerator world, long seed, Path resources) throws IOException {
        this.world = world;
        this.random = new Random(seed);
        this.calendarSeeds = seeds(resources.resolve("org/rebond/calendar/CalendarFuzzTestInputs"), "anyCalendarPartIsRead");
        List<byte[]> mail = new ArrayList<>(seeds(resources.resolve("org/rebond/calendar/CalendarFuzzTestInputs"), "anyMailIsWalked"));
        for (byte[] headers : seeds(resources.resolve("org/rebond/mail/MailFuzzTestInputs"), "anyHeaderBlockDecodes")) {
            mail.add(concat(headers, "\n\nA header block a fuzzer kept, with a plain body.\n".getBytes(StandardCharsets.US_ASCII)));
        }
        this.mailSeeds = mail;
        List<Integer> slots = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int w = 0; w < kind.weight; w++) {
                slots.add(kind.ordinal());
            }
        }
        this.schedule = slots.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The kind of the {@code i}th hostile message: the kinds in turn, in proportion to their weights. */
    Kind kindOf(int i) {
        return Kind.values()[schedule[(int) ((i * 7L) % schedule.length)]];
    }

    /** The {@code i}th hostile message, sent at {@code at}. */
    Hostile message(int i, Instant at) {
        Kind kind = kindOf(i);
        Person organizer = world.contact(i * 13 + 5);
        String uid = "hostile-" + kind.name().toLowerCase(Locale.ROOT) + "-" + i + "@" + organizer.email().substring(organizer.email().indexOf('@') + 1);
        Instant start = at.plus(2 + i % 20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String summary = "Entretien d'information Camille / " + organizer.name();
        Ics ics = new Ics(uid, organizer, start, summary);
        String interview = kind.expect == Expect.INTERVIEW ? uid : null;
        String detail = "";
        byte[] data = switch (kind) {
            case SECONDLY_RECURRENCE -> mail(organizer, at, "Invitation", ics.extra("RRULE:FREQ=SECONDLY").text());
            case MANY_EVENTS -> mail(organizer, at, "Invitation", ics.repeated(2_000).text());
            case TWO_UIDS -> mail(organizer, at, "Invitation", ics.secondUid().text());
            case NESTED_COMPONENTS -> mail(organizer, at, "Invitation", ics.extra("BEGIN:VEVENT\r\n".repeat(10_000).strip()).text());
            case TRUNCATED_CALENDAR -> mail(organizer, at, "Invitation", ics.text().substring(0, ics.text().indexOf("END:VEVENT")));
            case MANY_TIMEZONES -> mail(organizer, at, "Invitation", ics.timezones(1_600).text());
            case NO_ORGANIZER -> mail(organizer, at, "Invitation", ics.without("ORGANIZER").text());
            case NO_DTSTART -> mail(organizer, at, "Invitation", ics.without("DTSTART").text());
            case YEAR_9999 -> mail(organizer, at, "Invitation", ics.startYear9999().text());
            case HUGE_DESCRIPTION -> mail(organizer, at, "Invitation", ics.extra("DESCRIPTION:" + "x".repeat(2 << 20)).text());
            case BROKEN_BASE64 -> brokenBase64(organizer, at, ics.text());
            case CRLF_INJECTION -> crlfInjection(organizer, at, ics.text());
            case HEADER_BOMB -> headerBomb(organizer, at, ics.text());
            case UNKNOWN_CHARSET -> bytes(headers(organizer, at, "=?x-no-such-charset?B?" + b64("Entretien d'information") + "?=", "")
                    + Mime.mixed(random, List.of("Content-Type: text/plain; charset=x-bogus-8\n\nBonjour\n", calendarPart(ics.text()))));
            case INVALID_UTF8 -> invalidUtf8(organizer, at, ics);
            case NUL_BYTES -> nulBytes(organizer, at, ics.text());
            case BIG_ATTACHMENT -> {
                int size = i % 25 == 0 ? HUGE_MESSAGE_BYTES : BIG_ATTACHMENT_BYTES;
                detail = size + " bytes attached";
                yield bytes(headers(organizer, at, "Invitation : " + summary, "") + Mime.mixed(random, List.of(
                        Mime.textPart("plain", "Vous trouverez l'invitation et le dossier joint.\n"), calendarPart(ics.text()),
                        Mime.attachment(random, "dossier.bin", size))));
            }
            case TEMPLATE_AND_BIDI -> templateAndBidi(organizer, at, ics);
            case DEEP_MULTIPART -> deepMultipart(organizer, at, ics.text());
            case MISSING_BOUNDARY -> bytes(headers(organizer, at, "Compte rendu", "")
                    + "Content-Type: multipart/mixed\n\n--x\nContent-Type: text/plain\n\nBonjour\n--x--\n");
            case ATTENDEE_REPLY -> mail(organizer, at, "Accepted: " + summary, ics.reply().text());
            case FUZZ_CALENDAR -> {
                byte[] seed = calendarSeeds.get(i % calendarSeeds.size());
                detail = "calendar seed " + (i % calendarSeeds.size());
                yield concat(bytes(headers(organizer, at, "Invitation", "") + "Content-Type: text/calendar; charset=UTF-8; method=REQUEST\n"
                        + "Content-Transfer-Encoding: 8bit\n\n"), seed);
            }
            case FUZZ_MAIL -> {
                detail = "mail seed " + (i % mailSeeds.size());
                yield mailSeeds.get(i % mailSeeds.size());
            }
        };
        return new Hostile(kind, i, data, interview, detail);
    }

    // The kinds that need more than a calendar in a mail.

    private byte[] brokenBase64(Person organizer, Instant at, String ics) {
        String encoded = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(ics.getBytes(StandardCharsets.UTF_8));
        String broken = encoded.substring(0, encoded.length() / 2) + "\n!!*** not base64 ***!!\n=A=\n" + encoded.substring(encoded.length() / 2 + 3);
        return bytes(headers(organizer, at, "Invitation", "") + Mime.mixed(random, List.of(Mime.textPart("plain", "Bonjour\n"),
                "Content-Type: text/calendar; charset=UTF-8; method=REQUEST\nContent-Transfer-Encoding: base64\n\n" + broken + "\n")));
    }

    private byte[] crlfInjection(Person organizer, Instant at, String ics) {
        String subject = "=?UTF-8?B?" + b64("Entretien\r\nBcc: victim@evil.example\r\n") + "?=";
        String extra = "In-Reply-To: <a@b>\r\n Bcc: victim@evil.example\nReferences: <x%0d%0aBcc:evil@c> <\rinject@d>\n";
        return bytes(headers(organizer, at, subject, extra) + Mime.mixed(random, List.of(Mime.textPart("plain", "Bonjour\n"), calendarPart(ics))));
    }

    private byte[] headerBomb(Person organizer, Instant at, String ics) {
        StringBuilder subject = new StringBuilder();
        for (int w = 0; w < 20_000; w++) {
            subject.append("=?UTF-8?B?w6k=?=").append(w % 5 == 4 ? "\n " : " ");
        }
        StringBuilder cc = new StringBuilder("Cc: ");
        for (int a = 0; a < 3_000; a++) {
            cc.append(a == 0 ? "" : ",\n ").append("\"=?UTF-8?Q?Bomb_").append(a).append("?=\" <b").append(a).append("@bomb.example>");
        }
        return bytes(headers(organizer, at, subject.toString().strip(), cc + "\n")
                + Mime.mixed(random, List.of(Mime.textPart("plain", "Bonjour\n"), calendarPart(ics))));
    }

    private byte[] invalidUtf8(Person organizer, Instant at, Ics ics) {
        String latin = "R\u00e9union \u00e0 caf\u00e9, ma\u00eetre d'\u0153uvre \u00ff\n";
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x28, (byte) 0xA1, (byte) 0xF0, (byte) 0x90,
                (byte) 0x28, (byte) 0xBC, (byte) 0xFF, (byte) 0xFE};
        String boundary = "inv-" + Long.toHexString(random.nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headerBytes(organizer, at));
        out.writeBytes(("Subject: Entretien ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bad);
        out.writeBytes(("\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--" + boundary
                + "\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(latin.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(bad);
        out.writeBytes(("\n--" + boundary + "\nContent-Type: text/calendar; charset=UTF-8; method=REQUEST\nContent-Transfer-Encoding: 8bit\n\n")
                .getBytes(StandardCharsets.US_ASCII));
        String calendar = ics.text();
        int description = calendar.indexOf("DESCRIPTION:") + "DESCRIPTION:".length();
        out.writeBytes(calendar.substring(0, description).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(latin.strip().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(calendar.substring(description).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("\n--" + boundary + "--\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private byte[] nulBytes(Person organizer, Instant at, String ics) {
        String text = "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nBon\0jour\0\0, voici\0 l'invitation.\n";
        return bytes(headers(organizer, at, "Entretien\0 d'information\0", "X-Nul: a\0b\n") + Mime.mixed(random, List.of(text, calendarPart(ics))));
    }

    private byte[] templateAndBidi(Person organizer, Instant at, Ics ics) {
        String html = "Content-Type: text/html; charset=utf-8\n\n<html><body><script>alert(1)</script><img src=\"http://198.51.100.7/t.gif\">"
                + "<style>body{background:url(http://198.51.100.7/x)}</style>${7*7} <#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}"
                + "</body></html>\n";
        String calendar = ics.text().replace("ORGANIZER;CN=", "ORGANIZER;CN=${7*7}\u202Eevil\u200B\u2066 <#assign y=1>")
                .replace("SUMMARY:", "SUMMARY:${name}?interpret \u202E");
        return bytes(headers(organizer, at, "=?UTF-8?B?" + b64("${user} \u202Enoitativni") + "?=", "")
                + Mime.mixed(random, List.of(html, calendarPart(calendar))));
    }

    private byte[] deepMultipart(Person organizer, Instant at, String ics) {
        int depth = 1_000;
        StringBuilder out = new StringBuilder(headers(organizer, at, "Invitation", ""));
        for (int d = 0; d < depth; d++) {
            out.append("Content-Type: multipart/mixed; boundary=\"d").append(d).append("\"\n\n--d").append(d).append('\n');
        }
        out.append(calendarPart(ics)).append('\n');
        for (int d = depth - 1; d >= 0; d--) {
            out.append("--d").append(d).append("--\n");
        }
        return bytes(out.toString());
    }

    // Building blocks.

    private byte[] mail(Person organizer, Instant at, String subject, String calendar) {
        return bytes(headers(organizer, at, subject, "") + Mime.mixed(random, List.of(Mime.textPart("plain", "Bonjour,\n\nVoici l'invitation.\n"),
                calendarPart(calendar))));
    }

    private static String calendarPart(String ics) {
        return Mime.calendarPart(ics, "REQUEST", null);
    }

    private byte[] headerBytes(Person organizer, Instant at) {
        return bytes("Message-ID: <h" + Long.toHexString(random.nextLong()) + "@" + organizer.email().substring(organizer.email().indexOf('@') + 1)
                + ">\nDate: " + RFC_5322.format(at.atZone(ZoneOffset.ofHours(1))) + "\nFrom: " + organizer.header() + "\nTo: "
                + MailboxGenerator.USER_NAME + " <" + MailboxGenerator.USER_EMAIL + ">\n");
    }

    /** The headers of a hostile mail, {@code extra} (whole lines) after them; no Subject line when {@code subject} is empty. */
    private String headers(Person organizer, Instant at, String subject, String extra) {
        return new String(headerBytes(organizer, at), StandardCharsets.UTF_8) + (subject.isEmpty() ? "" : "Subject: " + subject + "\n")
                + extra + "MIME-Version: 1.0\n";
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<byte[]> seeds(Path dir, String harnessPrefix) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> harnesses = Files.list(dir)) {
            for (Path harness : harnesses.filter(p -> p.getFileName().toString().startsWith(harnessPrefix)).sorted().toList()) {
                try (Stream<Path> files = Files.list(harness)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.add(Files.readAllBytes(f));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no fuzz seed under " + dir + " for " + harnessPrefix);
        }
        return out;
    }

    /** An information-interview invitation in Google's shape, and the hostile variations made of it. */
    private record Ics(String uid, Person organizer, Instant start, String summary, String eventExtra, String calendarExtra, String method,
                       List<String> drop, int copies) {
        Ics(String uid, Person organizer, Instant start, String summary) {
            this(uid, organizer, start, summary, "", "", "REQUEST", List.of(), 1);
        }

        Ics extra(String lines) {
            return new Ics(uid, organizer, start, summary, eventExtra + lines + "\r\n", calendarExtra, method, drop, copies);
        }

        Ics without(String property) {
            List<String> d = new ArrayList<>(drop);
            d.add(property);
            return new Ics(uid, organizer, start, summary, eventExtra, calendarExtra, method, d, copies);
        }

        Ics repeated(int n) {
            return new Ics(uid, organizer, start, summary, eventExtra, calendarExtra, method, drop, n);
        }

        Ics reply() {
            return new Ics(uid, organizer, start, summary, eventExtra, calendarExtra, "REPLY", drop, copies);
        }

        Ics startYear9999() {
            return new Ics(uid, organizer, start.atZone(ZoneOffset.UTC).withYear(9999).toInstant(), summary, eventExtra, calendarExtra, method, drop, copies);
        }

        Ics secondUid() {
            return new Ics(uid, organizer, start, summary, eventExtra, calendarExtra + String.join("\r\n", "BEGIN:VEVENT", "UID:other-" + uid,
                    "DTSTART:" + ICS_UTC.format(start), "DTEND:" + ICS_UTC.format(start.plus(30, ChronoUnit.MINUTES)),
                    "ORGANIZER:mailto:" + organizer.email(), "SUMMARY:Autre", "END:VEVENT") + "\r\n", method, drop, copies);
        }

        Ics timezones(int n) {
            StringBuilder zones = new StringBuilder();
            for (int z = 0; z < n; z++) {
                zones.append("BEGIN:VTIMEZONE\r\nTZID:Zone/").append(z).append("\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n")
                        .append("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
            }
            return new Ics(uid, organizer, start, summary, eventExtra, zones + calendarExtra, method, drop, copies);
        }

        String text() {
            StringBuilder out = new StringBuilder(String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
                    "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:" + method, ""));
            if (!calendarExtra.contains("BEGIN:VEVENT")) {
                out.append(calendarExtra);
            }
            for (int c = 0; c < copies; c++) {
                List<String> lines = new ArrayList<>(List.of("BEGIN:VEVENT", "DTSTART:" + ICS_UTC.format(start),
                        "DTEND:" + ICS_UTC.format(start.plus(30, ChronoUnit.MINUTES)), "DTSTAMP:" + ICS_UTC.format(start.minus(3, ChronoUnit.DAYS)),
                        "ORGANIZER;CN=" + organizer.name() + ":mailto:" + organizer.email(), "UID:" + (copies > 1 ? c + "-" : "") + uid,
                        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=" + MailboxGenerator.USER_NAME
                                + ":mailto:" + MailboxGenerator.USER_EMAIL,
                        "DESCRIPTION:Comme convenu\\, voici l'invitation pour notre échange de vingt minutes sur votre métier.",
                        "SEQUENCE:0", "STATUS:CONFIRMED", "SUMMARY:" + summary.replace(",", "\\,"), "TRANSP:OPAQUE"));
                lines.removeIf(l -> drop.stream().anyMatch(p -> l.startsWith(p + ":") || l.startsWith(p + ";")));
                if (method.equals("REPLY")) {
                    lines.replaceAll(l -> l.replace("PARTSTAT=NEEDS-ACTION", "PARTSTAT=ACCEPTED"));
                }
                out.append(String.join("\r\n", lines)).append("\r\n").append(eventExtra).append("END:VEVENT\r\n");
            }
            if (calendarExtra.contains("BEGIN:VEVENT")) {
                out.append(calendarExtra);
            }
            return out.append("END:VCALENDAR\r\n").toString();
        }
    }
}
