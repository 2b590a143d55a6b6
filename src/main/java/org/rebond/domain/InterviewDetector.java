package org.rebond.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a calendar event is an information interview (METHOD M1: a job interview is
 * not), who the contact is and who referred them. Pure: it reads the event record only.
 *
 * <p>Order: an exclusion (job interview wording in the title, description or categories, unless
 * negated as in "not a job interview") wins; then an explicit marker in the title, a category,
 * wording in the title, wording in the description, a coffee chat with a career hint, and
 * finally a participant who is a contact suggested in an earlier debrief.
 */
public final class InterviewDetector {
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern REFERRAL = Pattern.compile(
            "(?iu)\\b(introduced by|introduction by|intro by|referred by|referral from|on the recommendation of|recommended by"
                    + "|at the suggestion of|suggested by|de la part de|recommandée? par|sur les conseils de|sur la recommandation de"
                    + "|sur le conseil de|présentée? par|mise? en (?:relation|contact) par|conseillée? par)\\s*:?\\s*(.+)");
    private static final List<String> NEGATIONS = List.of("not", "no", "never", "pas", "non", "sans", "jamais", "ni", "isn", "aren", "without");
    private static final List<String> COFFEE = List.of("coffee chat", "coffee", "virtual coffee", "café", "café virtuel", "déjeuner", "lunch");
    private static final List<String> CAREER_HINTS = List.of("career", "careers", "advice", "information", "informational",
            "métier", "métiers", "parcours", "conseils", "conseil", "reconversion", "your path", "your job", "your role");
    private static final List<String> ROOM_WORDS = List.of("room", "salle", "meeting room", "conference", "resource", "ressource", "bureau ");

    private final DetectionRules rules;
    private final Set<String> userAddresses;
    private final Predicate<String> knownContact;

    public InterviewDetector(DetectionRules rules, Set<String> userAddresses, Predicate<String> knownContact) {
        this.rules = rules;
        this.userAddresses = userAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.knownContact = knownContact;
    }

    public Verdict detect(CalendarEvent event) {
        String title = normal(event.summary());
        String description = normal(event.description());
        String categories = normal(String.join(" , ", event.categories()));

        for (String word : rules.excludeWords()) {
            String phrase = normal(word);
            if (phrase.isBlank()) continue;
            for (String[] place : new String[][] {{"title", title}, {"description", description}, {"categories", categories}}) {
                if (affirmed(place[1], phrase)) {
                    return Verdict.no("excluded: \"" + word + "\" in " + place[0] + " (M1)");
                }
            }
        }
        Optional<String> reason = wording(event, title, description);
        String contact = contact(event);
        if (reason.isEmpty()) {
            reason = knownParticipant(event).map(who -> "contact suggested in an earlier debrief");
        }
        if (reason.isEmpty()) {
            return Verdict.no("no information-interview wording");
        }
        return new Verdict(true, reason.get(), contact, referrer(event.description()));
    }

    private Optional<String> wording(CalendarEvent event, String title, String description) {
        String rawTitle = plain(event.summary());
        for (String marker : rules.markers()) {
            String m = plain(marker);
            if (!m.isBlank() && rawTitle.contains(m)) return Optional.of("marker \"" + marker + "\" in title");
        }
        for (String category : event.categories()) {
            for (String wanted : rules.categories()) {
                if (normal(category).strip().equals(normal(wanted).strip())) return Optional.of("category \"" + category + "\"");
            }
        }
        for (String word : rules.includeWords()) {
            if (contains(title, normal(word))) return Optional.of("title says \"" + word + "\"");
        }
        for (String word : rules.includeWords()) {
            if (contains(description, normal(word))) return Optional.of("description says \"" + word + "\"");
        }
        for (String coffee : COFFEE) {
            if (!contains(title, normal(coffee))) continue;
            for (String hint : CAREER_HINTS) {
                if (contains(title, normal(hint)) || contains(description, normal(hint))) {
                    return Optional.of("\"" + coffee + "\" with a career hint (\"" + hint + "\")");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> knownParticipant(CalendarEvent event) {
        List<String[]> people = new ArrayList<>();
        people.add(new String[] {event.organizer(), event.organizerName()});
        event.attendees().forEach(a -> people.add(new String[] {a.email(), a.name()}));
        for (String[] person : people) {
            if (person[0].isBlank() || isUser(person[0])) continue;
            if (knownContact.test(person[0]) || (!person[1].isBlank() && knownContact.test(person[1]))) {
                return Optional.of(person[0]);
            }
        }
        return Optional.empty();
    }

    /** The person the user would meet, chosen as {@link #detect} chooses it; empty when nobody fits. */
    public String contactOf(CalendarEvent event) {
        return contact(event);
    }

    /** The organizer unless it is the user; else the first attendee who is neither the user nor a room. */
    private String contact(CalendarEvent event) {
        if (!event.organizer().isBlank() && !isUser(event.organizer())) {
            return event.organizer();
        }
        for (CalendarEvent.Attendee attendee : event.attendees()) {
            if (attendee.email().isBlank() || isUser(attendee.email()) || isRoom(attendee)) continue;
            return attendee.email();
        }
        return "";
    }

    private boolean isUser(String address) {
        return userAddresses.contains(address.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean isRoom(CalendarEvent.Attendee attendee) {
        if (attendee.role().equalsIgnoreCase("NON-PARTICIPANT")) return true;
        String who = " " + plain(attendee.name()) + " " + plain(attendee.email()) + " ";
        if (who.contains("resource.calendar.google.com")) return true;
        String words = normal(attendee.name() + " " + attendee.email().replace('@', ' ').replace('.', ' '));
        return ROOM_WORDS.stream().anyMatch(w -> contains(words, normal(w)));
    }

    /** The referrer named in the description: an address when one is given, else the name. */
    public static String referrer(String description) {
        for (String line : description.split("\n")) {
            Matcher m = REFERRAL.matcher(line);
            if (!m.find()) continue;
            String rest = m.group(2);
            Matcher email = EMAIL.matcher(rest);
            if (email.find()) return email.group().toLowerCase(Locale.ROOT);
            String name = rest.split("[,.;:()<>\\[\\]!?]| - | – ", 2)[0].strip();
            if (name.length() > 80) name = name.substring(0, 80).strip();
            if (!name.isEmpty()) return name;
        }
        return "";
    }

    /** Matches a phrase unless one of the three words before it negates it ("not a job interview"). */
    private static boolean affirmed(String text, String phrase) {
        String needle = " " + phrase.strip() + " ";
        int from = 0;
        while (true) {
            int at = text.indexOf(needle, from);
            if (at < 0) return false;
            String[] before = text.substring(0, at).strip().split(" ");
            boolean negated = false;
            for (int i = Math.max(0, before.length - 3); i < before.length; i++) {
                if (NEGATIONS.contains(before[i])) negated = true;
            }
            if (!negated) return true;
            from = at + 1;
        }
    }

    private static boolean contains(String normalText, String normalPhrase) {
        return !normalPhrase.isBlank() && normalText.contains(" " + normalPhrase.strip() + " ");
    }

    /** Lower case without accents; every run of characters that are not letters or digits becomes one space; padded. */
    static String normal(String text) {
        String plain = plain(text);
        StringBuilder out = new StringBuilder(plain.length() + 2).append(' ');
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') out.append(' ');
        return out.toString();
    }

    /** Lower case without accents, typographic apostrophes made plain. */
    private static String plain(String text) {
        if (text == null) return "";
        if (isAscii(text)) return text.toLowerCase(Locale.ROOT); // nothing to decompose
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'').toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return false;
        }
        return true;
    }
}
