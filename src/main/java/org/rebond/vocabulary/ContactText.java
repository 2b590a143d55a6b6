package org.rebond.vocabulary;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a contact wrote themselves in a message: the plain text without the quoted replies and
 * forwarded messages, the signature, the legal disclaimer, the meeting boilerplate of an invitation
 * (Microsoft Teams, Zoom, Google Meet, Webex), dial-in lines and phone numbers, links and e-mail
 * addresses. Line by line, in one pass: a cut mark ("On … wrote:", "-----Original Message-----",
 * "De : … Objet :", "-- ", a disclaimer, a closing followed by a few short lines) ends the
 * contact's text; a boilerplate line is dropped; a block between two lines of underscores (Teams)
 * is dropped. The marks are in {@link MailMarks}.
 */
public final class ContactText {

    /** A message longer than this is read up to here (a contact's own words come first). */
    public static final int MAX_CHARS = 8_000;
    /** A closing ("Best regards", "Cordialement") ends the text when at most this many short lines follow. */
    private static final int SIGNATURE_LINES = 10;
    private static final int SIGNATURE_LINE_CHARS = 100;
    private static final int BOILERPLATE_LINE_CHARS = 140;
    private static final int ATTRIBUTION_LINES = 3;

    private static final Pattern LINK = Pattern.compile("<?(?:https?://|mailto:|www\\.)[^\\s>]*>?|\\[cid:[^\\]]*\\]",
            Pattern.CASE_INSENSITIVE);
    /** An address; it starts where a run of address characters starts, so a long word costs one pass, not one per letter. */
    private static final Pattern ADDRESS = Pattern.compile(
            "<?(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}>?");

    private ContactText() {
    }

    /** The contact's own words in {@code messageText} (at most {@value #MAX_CHARS} characters read); "" for null. */
    public static String ownWords(String messageText) {
        if (messageText == null || messageText.isEmpty()) {
            return "";
        }
        String text = messageText.length() > MAX_CHARS ? messageText.substring(0, MAX_CHARS) : messageText;
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String[] lower = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            lower[i] = lines[i].strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        }
        StringBuilder own = new StringBuilder(text.length());
        boolean inBoilerplate = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (isUnderscores(line)) {
                if (inBoilerplate) {
                    inBoilerplate = false;
                    continue;
                }
                if (headerFollows(lower, i + 1)) {
                    break; // Outlook's line above a quoted message's headers
                }
                inBoilerplate = true; // a Teams block, up to the next line of underscores
                continue;
            }
            if (inBoilerplate) {
                continue;
            }
            if (endsTheContactsText(lines, lower, i)) {
                break;
            }
            if (line.startsWith(">")) {
                continue;
            }
            if (MailMarks.closing(lower[i]) && onlySignatureFollows(lines, lower, i + 1)) {
                break;
            }
            String withoutLinks = withoutLinks(line, lower[i]);
            if (isBoilerplate(line, lower[i], withoutLinks)) {
                continue;
            }
            if (own.length() > 0 || !withoutLinks.isEmpty()) {
                own.append(withoutLinks).append('\n');
            }
        }
        return own.toString().strip();
    }

    /** Whether line {@code i} starts what the contact did not write: a quote, a forward, a signature, a disclaimer. */
    private static boolean endsTheContactsText(String[] lines, String[] lower, int i) {
        if (lines[i].equals("-- ") || lines[i].equals("--")) {
            return true; // the signature separator
        }
        String l = lower[i];
        if (l.isEmpty()) {
            return false;
        }
        if (MailMarks.ENDING_STARTS.startsAny(l) || MailMarks.DISCLAIMERS.in(l)
                || l.contains("confidenti") && MailMarks.CONFIDENTIAL.matcher(l).find()) {
            return true;
        }
        if (MailMarks.label(l, MailMarks.HEADER_FROM) && headerFollows(lower, i + 1)) {
            return true;
        }
        if (MailMarks.ATTRIBUTION_STARTS.startsAny(l) && l.length() < 300) {
            // "On Tue, 12 Mar 2024 at 10:00, Claire <claire@example.com> wrote:", often wrapped on two or three lines
            StringBuilder joined = new StringBuilder(l);
            for (int k = i; k < Math.min(lines.length, i + ATTRIBUTION_LINES); k++) {
                if (k > i) {
                    joined.append(' ').append(lower[k]);
                }
                if (MailMarks.endsAttribution(joined.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether quoted headers ("Sent:", "Envoyé :", "To:", "Objet :") follow within the next few lines. */
    private static boolean headerFollows(String[] lower, int from) {
        for (int k = from; k < Math.min(lower.length, from + 6); k++) {
            if (MailMarks.label(lower[k], MailMarks.HEADER_OTHER)) {
                return true;
            }
        }
        return false;
    }

    /** Whether nothing but a few short lines (a name, a title, a phone) or a disclaimer follows a closing. */
    private static boolean onlySignatureFollows(String[] lines, String[] lower, int from) {
        int shortLines = 0;
        for (int k = from; k < lines.length; k++) {
            if (lower[k].isEmpty()) {
                continue;
            }
            if (endsTheContactsText(lines, lower, k) || lower[k].startsWith(">")) {
                return true;
            }
            if (lower[k].length() > SIGNATURE_LINE_CHARS || ++shortLines > SIGNATURE_LINES) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnderscores(String line) {
        if (line.length() < 10) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != '_') {
                return false;
            }
        }
        return true;
    }

    private static String withoutLinks(String line, String lower) {
        String without = lower.contains("http") || lower.contains("www.") || lower.contains("mailto:") || lower.contains("[cid:")
                ? LINK.matcher(line).replaceAll(" ") : line;
        return (without.indexOf('@') >= 0 ? ADDRESS.matcher(without).replaceAll(" ") : without).strip();
    }

    private static boolean isBoilerplate(String line, String lower, String withoutLinks) {
        if (!line.isEmpty() && withoutLinks.isEmpty() || isRuler(line)) {
            return true; // a line that was only a link or an address; a ruler of dashes or stars
        }
        if (line.length() <= BOILERPLATE_LINE_CHARS && (MailMarks.BOILERPLATE.in(lower)
                || MailMarks.label(lower, MailMarks.BOILERPLATE_LABELS) || MailMarks.BOILERPLATE_STARTS.startsAny(lower))) {
            return true;
        }
        return isPhoneLine(withoutLinks);
    }

    /** A line of at least three characters, all of them punctuation or spaces ("---", "* * *", "=========="). */
    private static boolean isRuler(String line) {
        if (line.length() < 3) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** A dial-in or phone line: many digits, few letters ("+33 1 23 45 67 89,,123456# France, Paris"). */
    private static boolean isPhoneLine(String line) {
        int digits = 0;
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return digits >= 8 && digits * 2 >= letters;
    }
}
