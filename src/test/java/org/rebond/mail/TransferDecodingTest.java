package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan's transfer decoding: the same bytes as Jakarta Mail's decoders, and lenient where mail is broken (B28). */
class TransferDecodingTest {

    private static byte[] encode(byte[] data, String encoding) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = MimeUtility.encode(out, encoding)) {
            encoder.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] jakarta(byte[] raw, String encoding) throws Exception {
        return MimeUtility.decode(new ByteArrayInputStream(raw), encoding).readAllBytes();
    }

    @Test
    void whatJakartaMailEncodesDecodesToTheBytesItsOwnDecoderGives() throws Exception {
        Random random = new Random(7);
        String french = "Merci pour notre \u00e9change de jeudi \u2014 \u00e0 bient\u00f4t !  \r\nLigne = deux\ttab  \r\n";
        for (int round = 0; round < 200; round++) {
            byte[] data = round % 2 == 0 ? french.repeat(1 + round % 30).getBytes(StandardCharsets.UTF_8) : new byte[random.nextInt(3000)];
            if (round % 2 == 1) {
                random.nextBytes(data);
            }
            for (String encoding : new String[] {"base64", "quoted-printable"}) {
                byte[] raw = encode(data, encoding);
                // (its quoted-printable encoder writes a line feed as a line break: compare with its decoder, not the input)
                assertThat(TransferDecoding.decode(encoding, raw, Integer.MAX_VALUE - 8)).as(encoding + " round " + round)
                        .isEqualTo(jakarta(raw, encoding));
            }
            if (round % 2 == 0) {
                assertThat(TransferDecoding.decode("quoted-printable", encode(data, "quoted-printable"), Integer.MAX_VALUE - 8)).isEqualTo(data);
            }
        }
    }

    @Test
    void brokenQuotedPrintableIsReadAsJakartaMailReadsIt() throws Exception {
        for (String broken : new String[] {"a=ZZb", "ends with =", "soft=\r\nbreak", "lf soft=\nbreak", "trailing   \r\nspaces",
                "caf=C3=A9 =3d ok"}) {
            byte[] raw = broken.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(TransferDecoding.decode("quoted-printable", raw, 1 << 20)).as(broken).isEqualTo(jakarta(raw, "quoted-printable"));
        }
        // Jakarta Mail turns a cut escape at the very end into a 0xFF byte; here it is kept as written, or dropped when bare.
        assertThat(TransferDecoding.decode("quoted-printable", "=4".getBytes(StandardCharsets.US_ASCII), 10)).isEqualTo(new byte[] {'=', '4'});
        assertThat(TransferDecoding.decode("quoted-printable", "a=\r".getBytes(StandardCharsets.US_ASCII), 10)).isEqualTo(new byte[] {'a'});
    }

    @Test
    void base64WithGarbageAndLineBreaksSkipsWhatIsNotBase64() throws Exception {
        byte[] raw = "SGVs\r\nbG8s*IHdv\r\ncmxk!\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(TransferDecoding.decode("base64", raw, 100), StandardCharsets.US_ASCII)).isEqualTo("Hello, world");
        assertThat(new String(TransferDecoding.decode("base64", "QQ==QkM=".getBytes(StandardCharsets.US_ASCII), 100), StandardCharsets.US_ASCII))
                .as("two padded quanta one after the other").isEqualTo("ABC");
    }

    @Test
    void decodingStopsAtTheCapAndIdentitiesAndUnknownEncodingsAreReadAsTheyAre() throws Exception {
        byte[] text = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        assertThat(TransferDecoding.decode("base64", encode(text, "base64"), 10)).hasSize(10);
        assertThat(TransferDecoding.decode("quoted-printable", text, 10)).hasSize(10);
        assertThat(TransferDecoding.decode("8bit", text, 10)).hasSize(10);
        assertThat(TransferDecoding.decode("x-made-up", text, 2000)).isEqualTo(text);
    }
}
