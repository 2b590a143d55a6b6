package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rebond.application.OutgoingMessage;
import org.rebond.domain.Interview;

/**
 * The text part as a mail client gets it: each message is written by {@link MimeWriter}, turned
 * into bytes, parsed again by Jakarta Mail, and its text part read both as it is (what a reader
 * that ignores format=flowed shows) and un-flowed by {@link FlowedReader} (what a flowed reader
 * shows, and what must be the text rebond meant).
 */
class MimeWriterFlowedTextTest {

    private static final Interview.Person USER = new Interview.Person("camille@example.org", "Camille Martin");
    private static final Interview.Person CONTACT = new Interview.Person("jeanne.roe@acme-health.example", "Jeanne Roe");
    private static final char NBSP = '\u00A0';

    private final MimeWriter writer = new MimeWriter(Clock.fixed(Instant.parse("2025-03-09T09:00:00Z"), ZoneOffset.UTC));

    /** A paragraph of 305 characters on one line, as the brief's opening paragraph was when neomutt showed it. */
    private static final String LONG_PARAGRAPH = "This will be your 1st information interview. You have 30 minutes set aside to "
            + "prepare: read this through once, then say the opening lines and the questions out loud. Keep it to twenty minutes, "
            + "ask for information only, and leave with two or three names of people doing similar work elsewhere.";

    private static final String ENGLISH = "INFORMATION INTERVIEW WITH JEANNE ROE\n"
            + "Tuesday 11 March 2025, 10:00\n"
            + "\n"
            + LONG_PARAGRAPH + "\n"
            + "\n"
            + "PLEASE CHECK\n"
            + "!! The invitation gave no place and no video link: ask Jeanne Roe where you are meeting before the day comes, "
            + "so that you are not late.\n"
            + "1. How did you come to be doing this work? What was your path, and what would you tell someone starting out today?\n"
            + "- 2025-03-01, Paul Intro wrote: \"Introduction: Camille / Jeanne\": Camille, meet Jeanne, who runs product at Acme Health "
            + "and knows everyone in clinical workflows.\n"
            + "From the team's point of view, interoperability is the hard part; this line starts with From and a space.\n"
            + "> This line starts like a quotation but is rebond's own text, and it is long enough to be wrapped as well.\n"
            + " An indented line that is long enough to be wrapped, so that its continuation must not lose its words either.\n"
            + "Read https://www.example.org/a/very/long/path/that/cannot/be/broken/anywhere/because/it/is/one/word/only.html "
            + "before you go.\n"
            + "Points discussed:\n"
            + "- \n"
            + "\n"
            + "Information only, about twenty minutes, and a thank-you the same day. Good luck.\n"
            + "-- \n"
            + "rebond\n";

    private static final String FRENCH = "ENTRETIEN D'INFORMATION AVEC JEANNE ROE\n"
            + "\n"
            + "Ce sera votre 1er entretien d'information. Vous avez 30" + NBSP + "minutes réservées pour vous préparer" + NBSP
            + ": lisez cette fiche une fois, puis dites à voix haute les phrases d'introduction et les questions" + NBSP + "!\n"
            + "Comment en êtes-vous arrivée à faire ce métier" + NBSP + "? Quel a été votre parcours, et que diriez-vous à quelqu'un "
            + "qui débute aujourd'hui dans le domaine" + NBSP + "? Et qu'est-ce qui vous plaît le moins" + NBSP + "?\n"
            + "Elle vous a écrit" + NBSP + ": «" + NBSP + "Avec plaisir pour parler des parcours de soins et de l'interopérabilité "
            + "entre les systèmes hospitaliers" + NBSP + "»" + NBSP + "; pensez à lui demander deux ou trois noms" + NBSP + ".\n"
            + "Avec le recul, que feriez-vous autrement si vous débutiez aujourd'hui dans un rôle comme le vôtre ? Et pourquoi ?\n"
            + "Elle a dit : « Avec plaisir pour parler des parcours de soins et de l'interopérabilité entre les systèmes » ; notez-le.\n";

    private static OutgoingMessage brief(String text) {
        return new OutgoingMessage(OutgoingMessage.Destination.INBOX, new Interview.Person(USER.email(), "rebond"), USER,
                "Prep: Jeanne Roe", text, "<p>html</p>", "<rebond.tok-9@rebond.test>", "", List.of(), "tok-9", null);
    }

    private static OutgoingMessage draft(String text) {
        return new OutgoingMessage(OutgoingMessage.Destination.DRAFTS, USER, CONTACT, "Thank you", text, "<p>html</p>",
                "<rebond.tok-10@rebond.test>", "", List.of(), "tok-10", null);
    }

    /** The text/plain part of the message, as parsed again from the bytes the writer produced. */
    private Part textPart(OutgoingMessage m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(m).writeTo(bytes);
        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
        Part part = read.getContent() instanceof MimeMultipart alternatives ? alternatives.getBodyPart(0) : read; // a draft is one text part
        assertThat(part.isMimeType("text/plain")).isTrue();
        return part;
    }

    /** The lines as a reader that ignores format=flowed shows them. */
    private static List<String> rawLines(Part part) throws Exception {
        return Arrays.asList(((String) part.getContent()).split("\r\n|\n", -1));
    }

    private static int octets(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int columns(String line) {
        return line.codePointCount(0, line.length());
    }

    /** A line made of one word (after space-stuffing and before its soft-break space), which nothing can break. */
    private static boolean oneWord(String line) {
        return !line.strip().contains(" ");
    }

    @Test
    void aLongParagraphIsWrappedAtSeventyTwoColumnsAndRejoinsWhenReadAsFlowed() throws Exception {
        Part part = textPart(brief(ENGLISH));

        List<String> lines = rawLines(part);
        assertThat(lines).filteredOn(l -> octets(l) > 78).as("lines over 78 octets").allMatch(MimeWriterFlowedTextTest::oneWord);
        assertThat(lines).filteredOn(l -> !oneWord(l)).allSatisfy(l -> assertThat(columns(l.stripTrailing())).as(l).isLessThanOrEqualTo(73));
        assertThat(lines).as("the 305-character paragraph, cut after spaces")
                .contains("This will be your 1st information interview. You have 30 minutes set ")
                .anyMatch(l -> l.startsWith("https://www.example.org/a/very/long/path/") && oneWord(l));
        assertThat(FlowedReader.textOf(part)).isEqualTo(ENGLISH);
    }

    @Test
    void theTextPartSaysFormatFlowedWithoutDelSpInUtf8() throws Exception {
        ContentType type = new ContentType(textPart(brief(ENGLISH)).getContentType());

        assertThat(type.getBaseType()).isEqualTo("text/plain");
        assertThat(type.getParameter("format")).isEqualTo("flowed");
        assertThat(type.getParameter("delsp")).isEqualTo("no");
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    }

    @Test
    void aLineStartingWithFromAQuoteMarkOrASpaceIsSpaceStuffedAndReadBackAsItWas() throws Exception {
        Part part = textPart(brief(ENGLISH));

        List<String> lines = rawLines(part);
        assertThat(lines).contains(" From the team's point of view, interoperability is the hard part; this ")
                .anyMatch(l -> l.startsWith(" > This line starts like a quotation"))
                .anyMatch(l -> l.startsWith("  An indented line"))
                .noneMatch(l -> l.startsWith("From ") || l.startsWith(">"));
        assertThat(FlowedReader.textOf(part)).contains("\nFrom the team's point of view, interoperability is the hard part; this line")
                .contains("\n> This line starts like a quotation").contains("\n An indented line");
    }

    @Test
    void aWrappedLineWhoseContinuationStartsWithFromIsStuffedToo() throws Exception {
        String text = "Keep the words of the letter you received From someone you trust, and the time. "
                + "From here on it goes on.";
        String wide = "x".repeat(68) + " From here, the continuation starts with From.";

        Part part = textPart(brief(text + "\n" + wide));

        assertThat(rawLines(part)).contains(" From here, the continuation starts with From.").noneMatch(l -> l.startsWith("From "));
        assertThat(FlowedReader.textOf(part)).isEqualTo(text + "\n" + wide);
    }

    @Test
    void frenchNoBreakSpacesNeverStartOrEndALine() throws Exception {
        Part part = textPart(brief(FRENCH));

        List<String> lines = rawLines(part);
        assertThat(lines).hasSizeGreaterThan(FRENCH.split("\n").length);
        assertThat(lines).noneMatch(l -> l.startsWith(String.valueOf(NBSP)) || l.stripTrailing().endsWith(String.valueOf(NBSP)));
        assertThat(lines).as("no line starts with French closing punctuation or ends with «")
                .noneMatch(l -> l.matches("^\\s*[?!:;»].*") || l.stripTrailing().endsWith("«"));
        assertThat(lines).filteredOn(l -> !oneWord(l)).allSatisfy(l -> assertThat(columns(l.stripTrailing())).as(l).isLessThanOrEqualTo(73));
        assertThat(FlowedReader.textOf(part)).isEqualTo(FRENCH);
    }

    @Test
    void widthIsCountedInCodePointsSoEmojiDoNotShortenTheLine() throws Exception {
        String text = "Emoji count as one column each: " + "\uD83D\uDE00".repeat(36) + " and this sentence goes on past the width.";

        Part part = textPart(brief(text));

        List<String> lines = rawLines(part);
        assertThat(lines.get(0)).as("36 emoji are 72 UTF-16 units but 36 columns: the next word still fits")
                .endsWith("\uD83D\uDE00 and ");
        assertThat(columns(lines.get(0).stripTrailing())).isEqualTo(72);
        assertThat(octets(lines.get(0))).as("display columns, not octets: 36 emoji are 144 octets").isGreaterThan(78);
        assertThat(FlowedReader.textOf(part)).isEqualTo(text);
    }

    @Test
    void theSignatureSeparatorAndHardBreaksStayAsTheyAre() throws Exception {
        String text = "Dear Jeanne,\n\nThank you for your time today.\nShort line.\nAnother short line.\n\nBest regards,\nCamille\n-- \nCamille Martin\n";

        Part part = textPart(draft(text));

        assertThat(rawLines(part)).containsExactly("Dear Jeanne,", "", "Thank you for your time today.", "Short line.", "Another short line.",
                "", "Best regards,", "Camille", "-- ", "Camille Martin", "");
        assertThat(FlowedReader.textOf(part)).isEqualTo(text);
    }

    @Test
    void anOutlineLineEndingWithASpaceKeepsItsSpaceAndItsLineBreak() throws Exception {
        String outline = "Points discussed:\n- \n\nLeads:\n- \n";

        Part part = textPart(brief(outline));

        assertThat(rawLines(part)).as("a flowed line cannot end a paragraph on a space: an empty line ends it")
                .containsExactly("Points discussed:", "- ", "", "", "Leads:", "- ", "", "");
        assertThat(FlowedReader.textOf(part)).isEqualTo(outline);
    }

    @Test
    void aListItemWrapsWithItsContinuationAsAFlowedLine() throws Exception {
        String item = "- 2025-03-01, Paul Intro wrote: \"Introduction: Camille / Jeanne\": Camille, meet Jeanne, who runs product";

        Part part = textPart(brief(item));

        assertThat(rawLines(part)).containsExactly("- 2025-03-01, Paul Intro wrote: \"Introduction: Camille / Jeanne\": ",
                "Camille, meet Jeanne, who runs product");
        assertThat(FlowedReader.textOf(part)).isEqualTo(item);
    }

    @Test
    void aWordLongerThanTheWidthRunsLongOnALineOfItsOwn() throws Exception {
        String word = "https://www.example.org/" + "segment/".repeat(20);
        String text = "See " + word + " and come back.";

        Part part = textPart(brief(text));

        assertThat(rawLines(part)).containsExactly("See ", word + " ", "and come back.");
        assertThat(FlowedReader.textOf(part)).isEqualTo(text);
    }
}
