package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Header sanitising, header decoding, the scan's reading of a BODYSTRUCTURE and the flowed text
 * part, fuzzed (Jazzer): a Message-ID that comes out is always well-formed, one-line outputs never
 * carry a control character, a hostile FETCH response is that message's problem, never an
 * exception, and any text (a contact's words quoted in a brief) written as format=flowed reads back
 * exactly.
 */
class MailFuzzTest {

    /** RFC 5322 msg-id, as rebond writes it into In-Reply-To and References. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3B\\x3D\\x3F-\\x7E]+@[\\x21-\\x3B\\x3D\\x3F-\\x7E]+>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final Pattern SECTION = Pattern.compile("TEXT|[1-9][0-9]*(?:\\.[1-9][0-9]*)*(?:\\.TEXT)?");
    private static final Duration BOUND = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "2m")
    void messageIdsThatComeOutAreWellFormedAndOneLinesHaveNoControlCharacter(String raw) {
        HeaderSafety.messageId(raw).ifPresent(MailFuzzTest::assertMessageId);
        List<String> ids = HeaderSafety.messageIds(raw);
        assertThat(ids).hasSizeLessThanOrEqualTo(50);
        ids.forEach(MailFuzzTest::assertMessageId);
        assertOneLine(HeaderSafety.oneLine(raw));
        assertThat(HeaderSafety.oneLine(raw).length()).isLessThanOrEqualTo(raw == null ? 0 : raw.length());
    }

    @FuzzTest(maxDuration = "2m")
    void anyHeaderBlockDecodesToOneLineValuesAndWellFormedIds(byte[] header) {
        long start = System.nanoTime();
        HeaderFields fields = HeaderFields.parse(header, 0, header.length);
        ScannedMessage message = new ScannedMessage(1, header.length, fields, BodyParts.NONE, "");
        MessageHeaders.Headers h = new MessageHeaders().of(message);
        if (!h.messageId().isEmpty()) assertMessageId(h.messageId());
        if (!h.inReplyTo().isEmpty()) assertMessageId(h.inReplyTo());
        h.references().forEach(MailFuzzTest::assertMessageId);
        assertOneLine(h.subject());
        assertThat(h.subject()).hasSizeLessThanOrEqualTo(998);
        assertOneLine(h.fromName());
        assertOneLine(h.fromEmail());
        h.recipients().forEach(MailFuzzTest::assertOneLine);
        String subject = message.header("Subject");
        assertOneLine(MessageHeaders.decoded(subject));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    /** The bytes are what a server sends as the BODYSTRUCTURE of one message, after its UID. */
    @FuzzTest(maxDuration = "2m")
    void anyBodyStructureIsReadOrIsThatMessagesProblemNeverAnException(byte[] structure) throws ImapFetchParser.Unreadable {
        long start = System.nanoTime();
        byte[] head = "* 1 FETCH (UID 7 BODYSTRUCTURE ".getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[head.length + structure.length + 1];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(structure, 0, response, head.length, structure.length);
        response[response.length - 1] = ')';
        assertThat(ImapFetchParser.isFetch(response, response.length)).isTrue();

        ImapFetchParser.Fetched fetched = ImapFetchParser.parse(response, response.length);

        assertThat(fetched.uid()).as("the UID before the structure is always kept").isEqualTo(7);
        assertOneLine(fetched.problem());
        BodyParts parts = fetched.parts();
        assertOneLine(parts.unread());
        parts.calendars().forEach(MailFuzzTest::assertSection);
        if (parts.text() != null) assertSection(parts.text());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static void assertSection(BodyParts.Section section) {
        assertThat(section.id()).matches(SECTION);
        assertThat(section.size()).isGreaterThanOrEqualTo(-1);
        assertOneLine(section.mimeMethod());
        if (section.encoding() != null) assertOneLine(section.encoding());
        if (section.charset() != null) assertOneLine(section.charset());
    }

    private static void assertMessageId(String id) {
        assertThat(id).matches(MESSAGE_ID).hasSizeLessThanOrEqualTo(503);
    }

    private static void assertOneLine(String value) {
        assertThat(value).isNotNull().doesNotContainPattern(CONTROL).isEqualTo(value.strip());
    }

    @FuzzTest(maxDuration = "2m")
    void anyTextWrittenAsFlowedComesBackExactlyWhenReadAsFlowed(String text) {
        if (text == null) return;
        String encoded = FlowedText.encode(text);
        assertThat(FlowedText.decode(encoded, false)).isEqualTo(text.replace("\r\n", "\n").replace('\r', '\n'));
        assertThat(encoded.split("\r\n", -1)).noneMatch(line -> line.startsWith("From ") || line.startsWith(">"));
    }
}
