package org.rebond.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads, without any allocation but the result, the Date header as nearly every mailer writes it:
 * {@code [Tue, ]11 Jun 2024 10:00[:00] +0200}, possibly followed by a comment such as
 * {@code (CEST)}. A first scan reads one per message; Jakarta Mail's lenient parser, which
 * reads everything else, costs some twenty objects each. Anything else, a two-digit year, a
 * named zone, a day out of its month, is left to that parser: the answer is null.
 */
final class CommonDates {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private CommonDates() {}

    /** The instant, or null when the text is not in the common form. */
    static Instant parse(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && isLetter(s.charAt(0))) {
            // "Tue," : three letters and a comma
            if (n < 4 || !isLetter(s.charAt(1)) || !isLetter(s.charAt(2)) || s.charAt(3) != ',') {
                return null;
            }
            i = spaces(s, 4);
        }
        int dayEnd = digitsEnd(s, i, 2);
        if (dayEnd == i || dayEnd >= n || s.charAt(dayEnd) != ' ') {
            return null;
        }
        int day = number(s, i, dayEnd);
        i = spaces(s, dayEnd);
        if (i + 3 > n) {
            return null;
        }
        int month = month(s, i);
        if (month == 0 || i + 3 >= n || s.charAt(i + 3) != ' ') {
            return null;
        }
        i = spaces(s, i + 3);
        int yearEnd = digitsEnd(s, i, 4);
        if (yearEnd - i != 4 || yearEnd >= n || s.charAt(yearEnd) != ' ') {
            return null;
        }
        int year = number(s, i, yearEnd);
        i = spaces(s, yearEnd);
        int hourEnd = digitsEnd(s, i, 2);
        if (hourEnd - i != 2 || hourEnd >= n || s.charAt(hourEnd) != ':') {
            return null;
        }
        int hour = number(s, i, hourEnd);
        i = hourEnd + 1;
        int minuteEnd = digitsEnd(s, i, 2);
        if (minuteEnd - i != 2) {
            return null;
        }
        int minute = number(s, i, minuteEnd);
        i = minuteEnd;
        int second = 0;
        if (i < n && s.charAt(i) == ':') {
            int secondEnd = digitsEnd(s, i + 1, 2);
            if (secondEnd - (i + 1) != 2) {
                return null;
            }
            second = number(s, i + 1, secondEnd);
            i = secondEnd;
        }
        if (i >= n || s.charAt(i) != ' ') {
            return null;
        }
        i = spaces(s, i);
        if (i + 5 > n || (s.charAt(i) != '+' && s.charAt(i) != '-') || digitsEnd(s, i + 1, 4) != i + 5) {
            return null;
        }
        int hhmm = number(s, i + 1, i + 5);
        int offsetMinutes = hhmm / 100 * 60 + hhmm % 100;
        if (hhmm % 100 > 59 || offsetMinutes > 18 * 60) {
            return null;
        }
        i += 5;
        // Only a comment may follow: " (CEST)"
        if (i < n) {
            int rest = spaces(s, i);
            if (rest == i || rest >= n || s.charAt(rest) != '(' || s.charAt(n - 1) != ')') {
                return null;
            }
        }
        int sign = s.charAt(i - 5) == '-' ? -1 : 1;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second)
                    .toInstant(ZoneOffset.ofTotalSeconds(sign * offsetMinutes * 60));
        } catch (DateTimeException outOfRange) {
            return null; // the 30th of February, 25 o'clock, a leap second: the lenient parser decides
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static int spaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The end of the run of at most {@code max} ASCII digits at {@code i}. */
    private static int digitsEnd(String s, int i, int max) {
        int end = i;
        while (end < s.length() && end - i < max && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
        }
        return end;
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** 1 to 12 for "Jan" to "Dec" (as written, first letter capital), else 0. */
    private static int month(String s, int i) {
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(i, MONTHS, m * 3, 3)) {
                return m + 1;
            }
        }
        return 0;
    }
}
