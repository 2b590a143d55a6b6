package org.rebond.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Content-Transfer-Encoding decoding of a downloaded part, straight over its bytes. The scan
 * decodes the text of every message the user wrote or received from a known contact, and
 * Jakarta Mail's decoder streams read one byte per call through synchronized streams; this does
 * the same work in one pass. Lenient as a mail reader must be (BAD-INPUTS B28): a broken escape
 * is kept as it is, a character outside the base64 alphabet is skipped; decoding never throws.
 * An encoding other than base64, quoted-printable and the identities goes to Jakarta Mail
 * ({@code uuencode}), and one it does not know either is read as it is.
 */
final class TransferDecoding {

    private static final byte[] BASE64 = new byte[128];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private TransferDecoding() { }

    /**
     * At most {@code max} decoded bytes of {@code raw}.
     *
     * @param encoding the part's Content-Transfer-Encoding, lower case
     */
    static byte[] decode(String encoding, byte[] raw, int max) throws IOException {
        return switch (encoding) {
            case "base64" -> base64(raw, max);
            case "quoted-printable" -> quotedPrintable(raw, max);
            case "7bit", "8bit", "binary", "" -> raw.length > max ? Arrays.copyOf(raw, max) : raw;
            default -> other(encoding, raw, max);
        };
    }

    /** Base64: characters outside the alphabet (line breaks, garbage) are skipped; padding ends a quantum. */
    static byte[] base64(byte[] raw, int max) {
        byte[] out = new byte[Math.min(max, raw.length / 4 * 3 + 3)];
        int n = 0;
        int bits = 0;
        int count = 0;
        for (int i = 0; i < raw.length && n < out.length; i++) {
            int c = raw[i] & 0xFF;
            if (c == '=') {
                bits = 0; // the rest of this quantum is padding; a later quantum starts afresh
                count = 0;
                continue;
            }
            int v = c < 128 ? BASE64[c] : -1;
            if (v < 0) {
                continue;
            }
            bits = (bits << 6) | v;
            count += 6;
            if (count >= 8) {
                count -= 8;
                out[n++] = (byte) (bits >> count);
                bits &= (1 << count) - 1;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Quoted-printable: {@code =XX} escapes, soft line breaks ({@code =} before CRLF or LF), and
     * spaces before a line break dropped as transport padding; an escape that is not one is kept.
     */
    static byte[] quotedPrintable(byte[] raw, int max) {
        byte[] out = new byte[Math.min(max, raw.length)];
        int n = 0;
        int i = 0;
        while (i < raw.length && n < out.length) {
            byte b = raw[i];
            if (b == ' ') {
                int j = i;
                while (j < raw.length && raw[j] == ' ') {
                    j++;
                }
                if (j == raw.length || raw[j] == '\r' || raw[j] == '\n') {
                    i = j; // trailing spaces: padding added in transport
                    continue;
                }
                while (i < j && n < out.length) {
                    out[n++] = ' ';
                    i++;
                }
                continue;
            }
            if (b != '=') {
                out[n++] = b;
                i++;
                continue;
            }
            if (i + 1 >= raw.length) {
                break; // a lone '=' at the end
            }
            byte a = raw[i + 1];
            if (a == '\n') {
                i += 2;
            } else if (a == '\r') {
                i += i + 2 < raw.length && raw[i + 2] == '\n' ? 3 : 2;
            } else {
                int hi = i + 2 < raw.length ? Character.digit(a, 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw[i + 2], 16);
                if (lo < 0) {
                    out[n++] = '='; // not an escape: kept as it is
                    i++;
                } else {
                    out[n++] = (byte) (hi << 4 | lo);
                    i += 3;
                }
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] other(String encoding, byte[] raw, int max) throws IOException {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
            return in.readNBytes(max);
        } catch (MessagingException unknownEncoding) {
            return raw.length > max ? Arrays.copyOf(raw, max) : raw;
        }
    }
}
