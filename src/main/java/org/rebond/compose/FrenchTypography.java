package org.rebond.compose;

import java.util.regex.Pattern;

/**
 * French spacing: a no-break space before {@code ? ! : ;} and inside « », so a line never starts
 * with a lone colon or question mark when a mail client wraps it. Only spaces the text already has
 * are replaced: times (10:00) and addresses (https://) have none before their colon and stay as
 * they are.
 */
final class FrenchTypography {

    static final char NO_BREAK_SPACE = '\u00a0';

    private static final Pattern SPACE_BEFORE_HIGH_PUNCTUATION = Pattern.compile("[ \\t]+(?=[?!:;»])");
    private static final Pattern SPACE_AFTER_OPENING_QUOTE = Pattern.compile("(?<=«)[ \\t]+");

    private FrenchTypography() {
    }

    static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String before = SPACE_BEFORE_HIGH_PUNCTUATION.matcher(text).replaceAll(String.valueOf(NO_BREAK_SPACE));
        return SPACE_AFTER_OPENING_QUOTE.matcher(before).replaceAll(String.valueOf(NO_BREAK_SPACE));
    }
}
