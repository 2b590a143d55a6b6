package org.rebond.domain;

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
        KEEP_POSTED,
        /**
         * An update of the prep event after the brief was delivered (the interview moved, was
         * cancelled or reinstated), delivered to INBOX. Numbered by the prep event's new SEQUENCE,
         * so each version of the prep event is delivered at most once (I2).
         */
        BRIEF_UPDATE,
        /**
         * The thank-you draft again, with notes that came after it was delivered: it replaces the
         * delivered draft only if the user has not touched it. Numbered from 1, one per request.
         */
        THANK_YOU_REVISION
    }

    public static final Action BRIEF = new Action(Kind.BRIEF, 0);
    public static final Action DEBRIEF_PROMPT = new Action(Kind.DEBRIEF_PROMPT, 0);
    public static final Action THANK_YOU = new Action(Kind.THANK_YOU, 0);

    public Action {
        if (numbered(kind) ? number < 1 : number != 0) {
            throw new IllegalArgumentException("bad action number " + number + " for " + kind);
        }
    }

    private static boolean numbered(Kind kind) {
        return kind == Kind.KEEP_POSTED || kind == Kind.BRIEF_UPDATE || kind == Kind.THANK_YOU_REVISION;
    }

    public static Action keepPosted(int number) {
        return new Action(Kind.KEEP_POSTED, number);
    }

    /** The update that carries the prep event with SEQUENCE {@code prepSequence}. */
    public static Action briefUpdate(int prepSequence) {
        return new Action(Kind.BRIEF_UPDATE, prepSequence);
    }

    /** The {@code number}th revision of the thank-you draft. */
    public static Action thankYouRevision(int number) {
        return new Action(Kind.THANK_YOU_REVISION, number);
    }

    /** Stable key used in the store and in scheduler keys: {@code BRIEF}, {@code KEEP_POSTED_2}, {@code BRIEF_UPDATE_3}, {@code THANK_YOU_REVISION_1}. */
    public String key() {
        return numbered(kind) ? kind.name() + "_" + number : kind.name();
    }

    public static Action fromKey(String key) {
        for (Kind k : new Kind[] {Kind.KEEP_POSTED, Kind.BRIEF_UPDATE, Kind.THANK_YOU_REVISION}) {
            if (key.startsWith(k.name() + "_")) {
                return new Action(k, Integer.parseInt(key.substring(k.name().length() + 1)));
            }
        }
        return new Action(Kind.valueOf(key), 0);
    }

    /** Whether the result goes to Drafts (true) or is delivered to INBOX for the user to read (false). */
    public boolean isDraft() {
        return kind == Kind.THANK_YOU || kind == Kind.KEEP_POSTED || kind == Kind.THANK_YOU_REVISION;
    }

    /** Name used for templates: {@code brief}, {@code debrief-prompt}, {@code thank-you}, {@code keep-posted}. */
    public String templateName() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Human label used in logs and status: {@code brief}, {@code keep-posted #2}, {@code brief-update #3}. */
    public String label() {
        return numbered(kind) ? templateName() + " #" + number : templateName();
    }

    @Override
    public String toString() {
        return label();
    }
}
