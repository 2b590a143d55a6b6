package org.rebond.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request from the command line ({@code rebond track}, {@code rebond ignore}, {@code rebond notes},
 * {@code rebond done})
 * or a re-plan the daemon owes an interview: written as a row by whichever process asks, applied by
 * the one process that holds the instance lock (see {@code application.UserCommands}).
 *
 * @param id      the row id
 * @param kind    what is asked
 * @param target  {@code 7} for interview #7, {@code e3} for the event seen but not taken e3
 * @param payload what the request carries: the notes' text for NOTES, empty otherwise
 */
public record UserCommand(long id, Kind kind, String target, String payload) {

    /** DONE: no more keeping-you-posted drafts for the contact of the interview ({@code rebond done}). */
    public enum Kind { TRACK, IGNORE, REPLAN, NOTES, DONE }

    public UserCommand {
        payload = payload == null ? "" : payload;
    }

    /** A request that carries nothing but its target. */
    public UserCommand(long id, Kind kind, String target) {
        this(id, kind, target, "");
    }

    private static final Pattern TARGET = Pattern.compile("(?i)(#|e)?(\\d{1,18})");

    /** A target as the user types it: {@code 7}, {@code #7}, {@code e3}, {@code E3}; empty when it is neither. */
    public static Optional<String> normalTarget(String typed) {
        Matcher m = TARGET.matcher(typed == null ? "" : typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean seen = m.group(1) != null && m.group(1).toLowerCase(Locale.ROOT).equals("e");
        return Optional.of((seen ? "e" : "") + Long.parseLong(m.group(2)));
    }

    /** Whether the target is an event seen but not taken ({@code e3}) rather than an interview. */
    public boolean seenEvent() {
        return isSeenEvent(target);
    }

    public static boolean isSeenEvent(String target) {
        return target.startsWith("e");
    }

    public static long number(String target) {
        return Long.parseLong(isSeenEvent(target) ? target.substring(1) : target);
    }
}
