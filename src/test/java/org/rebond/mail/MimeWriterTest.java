package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rebond.application.OutgoingMessage;
import org.rebond.calendar.CalendarLimits;
import org.rebond.calendar.CalendarParser;
import org.rebond.calendar.ParsedCalendar;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.Interview;
import org.rebond.domain.PrepEvent;

class MimeWriterTest {

    private static final Instant NOW = Instant.parse("2025-03-09T09:00:00Z");
    private static final Instant START = Instant.parse("2025-03-10T09:00:00Z");
    private static final Interview.Person USER = new Interview.Person("sam.martin@example.net", "Sam Martin");
    private static final Interview.Person CONTACT = new Interview.Person("claire.dubois@acme.example", "Claire Dubois");
    private static final String HOSTILE_ID = "<evil@acme.example>\r\nBcc: victim@evil.example";

    private final MimeWriter writer = new MimeWriter(Clock.fixed(NOW, ZoneOffset.UTC));

    private static OutgoingMessage draft(Interview.Person from, Interview.Person to, String inReplyTo, List<String> references) {
        return new OutgoingMessage(OutgoingMessage.Destination.DRAFTS, from, to, "Thank you for our conversation", "Dear Claire,\nThank you.",
                "<p>Dear Claire,</p><p>Thank you.</p>", "<rebond.tok-1@rebond.test>", inReplyTo, references, "tok-1", null);
    }

    /** The message as it goes over the wire, read back by a fresh parser. */
    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw(message).getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<String> headerNames(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        for (Header h : Collections.list(message.getAllHeaders())) {
            names.add(h.getName().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    @Test
    void aMessageIdWithCrLfAndBccCopiedIntoThreadingHeadersAddsNoHeader() throws Exception {
        MimeMessage written = writer.write(draft(USER, CONTACT, HOSTILE_ID, List.of(HOSTILE_ID, "<ok@acme.example>")));
        MimeMessage read = roundTrip(written);

        assertThat(headerNames(read)).doesNotContain("bcc", "cc");
        assertThat(read.getHeader("In-Reply-To")).isNull();
        assertThat(read.getHeader("References")).containsExactly("<ok@acme.example>");
        assertThat(raw(written)).doesNotContainIgnoringCase("victim@evil.example");
    }

    @Test
    void displayNamesWithCrLfStayInsideTheirHeader() throws Exception {
        Interview.Person hostile = new Interview.Person("claire.dubois@acme.example", "Claire\r\nBcc: victim@evil.example");

        MimeMessage read = roundTrip(writer.write(draft(USER, hostile, "", List.of())));

        assertThat(headerNames(read)).doesNotContain("bcc");
        InternetAddress to = (InternetAddress) read.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("claire.dubois@acme.example");
        assertThat(to.getPersonal()).isEqualTo("Claire Bcc: victim@evil.example");
        assertThat(read.getRecipients(Message.RecipientType.TO)).hasSize(1);
    }

    @Test
    void anAddressWithCrLfNeverBecomesAnotherHeader() throws Exception {
        Interview.Person hostile = new Interview.Person("claire.dubois@acme.example\r\nBcc: victim@evil.example", "Claire");

        MimeMessage read;
        try {
            read = roundTrip(writer.write(draft(USER, hostile, "", List.of())));
        } catch (MessagingException | IllegalArgumentException refused) {
            return; // refusing to write it is as good
        }
        assertThat(headerNames(read)).doesNotContain("bcc");
    }

    @Test
    void aDraftIsFlaggedDraftFromTheUserToTheContactAndCarriesNoHeaderOfRebonds() throws Exception {
        MimeMessage written = writer.write(draft(USER, CONTACT, "<last@acme.example>", List.of("<first@acme.example>", "<last@acme.example>")));
        MimeMessage read = roundTrip(written);

        assertThat(written.getFlags().contains(Flags.Flag.DRAFT)).isTrue();
        assertThat(headerNames(read)).as("the contact gets an ordinary message, not one marked automatic")
                .doesNotContain("auto-submitted").noneMatch(name -> name.startsWith("x-rebond"));
        assertThat(read.getHeader("Message-ID")).as("rebond knows its drafts by their Message-ID").containsExactly("<rebond.tok-1@rebond.test>");
        assertThat(read.getHeader("In-Reply-To")).containsExactly("<last@acme.example>");
        assertThat(read.getHeader("References")).containsExactly("<first@acme.example> <last@acme.example>");
        assertThat(((InternetAddress) read.getFrom()[0]).getAddress()).isEqualTo(USER.email());
        assertThat(((InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo("Sam Martin");
        assertThat(((InternetAddress) read.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(CONTACT.email());
        assertThat(read.getSentDate().toInstant()).isEqualTo(NOW);
    }

    @Test
    void aDraftIsOneFlowedTextPartSoThatWhatTheUserEditsIsWhatGoesOut() throws Exception {
        MimeMessage read = roundTrip(writer.write(draft(USER, CONTACT, "", List.of())));

        assertThat(read.isMimeType("text/plain")).isTrue();
        assertThat(read.getContentType()).contains("format=flowed");
        assertThat(FlowedReader.textOf(read)).isEqualTo("Dear Claire,\nThank you.");
        assertThat(raw(writer.write(draft(USER, CONTACT, "", List.of())))).doesNotContain("<p>");
    }

    @Test
    void withHtmlDraftsAskedForADraftHasTextAndHtmlAlternativesAndStillNoHeaderOfRebonds() throws Exception {
        MimeWriter html = new MimeWriter(Clock.fixed(NOW, ZoneOffset.UTC), true);

        MimeMessage read = roundTrip(html.write(draft(USER, CONTACT, "", List.of())));

        assertThat(read.isMimeType("multipart/alternative")).isTrue();
        assertThat(raw(read)).contains("<p>Dear Claire,</p>");
        assertThat(headerNames(read)).doesNotContain("auto-submitted").noneMatch(name -> name.startsWith("x-rebond"));
    }

    @Test
    void aBriefForTheInboxIsNotADraft() throws Exception {
        OutgoingMessage brief = new OutgoingMessage(OutgoingMessage.Destination.INBOX, new Interview.Person(USER.email(), "rebond"), USER,
                "Prep", "text", "<p>html</p>", "<rebond.tok-2@rebond.test>", "", List.of(), "tok-2", null);

        MimeMessage written = writer.write(brief);

        assertThat(written.getFlags().contains(Flags.Flag.DRAFT)).isFalse();
        assertThat(roundTrip(written).getHeader(MimeWriter.TOKEN_HEADER)).containsExactly("tok-2");
        assertThat(roundTrip(written).getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(roundTrip(written).isMimeType("multipart/alternative")).as("a brief keeps its HTML").isTrue();
    }

    @Test
    void aLongReferencesChainIsWrittenInLinesOfAtMost998Octets() throws Exception {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            refs.add("<" + "m".repeat(60) + i + "@long-domain.acme.example>");
        }

        String raw = raw(writer.write(draft(USER, CONTACT, refs.get(49), refs)));

        int longest = Arrays.stream(raw.split("\r\n")).mapToInt(String::length).max().orElse(0);
        assertThat(longest).as("longest line of the message").isLessThanOrEqualTo(998);
        assertThat(roundTrip(writer.write(draft(USER, CONTACT, refs.get(49), refs))).getHeader("References")[0].replaceAll("\\s+", " "))
                .isEqualTo(String.join(" ", refs));
    }

    @Test
    void theBriefCarriesTextHtmlAndAPublishedPrepEventThatParses() throws Exception {
        String ics = PrepEvent.write("iv-1@acme.example", "", 2, NOW, START.minus(Duration.ofMinutes(30)), START,
                "Prep: information interview with Claire", "Ask about FHIR, the team, the path in", "<h1>Brief</h1><p>Claire Dubois</p>");
        OutgoingMessage brief = new OutgoingMessage(OutgoingMessage.Destination.INBOX, new Interview.Person(USER.email(), "rebond"), USER,
                "Prep: Claire", "Brief text", "<h1>Brief</h1>", "<rebond.tok-3@rebond.test>", "", List.of(), "tok-3", ics);

        MimeMessage read = roundTrip(writer.write(brief));

        assertThat(read.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) read.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Brief text");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        BodyPart calendar = mixed.getBodyPart(1);
        assertThat(calendar.isMimeType("text/calendar")).isTrue();
        assertThat(new ContentType(calendar.getContentType()).getParameter("method")).isEqualTo("PUBLISH");
        byte[] content;
        try (InputStream in = calendar.getInputStream()) {
            content = in.readAllBytes();
        }

        ParsedCalendar parsed = new CalendarParser(CalendarLimits.defaults()).parse(content);

        assertThat(parsed.method()).isEqualTo("PUBLISH");
        CalendarEvent prep = parsed.events().get(0);
        assertThat(prep.uid()).isEqualTo(PrepEvent.uidFor("iv-1@acme.example", "")).isNotEqualTo("iv-1@acme.example");
        assertThat(prep.sequence()).isEqualTo(2);
        assertThat(prep.end().instant()).isEqualTo(START);
        assertThat(prep.start().instant()).isEqualTo(START.minus(Duration.ofMinutes(30)));
        String unfolded = new String(content, StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(unfolded).contains("\r\nRELATED-TO:iv-1@acme.example\r\n");
        assertThat(unfolded).containsPattern("\r\nATTACH;[^:\r\n]*FMTTYPE=text/html[^:\r\n]*:[A-Za-z0-9+/=]+\r\n");
        String attached = unfolded.replaceAll("(?s).*\r\nATTACH;[^:]*:([A-Za-z0-9+/=]+)\r\n.*", "$1");
        assertThat(new String(Base64.getDecoder().decode(attached), StandardCharsets.UTF_8))
                .isEqualTo("<h1>Brief</h1><p>Claire Dubois</p>");
    }
}
