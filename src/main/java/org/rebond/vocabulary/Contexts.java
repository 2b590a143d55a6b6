package org.rebond.vocabulary;

/**
 * The line shown under a term: the sentence of the contact's text where they used it, on one line,
 * cut around the term at word boundaries (with "…") when longer than {@value #MAX_CHARS} characters.
 */
final class Contexts {

    static final int MAX_CHARS = 110;
    private static final int MAX_LOOK = 400;

    private Contexts() {
    }

    /** The sentence of {@code text} around the term at {@code start}..{@code end}. */
    static String around(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < MAX_LOOK && !endsSentenceBefore(text, from)) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < MAX_LOOK && !endsSentenceAt(text, to)) {
            to++;
        }
        if (to < text.length() && ".!?…".indexOf(text.charAt(to)) >= 0) {
            to++;
        }
        String before = oneLine(text.substring(from, start));
        String term = oneLine(text.substring(start, end));
        String after = oneLine(text.substring(end, to));
        String whole = (before + term + after).strip();
        if (whole.length() <= MAX_CHARS) {
            return whole;
        }
        if (term.length() > MAX_CHARS - 2) { // a phrase of long words: the phrase alone, cut
            int space = term.lastIndexOf(' ', MAX_CHARS - 1);
            return term.substring(0, space > 0 ? space : MAX_CHARS - 1).strip() + "…";
        }
        int room = Math.max(0, MAX_CHARS - term.length() - 2); // two ellipses at most
        int left = Math.min(before.length(), Math.max(room / 2, room - after.length()));
        int right = Math.min(after.length(), room - left);
        String shownBefore = before.substring(before.length() - left);
        String shownAfter = after.substring(0, right);
        boolean cutLeft = left < before.length();
        boolean cutRight = right < after.length();
        if (cutLeft) {
            int space = shownBefore.indexOf(' ');
            shownBefore = space < 0 ? "" : shownBefore.substring(space + 1);
        }
        if (cutRight) {
            int space = shownAfter.lastIndexOf(' ');
            shownAfter = space < 0 ? "" : shownAfter.substring(0, space);
        }
        return ((cutLeft ? "…" : "") + shownBefore.stripLeading() + term + shownAfter.stripTrailing() + (cutRight ? "…" : "")).strip();
    }

    /** Whether a sentence ends just before index {@code i}: after . ! ?, a blank line, or a line ending a greeting or list item. */
    private static boolean endsSentenceBefore(String text, int i) {
        char previous = text.charAt(i - 1);
        if (previous == '.' || previous == '!' || previous == '?' || previous == '…') {
            return i == text.length() || Character.isWhitespace(text.charAt(i));
        }
        return previous == '\n' && lineBreakEnds(text, i - 1);
    }

    private static boolean endsSentenceAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '.' || c == '!' || c == '?' || c == '…') {
            return i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
        }
        return c == '\n' && lineBreakEnds(text, i);
    }

    /** Whether the line break at {@code i} ends a sentence: a blank line, a greeting, a heading, a list item. */
    private static boolean lineBreakEnds(String text, int i) {
        int before = i - 1;
        while (before >= 0 && text.charAt(before) != '\n' && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || ",:;".indexOf(text.charAt(before)) >= 0) {
            return true;
        }
        int after = i + 1;
        while (after < text.length() && text.charAt(after) != '\n' && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        return after >= text.length() || "\n-*•–".indexOf(text.charAt(after)) >= 0 || Character.isDigit(text.charAt(after));
    }

    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }
}
