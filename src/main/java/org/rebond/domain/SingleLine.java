package org.rebond.domain;

/** Untrusted text made one line, for a header, a log line or a list: nothing in it can start a new line. */
public final class SingleLine {

    private SingleLine() {}

    /** Control characters (line and paragraph separators included) become spaces, runs of spaces one, no edge spaces. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        int length = text.length();
        int i = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (isControl(c) || (c == ' ' && i > 0 && text.charAt(i - 1) == ' ')) {
                break;
            }
        }
        if (i == length) {
            return text.strip(); // the common case, without a copy
        }
        StringBuilder out = new StringBuilder(length).append(text, 0, i);
        for (; i < length; i++) {
            char c = text.charAt(i);
            char kept = isControl(c) ? ' ' : c;
            if (kept != ' ' || out.length() == 0 || out.charAt(out.length() - 1) != ' ') {
                out.append(kept);
            }
        }
        return out.toString().strip();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029;
    }
}
