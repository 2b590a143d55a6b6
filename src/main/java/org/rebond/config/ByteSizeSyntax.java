package org.rebond.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as written in the configuration: a plain number of bytes ({@code 1048576}), or a number
 * with a unit, decimal ({@code KB}, {@code MB}, {@code GB}) or binary ({@code KiB}, {@code MiB},
 * {@code GiB}); {@code B} alone means bytes. Units are case-insensitive; a space before the unit is allowed.
 */
final class ByteSizeSyntax {
    static final String EXPECTED = "a size such as 25MiB, 512KiB, 1MB or a plain number of bytes";

    private static final Pattern SIZE = Pattern.compile("(-?\\d+)\\s*([a-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "b", 1L,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30);

    private ByteSizeSyntax() {}

    /** @throws IllegalArgumentException with a message fit for the user */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new ConfigSyntaxException("duration.must.be", ConfigProblems.say("size.expected"));
        Long unit = UNITS.get(m.group(2));
        if (unit == null) {
            throw new ConfigSyntaxException("size.unit", m.group(2));
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConfigSyntaxException("value.too.large");
        }
    }
}
