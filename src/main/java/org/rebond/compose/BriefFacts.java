package org.rebond.compose;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.application.InterviewStore;
import org.rebond.application.MessageHistory;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewSequence;
import org.rebond.domain.Seniority;

/**
 * What the brief says about the person and the way to them (METHOD M2, M4): the contact card from
 * their signature and mail, how the user was put in touch, the messages exchanged, and the caution
 * when a senior contact comes early in the sequence. Links are written for the user to open; rebond
 * never fetches them.
 */
final class BriefFacts {

    /** Profile pages worth showing when the contact's own mail carries them. */
    private static final Pattern PROFILE_LINK = Pattern.compile("(?i)\\bhttps?://(?:[a-z]{2,3}\\.)?(?:www\\.)?"
            + "(linkedin\\.com/in/[\\w%.-]+|github\\.com/[\\w.-]+|gitlab\\.com/[\\w.-]+|orcid\\.org/[\\d-]+X?|"
            + "scholar\\.google\\.[a-z.]+/citations\\?user=[\\w-]+|malt\\.fr/profile/[\\w.-]+|behance\\.net/[\\w.-]+|"
            + "dribbble\\.com/[\\w.-]+|medium\\.com/@[\\w.-]+|[\\w-]+\\.substack\\.com)/?");
    private static final int PROFILE_LINKS_SHOWN = 3;
    private static final int HISTORY_SHOWN = 8;
    private static final int INTRODUCTION_LINE_CHARS = 200;
    private static final Set<String> WEBMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "hotmail.com",
            "hotmail.fr", "outlook.com", "outlook.fr", "live.com", "live.fr", "icloud.com", "me.com", "free.fr", "orange.fr", "wanadoo.fr",
            "laposte.net", "sfr.fr", "gmx.com", "gmx.fr", "gmx.de", "proton.me", "protonmail.com", "aol.com", "mail.com", "yandex.com",
            "fastmail.com", "neuf.fr", "bbox.fr", "numericable.fr", "msn.com");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final RebondConfig.Profile profile;
    private final InterviewStore store;
    private final String draftsFolder;

    BriefFacts(RebondConfig.Profile profile, InterviewStore store, String draftsFolder) {
        this.profile = profile;
        this.store = store;
        this.draftsFolder = draftsFolder == null ? "" : draftsFolder;
    }

    /** The messages exchanged, newest first, without the invitation itself, rebond's own messages and copies of one message. */
    List<MessageHistory.SeenMessage> exchanged(Interview interview, List<MessageHistory.SeenMessage> messages) {
        List<MessageHistory.SeenMessage> kept = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MessageHistory.SeenMessage m : messages) {
            String id = m.messageId();
            boolean invitation = !id.isBlank() && id.equals(interview.sourceMessageId());
            boolean rebonds = id.startsWith("<rebond.")
                    && ("rebond".equals(m.fromName()) || m.folder().matches("(?i).*(draft|brouillon).*"));
            if (invitation || rebonds || m.folder().equals(draftsFolder) || (!id.isBlank() && !ids.add(id))) {
                continue;
            }
            kept.add(m);
        }
        return kept;
    }

    /** The contact's own messages, the invitation included, each once, newest first. */
    List<MessageHistory.SeenMessage> fromContact(Interview interview, List<MessageHistory.SeenMessage> messages) {
        Set<String> ids = new HashSet<>();
        return messages.stream().filter(m -> m.fromEmail().equalsIgnoreCase(interview.contact().email()))
                .filter(m -> !m.folder().equals(draftsFolder) && (m.messageId().isBlank() || ids.add(m.messageId()))).toList();
    }

    List<Map<String, Object>> history(Interview interview, List<MessageHistory.SeenMessage> exchanged, ZoneId zone, Locale lang) {
        DateTimeFormatter shortDate = shortDate(lang);
        List<Map<String, Object>> out = new ArrayList<>();
        for (MessageHistory.SeenMessage seen : exchanged.subList(0, Math.min(HISTORY_SHOWN, exchanged.size()))) {
            String direction = seen.fromEmail().equalsIgnoreCase(interview.contact().email()) ? "in"
                    : profile.isUser(seen.fromEmail()) ? "out" : "other";
            out.add(Map.of("date", shortDate.format(seen.sentAt().atZone(zone)), "direction", direction,
                    "fromName", seen.fromName().isBlank() ? seen.fromEmail() : seen.fromName(),
                    "subject", seen.subject(), "excerpt", seen.excerpt()));
        }
        return out;
    }

    /** The contact card: who they are, from their signature and their own mail, with links to look them up. */
    Map<String, Object> contactCard(Interview interview, Signature signature, String organization, List<String> contactTexts) {
        Map<String, Object> contact = new LinkedHashMap<>();
        Interview.Person person = interview.contact();
        contact.put("name", person.name());
        contact.put("firstName", firstName(person.name()));
        contact.put("email", person.email());
        contact.put("title", signature.title());
        contact.put("organization", organization);
        contact.put("phone", signature.phone());
        Optional<String> senior = Seniority.senior(signature.title());
        contact.put("senior", senior.isPresent());
        contact.put("seniorWords", senior.orElse(""));
        contact.put("circle", "");
        contact.put("profiles", profileLinks(contactTexts));
        contact.put("research", research(person, organization));
        return contact;
    }

    /**
     * How the user came to this contact: introduced by a third person's mail ({@code introduced}), given in an earlier
     * debrief by someone who will introduce the user ({@code introduced}) or who only suggested the name
     * ({@code suggested}), or named in the invitation ({@code named}).
     */
    Map<String, Object> referrer(Interview interview, List<MessageHistory.SeenMessage> messages, ZoneId zone, Locale lang) {
        Interview.Person referrer = interview.referrer();
        if (referrer == null) {
            return null;
        }
        DateTimeFormatter longDate = DateTimeFormatter.ofPattern("d MMMM", lang);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("email", referrer.email());
        String name = referrer.name();
        Optional<MessageHistory.SeenMessage> introduction = messages.stream()
                .filter(m -> !referrer.email().isBlank() && m.fromEmail().equalsIgnoreCase(referrer.email()))
                .filter(m -> m.recipients().contains(interview.contact().email().toLowerCase(Locale.ROOT)))
                .reduce((newer, older) -> older);
        Optional<InterviewStore.Suggestion> suggestion = store.suggestionFor(interview.contact().email())
                .or(() -> store.suggestionFor(interview.contact().name()));
        if (introduction.isPresent()) {
            MessageHistory.SeenMessage m = introduction.get();
            if (name.isBlank()) {
                name = m.fromName();
            }
            r.put("how", "introduced");
            r.put("date", longDate.format(m.sentAt().atZone(zone)));
            r.put("line", introductionLine(m.sample().isBlank() ? m.excerpt() : m.sample(), interview.contact()));
            r.put("mayMention", true);
        } else if (suggestion.isPresent()) {
            InterviewStore.Suggestion s = suggestion.get();
            if (name.isBlank()) {
                name = s.by().name();
            }
            // The notes said whether the giver will introduce the user themselves (an introduction) or only named the contact.
            r.put("how", s.introduces() ? "introduced" : "suggested");
            r.put("date", s.introduces() ? "" : longDate.format(s.metOn().atZone(zone)));
            r.put("line", "");
            r.put("mayMention", s.introduces() || s.mayMention());
        } else {
            r.put("how", "named");
            r.put("date", "");
            r.put("line", "");
            r.put("mayMention", true);
        }
        r.put("name", name.isBlank() ? referrer.email() : name);
        return r;
    }

    /**
     * The caution of METHOD M2: during the first interviews, a contact whose title reads senior. The
     * suggestion names people the user was given and has not met yet, when there are some.
     */
    Map<String, Object> caution(Interview interview, boolean senior, int ordinal, List<Interview> all) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("show", senior && InterviewSequence.learning(ordinal));
        Set<String> met = new HashSet<>();
        for (Interview other : all) {
            met.add(other.contact().email().toLowerCase(Locale.ROOT));
        }
        Set<String> waiting = new LinkedHashSet<>();
        for (Interview other : all) {
            if (other.id() == interview.id() || !other.start().isBefore(interview.start())) {
                continue;
            }
            store.notes(other.id()).ifPresent(notes -> notes.names().stream()
                    .filter(n -> n.mayContact() && (n.email().isBlank() || !met.contains(n.email().toLowerCase(Locale.ROOT))))
                    .filter(n -> !n.name().equalsIgnoreCase(interview.contact().name()))
                    .forEach(n -> waiting.add(n.name())));
        }
        c.put("namesToSeeFirst", List.copyOf(waiting).subList(0, Math.min(3, waiting.size())));
        return c;
    }

    private static List<Map<String, Object>> profileLinks(List<String> contactTexts) {
        Set<String> links = new LinkedHashSet<>();
        for (String text : contactTexts) {
            Matcher m = PROFILE_LINK.matcher(text);
            while (m.find() && links.size() < PROFILE_LINKS_SHOWN) {
                links.add(m.group().replaceAll("[.,;)]+$", ""));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String link : links) {
            out.add(Map.of("url", link, "site", siteOf(link)));
        }
        return out;
    }

    /** Where to look the contact up: their organisation's site (not for webmail) and a people search; never fetched by rebond. */
    private static List<Map<String, Object>> research(Interview.Person person, String organization) {
        List<Map<String, Object>> out = new ArrayList<>();
        String email = person.email().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        String domain = at < 0 ? "" : email.substring(at + 1).replaceFirst("^(mail|email|e-mail|mx|smtp)\\.", "");
        if (!domain.isBlank() && domain.contains(".") && !WEBMAIL_DOMAINS.contains(domain)
                && !Signature.organizationOf(email).isBlank() && domain.matches("[a-z0-9.-]+")) {
            out.add(Map.of("kind", "site", "url", "https://" + domain + "/", "label", domain));
        }
        String who = person.name().isBlank() ? "" : person.name() + (organization.isBlank() ? "" : " " + organization);
        if (!who.isBlank()) {
            String q = URLEncoder.encode(who, StandardCharsets.UTF_8);
            out.add(Map.of("kind", "people", "url", "https://www.linkedin.com/search/results/people/?keywords=" + q, "label", who));
            out.add(Map.of("kind", "web", "url", "https://duckduckgo.com/?q=" + URLEncoder.encode("\"" + person.name() + "\""
                    + (organization.isBlank() ? "" : " " + organization), StandardCharsets.UTF_8), "label", who));
        }
        return out;
    }

    /** The sentence of an introduction that speaks of the contact, or its first sentence after the greeting. */
    static String introductionLine(String text, Interview.Person contact) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith(">") || t.equals("--") || t.matches("(?i)^(on|le) .*(wrote|a écrit)\\s*:$")) {
                break;
            }
            if (!t.isEmpty() && !t.matches("(?i)^(hello|hi|dear|bonjour|salut|chère?s?)\\b.{0,60}[,!]?$")) {
                lines.add(t);
            }
        }
        String body = String.join(" ", lines);
        String first = firstName(contact.name());
        String chosen = "";
        for (String sentence : SENTENCE_END.split(body)) {
            if (chosen.isEmpty()) {
                chosen = sentence;
            }
            if (!first.isBlank() && sentence.contains(first)) {
                chosen = sentence;
                break;
            }
        }
        return shortened(chosen.strip(), INTRODUCTION_LINE_CHARS);
    }

    /** "4 Dec 2026", "4 déc. 2026": the day first in both languages, as in the rest of the brief. */
    static DateTimeFormatter shortDate(Locale lang) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", lang);
    }

    static String firstName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.contains("@")) {
            return "";
        }
        if (n.contains(",")) {
            String[] parts = n.split(",", 2);
            return parts[1].strip().split("\\s+")[0];
        }
        return n.split("\\s+")[0];
    }

    private static String siteOf(String url) {
        String host = url.replaceFirst("(?i)^https?://", "").replaceFirst("^www\\.", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    /** The questions every brief suggests (METHOD M3), before the user's own; the names ask has its own section. */
    static List<String> builtInQuestions(Locale lang) {
        return "fr".equals(lang.getLanguage()) ? List.of(
                "Comment en êtes-vous arrivé(e) à faire ce métier ? Quel a été votre parcours ?",
                "À quoi ressemble une semaine ordinaire pour vous ?",
                "Qu'est-ce qui vous plaît le plus dans votre travail ?",
                "Et qu'est-ce qui vous plaît le moins, ou vous demande le plus d'efforts ?",
                "Quelles compétences ou qualités font la différence dans un rôle comme le vôtre ?",
                "Comment voyez-vous votre domaine évoluer dans les prochaines années ?",
                "Avec le recul, que feriez-vous autrement si vous débutiez aujourd'hui ?")
                : List.of(
                "How did you come to be doing this work? What was your path?",
                "What does an ordinary week look like for you?",
                "What do you enjoy most in your work?",
                "And what do you enjoy least, or find hardest?",
                "Which skills or qualities make the difference in a role like yours?",
                "How do you see your field changing over the next few years?",
                "Knowing what you know now, what would you do differently if you were starting out?");
    }
}
