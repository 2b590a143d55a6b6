package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The raw bytes fetched for a part capped at N decoded bytes hold N decoded bytes, as the server
 * sends them (CRLF line breaks). Found by HostileLoadBench: a 2 MB calendar part in base64 with
 * 76-character lines came out short of the cap, so its reason read "calendar is truncated" instead
 * of "larger than", and a calendar just under the cap would have been cut and set aside.
 */
class EncodedCapTest {

    private static final int CAP = 1 << 20;

    private static int decodedFromCappedFetch(int size, int lineLength) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        byte[] raw = Base64.getMimeEncoder(lineLength, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(content);
        int fetched = (int) Math.min(raw.length, MessageIntake.encodedCap("base64", CAP + 1L));
        return TransferDecoding.base64(Arrays.copyOf(raw, fetched), CAP + 1).length;
    }

    @Test
    void aBase64PartJustUnderTheCapIsFetchedWhole() {
        for (int lineLength : new int[] {76, 64, 40}) {
            assertThat(decodedFromCappedFetch(CAP - 10, lineLength)).as("lines of %d", lineLength).isEqualTo(CAP - 10);
        }
    }

    @Test
    void aBase64PartOverTheCapComesOutLongerThanTheCapSoItsReasonSaysLargerThan() {
        for (int lineLength : new int[] {76, 64, 40}) {
            assertThat(decodedFromCappedFetch(2 * CAP, lineLength)).as("lines of %d", lineLength).isEqualTo(CAP + 1);
        }
    }
}
