package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ResponseInputStream;
import org.junit.jupiter.api.Test;

class BulkResponseStreamTest {

    /** Responses as a server sends them: plain lines, literals (empty, with CRLF inside, large), a lone LF, non-ASCII bytes. */
    private static byte[] conversation() {
        StringBuilder s = new StringBuilder();
        s.append("* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n");
        s.append("* 12 EXISTS\r\n");
        s.append("* 1 FETCH (UID 7 BODY[HEADER.FIELDS (SUBJECT)] {21}\r\nSubject: R\u00e9union\r\n\r\n)\r\n");
        s.append("* 2 FETCH (UID 8 BODY[1] {0}\r\n BODY[2] {5}\r\nab\r\nc)\r\n");
        s.append("* 3 FETCH (UID 9 BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 12 1 NIL NIL NIL NIL))\r\n");
        s.append("* 4 FETCH (UID 10 BODY[TEXT] {70000}\r\n").append("x".repeat(69_998)).append("\r\n)\r\n");
        s.append("* OK a line with a lone \n inside and braces {not a number}\r\n");
        s.append("* OK empty braces {}\r\n");
        s.append("A12 OK FETCH completed.\r\n");
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A stream that hands out a few bytes per read, as a slow connection does. */
    private static InputStream trickle(byte[] bytes, long seed) {
        Random random = new Random(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
    }

    private static List<String> readAll(ResponseInputStream in, int responses) throws IOException {
        List<String> out = new ArrayList<>();
        ByteArray buffer = new ByteArray(16);
        for (int i = 0; i < responses; i++) {
            buffer = in.readResponse(buffer);
            out.add(new String(buffer.getBytes(), 0, buffer.getCount(), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    @Test
    void readsEveryResponseExactlyAsAngusDoesWhateverSizeTheReadsCome() throws IOException {
        byte[] bytes = conversation();
        List<String> angus = readAll(new ResponseInputStream(new ByteArrayInputStream(bytes)), 9);

        assertThat(angus.get(3)).startsWith("* 2 FETCH").endsWith("ab\r\nc)\r\n");
        assertThat(readAll(new BulkResponseStream(new ByteArrayInputStream(bytes)), 9)).isEqualTo(angus);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(readAll(new BulkResponseStream(trickle(bytes, seed)), 9)).as("reads of 1 to 7 bytes, seed " + seed).isEqualTo(angus);
        }
    }

    @Test
    void aConnectionThatEndsInTheMiddleOfAResponseIsReportedAsDropped() throws IOException {
        byte[] cut = "* 1 FETCH (UID 7 BODY[TEXT] {50}\r\nonly part of it".getBytes(StandardCharsets.US_ASCII);
        BulkResponseStream in = new BulkResponseStream(new ByteArrayInputStream(cut));

        assertThatThrownBy(() -> in.readResponse(new ByteArray(16))).isInstanceOf(IOException.class).hasMessageContaining("dropped");
    }

    @Test
    void whatIsBufferedCountsAsAvailable() throws IOException {
        BulkResponseStream in = new BulkResponseStream(new ByteArrayInputStream("* 1 EXISTS\r\n* 2 EXISTS\r\n".getBytes(StandardCharsets.US_ASCII)));
        in.readResponse(new ByteArray(16));

        assertThat(in.available()).isEqualTo("* 2 EXISTS\r\n".length());
    }
}
