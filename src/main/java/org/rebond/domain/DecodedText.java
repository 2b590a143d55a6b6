package org.rebond.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text from bytes someone else wrote, as rebond keeps and shows it: UTF-8, each malformed sequence
 * a U+FFFD, never a guess that turns the rest into mojibake; and no control characters but line
 * breaks and tabs, so nothing invisible reaches the store, a template or a log.
 */
public final class DecodedText {

    private static final Charset LEGACY = Charset.forName("windows-1252");

    private DecodedText() {}

    /**
     * The bytes as UTF-8. Bytes that are not UTF-8 at all (no valid multi-byte sequence, and no
     * broken one either: each high byte a letter of its own, as old Outlook writes calendars
     * without saying so) are read as windows-1252; otherwise every malformed sequence becomes
     * U+FFFD and the rest stays as written.
     */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return looksLikeUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, LEGACY);
        }
    }

    /** {@code text} without control characters, line breaks and tabs kept (C0, DEL and C1 removed). */
    public static String withoutControls(String text) {
        if (text == null) {
            return "";
        }
        int i = 0;
        int n = text.length();
        while (i < n && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * Whether the high bytes read as UTF-8 gone wrong rather than as a single-byte encoding: one
     * valid multi-byte sequence, or a lead byte UTF-8 never uses (C0, C1, F5–FF) followed by a
     * continuation byte (an overlong or out-of-range encoding, such as C0 80 for NUL).
     */
    private static boolean looksLikeUtf8(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                continue;
            }
            boolean continued = i + 1 < b.length && (b[i + 1] & 0xC0) == 0x80;
            if ((lead == 0xC0 || lead == 0xC1 || lead >= 0xF5) && continued) {
                return true;
            }
            int length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
            if (length == 0 || i + length > b.length) {
                continue;
            }
            boolean valid = true;
            for (int k = 1; k < length; k++) {
                valid &= (b[i + k] & 0xC0) == 0x80;
            }
            if (valid) {
                return true;
            }
        }
        return false;
    }
}
