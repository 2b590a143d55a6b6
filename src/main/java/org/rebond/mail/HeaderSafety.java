package org.rebond.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.domain.SingleLine;

/**
 * Untrusted text near headers (DESIGN I4, BAD-INPUTS B24, B25): Message-IDs are validated before
 * they are copied into In-Reply-To or References, and CR, LF and NUL never reach a header.
 */
public final class HeaderSafety {

    /** RFC 5322 msg-id, conservatively: printable ASCII without spaces or brackets inside. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3B\\x3D\\x3F-\\x7E]{1,250}@[\\x21-\\x3B\\x3D\\x3F-\\x5A\\x5E-\\x7E]{1,250}>");

    private static final Pattern BRACKETED = Pattern.compile("<[^<>\\s]{1,510}>");

    private HeaderSafety() {}

    /** The Message-ID in {@code raw}, if it is a well-formed one. */
    public static Optional<String> messageId(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        return MESSAGE_ID.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }

    /** Every well-formed Message-ID in a References-style header, in order. */
    public static List<String> messageIds(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        Matcher m = BRACKETED.matcher(raw);
        while (m.find() && out.size() < 50) {
            messageId(m.group()).ifPresent(out::add);
        }
        return out;
    }

    /** One line of text safe for a header value: control characters become spaces, runs of spaces one, no edge spaces. */
    public static String oneLine(String text) {
        return SingleLine.of(text);
    }
}
