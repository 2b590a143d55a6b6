package org.rebond.interview;

import java.util.Locale;

/**
 * One thing rebond does for an interview. Keep-posted actions are numbered from 1.
 *
 * @param kind   what is done
 * @param number 0 for the single actions, 1..n for keep-posted
 */
public record Action(Kind kind, int number) {

    public enum Kind {
        /** The prep brief, delivered to INBOX with a prep event. */
        BRIEF,
        /** The message asking for debrief notes, delivered to INBOX. */
        DEBRIEF_PROMPT,
        /** The thank-you draft, appended to Drafts. */
        THANK_YOU,
        /** A keeping-you-posted draft, appended to Drafts. */
        KEEP_POSTED
    }

    public static final Action BRIEF = new Action(Kind.BRIEF, 0);
    public static final Action DEBRIEF_PROMPT = new Action(Kind.DEBRIEF_PROMPT, 0);
    public static final Action THANK_YOU = new Action(Kind.THANK_YOU, 0);

    public Action {
        if (kind == Kind.KEEP_POSTED ? number < 1 : number != 0) {
            throw new IllegalArgumentException("bad action number " + number + " for " + kind);
        }
    }

    public static Action keepPosted(int number) {
        return new Action(Kind.KEEP_POSTED, number);
    }

    /** Stable key used in the store and in scheduler keys: {@code BRIEF}, {@code KEEP_POSTED_2}. */
    public String key() {
        return kind == Kind.KEEP_POSTED ? kind.name() + "_" + number : kind.name();
    }

    public static Action fromKey(String key) {
        if (key.startsWith("KEEP_POSTED_")) {
            return keepPosted(Integer.parseInt(key.substring("KEEP_POSTED_".length())));
        }
        return new Action(Kind.valueOf(key), 0);
    }

    /** Whether the result goes to Drafts (true) or is delivered to INBOX for the user to read (false). */
    public boolean isDraft() {
        return kind == Kind.THANK_YOU || kind == Kind.KEEP_POSTED;
    }

    /** Name used for templates: {@code brief}, {@code debrief-prompt}, {@code thank-you}, {@code keep-posted}. */
    public String templateName() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Human label used in logs and status: {@code brief}, {@code keep-posted #2}. */
    public String label() {
        return kind == Kind.KEEP_POSTED ? templateName() + " #" + number : templateName();
    }

    @Override
    public String toString() {
        return label();
    }
}
