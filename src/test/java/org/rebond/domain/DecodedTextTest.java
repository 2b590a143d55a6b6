package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How bytes written by others become the text rebond keeps and shows. */
class DecodedTextTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void invalidBytesInUtf8TextBecomeReplacementCharactersAndTheRestStaysAsWritten() {
        byte[] text = concat("Caf\u00e9 ".getBytes(StandardCharsets.UTF_8), bytes(0xFF), " r\u00e9union".getBytes(StandardCharsets.UTF_8));

        assertThat(DecodedText.utf8(text)).isEqualTo("Caf\u00e9 \uFFFD r\u00e9union");
    }

    @Test
    void anOverlongNulIsNoEuroSign() {
        String decoded = DecodedText.utf8(concat("Coffee ".getBytes(StandardCharsets.US_ASCII), bytes(0xC0, 0x80), " chat".getBytes(StandardCharsets.US_ASCII)));

        assertThat(decoded).doesNotContain("\u20AC").doesNotContain("\u00C0").doesNotContain("\u0000").contains("\uFFFD");
    }

    @Test
    void aLegacyWindows1252CalendarIsStillReadAsItsWriterMeantIt() {
        assertThat(DecodedText.utf8(concat("Caf".getBytes(StandardCharsets.US_ASCII), bytes(0xE9), " \u0080".getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo("Caf\u00e9 \u20AC");
    }

    @Test
    void controlCharactersAreRemovedButLineBreaksAndTabsKept() {
        assertThat(DecodedText.withoutControls("a\u0000b\u0007c\u001B[31md\u007F\u0085e\tf\r\ng")).isEqualTo("abc[31mde\tf\r\ng");
    }
}
