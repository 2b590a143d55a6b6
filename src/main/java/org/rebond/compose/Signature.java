package org.rebond.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a contact's own messages say about them (METHOD M3): title, organisation and phone from the
 * signature block of their latest message.
 */
record Signature(String title, String organization, String phone) {

    private static final Pattern PHONE = Pattern.compile("(\\+?[0-9][0-9 .()\\-]{7,}[0-9])");
    /** What holds digits but is no phone number: a web or mail address, an IP address. */
    private static final Pattern NOT_A_PHONE = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S*|\\bwww\\.\\S*|\\S+@\\S+"
            + "|\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b"
            + "|(?i)\\b(?:meeting id|conference id|webinar id|id de (?:la )?réunion|id de conférence|passcode|code secret|code d'accès|pin)\\b.*");
    private static final Pattern TITLE = Pattern.compile("(?i)\\b(manager|director|directeur|directrice|head of|lead|engineer|ingénieur|"
            + "consultant|responsable|chef|chargée?|product|designer|developer|développeur|analyst|analyste|vp|vice[- ]president|"
            + "officer|partner|associée?|founder|fondateur|fondatrice|drh|ceo|cto|cfo|coo|président|présidente|coordinat|specialist|"
            + "spécialiste|architect|architecte|researcher|chercheur|chercheuse|scientist)\\b");
    private static final Pattern SENIOR = Pattern.compile("(?i)\\b(director|directeur|directrice|head of|vp|vice[- ]president|chief|"
            + "ceo|cto|cfo|coo|cmo|cio|drh|associée?|partner|président|présidente|founder|fondateur|fondatrice|general manager|"
            + "directeur général|directrice générale|dg)\\b");
    private static final Set<String> WEBMAIL = Set.of("gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "icloud", "me", "free",
            "orange", "wanadoo", "laposte", "sfr", "gmx", "proton", "protonmail", "aol", "mail", "yandex", "fastmail", "example");

    static Signature read(List<String> newestFirstTexts) {
        for (String text : newestFirstTexts) {
            List<String> block = block(text);
            if (block.isEmpty()) {
                continue;
            }
            String title = "";
            String organization = "";
            String phone = "";
            for (int i = 0; i < block.size(); i++) {
                String line = block.get(i);
                Matcher p = PHONE.matcher(NOT_A_PHONE.matcher(line).replaceAll(" "));
                if (phone.isEmpty() && p.find() && line.length() < 60) {
                    phone = p.group(1).strip();
                    continue;
                }
                if (title.isEmpty() && TITLE.matcher(line).find() && line.length() < 80) {
                    String[] parts = line.split("\\s+[,@|–—-]\\s+|,\\s+|\\s+chez\\s+|\\s+at\\s+", 2);
                    title = parts[0].strip();
                    if (parts.length > 1) {
                        organization = parts[1].strip();
                    } else if (i + 1 < block.size() && !PHONE.matcher(NOT_A_PHONE.matcher(block.get(i + 1)).replaceAll(" ")).find() && !block.get(i + 1).contains("@")) {
                        organization = block.get(i + 1).strip();
                    }
                }
            }
            if (!title.isEmpty() || !phone.isEmpty()) {
                return new Signature(title, organization, phone);
            }
        }
        return new Signature("", "", "");
    }

    /** The last lines before any quoted text, after a "-- " separator when there is one. */
    private static List<String> block(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith(">") || line.matches("(?i)^(on|le) .*(wrote|a écrit)\\s*:$")) {
                break;
            }
            lines.add(line);
        }
        int separator = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("--")) {
                separator = i;
            }
        }
        List<String> tail = separator >= 0 ? lines.subList(separator + 1, lines.size()) : lines.subList(Math.max(0, lines.size() - 6), lines.size());
        return tail.stream().filter(l -> !l.isBlank()).limit(8).toList();
    }

    static boolean looksSenior(String title) {
        return title != null && SENIOR.matcher(title).find();
    }

    /** An organisation guessed from an address's domain ({@code jane@acme-health.fr} → {@code Acme Health}); empty for webmail. */
    static String organizationOf(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        if (at < 0) {
            return "";
        }
        String[] labels = email.substring(at + 1).toLowerCase(Locale.ROOT).split("\\.");
        if (labels.length < 2) {
            return "";
        }
        String name = labels[labels.length - 2];
        if (WEBMAIL.contains(name)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[-_]")) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
