package org.rebond.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in the configuration: {@code 90s}, {@code 30m}, {@code 24h}, {@code 21d},
 * {@code 2w}, combinations from the largest unit down ({@code 1h30m}, {@code 1d12h}), and ISO-8601
 * ({@code PT24H}, {@code P1D}). A leading minus sign is accepted here so that the caller can say
 * "must be positive" rather than "not a duration".
 */
final class DurationSyntax {
    static final String EXPECTED = "a duration such as 90s, 30m, 24h, 21d, 2w, 1h30m or PT24H";

    private static final Pattern UNITS =
            Pattern.compile("(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final long[] SECONDS = {7 * 86_400L, 86_400L, 3_600L, 60L, 1L};

    private DurationSyntax() {}

    /** @throws IllegalArgumentException with a message fit for the user */
    static Duration parse(String text) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        if (negative) t = t.substring(1).strip();
        if (t.isEmpty()) throw new ConfigSyntaxException("duration.must.be", ConfigProblems.say("duration.expected"));
        Duration d = t.regionMatches(true, 0, "P", 0, 1) ? iso(t) : units(t.toLowerCase(Locale.ROOT));
        return negative ? d.negated() : d;
    }

    private static Duration iso(String t) {
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ConfigSyntaxException("duration.must.be", ConfigProblems.say("duration.expected"));
        }
    }

    private static Duration units(String t) {
        if (t.chars().allMatch(Character::isDigit)) {
            throw new ConfigSyntaxException("duration.unit", t);
        }
        Matcher m = UNITS.matcher(t);
        if (!m.matches()) throw new ConfigSyntaxException("duration.must.be", ConfigProblems.say("duration.expected"));
        try {
            long total = 0;
            for (int i = 0; i < SECONDS.length; i++) {
                String group = m.group(i + 1);
                if (group != null) total = Math.addExact(total, Math.multiplyExact(Long.parseLong(group), SECONDS[i]));
            }
            return Duration.ofSeconds(total);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConfigSyntaxException("value.too.large");
        }
    }

    /** The shortest way to write {@code d} in this syntax, e.g. {@code 1h30m}; used in messages and tests. */
    static String format(Duration d) {
        if (d.isZero()) return "0s";
        StringBuilder s = new StringBuilder(d.isNegative() ? "-" : "");
        long rest = Math.abs(d.getSeconds());
        String[] names = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < SECONDS.length; i++) {
            if (rest >= SECONDS[i]) {
                s.append(rest / SECONDS[i]).append(names[i]);
                rest %= SECONDS[i];
            }
        }
        if (s.length() == 0 || s.toString().equals("-")) s.append(Math.abs(d.toMillis())).append("ms");
        return s.toString();
    }
}
