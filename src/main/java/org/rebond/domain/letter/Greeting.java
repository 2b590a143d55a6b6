package org.rebond.domain.letter;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to greet the contact, taken from the exchange itself: the greeting the user already used with
 * them, else the first name when the contact signs with it, the formal form only when the exchange
 * was formal.
 */
public final class Greeting {

    private static final Pattern USER_GREETING = Pattern.compile(
            "(?iu)^\\s*((?:hi|hello|hey|dear|good morning|bonjour|bonsoir|cher|chère|madame|monsieur)\\b[^\\n,:;!.]{0,60})[,!:]?\\s*$");
    private static final Pattern FORMAL = Pattern.compile(
            "(?iu)^\\s*(?:dear\\s+(?:mr|mrs|ms|miss|dr|prof)\\b|(?:bonjour\\s+|chère\\s+|cher\\s+)?(?:madame|monsieur)\\b)");

    private Greeting() {
    }

    /**
     * @param contactName     the contact's display name ("Marc Lefèvre"), may be empty
     * @param userToContact   texts of the user's messages to the contact, newest first
     * @param contactToUser   texts of the contact's messages, newest first
     * @return the greeting line with its comma: "Hi Marc,", "Bonjour Marc,", "Dear Marc Lefèvre,"
     */
    public static String choose(String contactName, List<String> userToContact, List<String> contactToUser, Locale language) {
        boolean french = "fr".equals(language.getLanguage());
        for (String text : userToContact) {
            String first = firstLine(text);
            Matcher m = USER_GREETING.matcher(first);
            if (m.matches()) {
                return m.group(1).strip() + ",";
            }
        }
        String name = contactName == null ? "" : contactName.strip();
        String firstName = name.isEmpty() ? "" : name.split("\\s+")[0];
        boolean formal = contactToUser.stream().map(Greeting::firstLine).anyMatch(l -> FORMAL.matcher(l).find());
        if (name.isEmpty()) {
            return french ? "Bonjour," : "Hello,";
        }
        if (formal && !signsWithFirstName(firstName, contactToUser)) {
            return french ? "Bonjour " + name + "," : "Dear " + name + ",";
        }
        return french ? "Bonjour " + firstName + "," : "Hi " + firstName + ",";
    }

    /** Whether the greeting is formal (the closing follows it). */
    public static boolean isFormal(String greeting) {
        return greeting.matches("(?iu)^(?:dear|cher|chère|madame|monsieur)\\b.*") && !greeting.matches("(?iu)^dear\\s+\\S+,$");
    }

    private static boolean signsWithFirstName(String firstName, List<String> texts) {
        String wanted = fold(firstName);
        for (String text : texts) {
            String[] lines = text.strip().split("\\R");
            for (int i = lines.length - 1; i >= Math.max(0, lines.length - 6); i--) {
                String line = fold(lines[i].strip().replaceAll("^[-–—]+\\s*", ""));
                if (line.equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
