package org.rebond.compose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.rebond.application.MessageHistory;
import org.rebond.config.RebondConfig;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.letter.Greeting;
import org.rebond.domain.letter.ThankYouLetter;

/**
 * The facts of a draft to the contact (M7): how to greet them, the day of the meeting as the user
 * would say it, and the sentences written from the notes ({@link ThankYouLetter}).
 */
final class ThankYouFacts {

    private final RebondConfig.Profile profile;

    ThankYouFacts(RebondConfig.Profile profile) {
        this.profile = profile;
    }

    /**
     * @param exchanged   the messages exchanged with the contact, newest first (see {@link BriefFacts#exchanged})
     * @param asksForAJob whether a note would make the letter ask for a job (M1)
     */
    Map<String, Object> letter(Interview interview, DebriefNotes notes, List<MessageHistory.SeenMessage> exchanged,
                               Predicate<String> asksForAJob, Instant now, ZoneId zone, Locale lang) {
        String contact = interview.contact().email();
        List<String> fromUser = exchanged.stream().filter(m -> profile.isUser(m.fromEmail()))
                .filter(m -> m.recipients().stream().anyMatch(r -> r.equalsIgnoreCase(contact))).map(MessageHistory.SeenMessage::sample).toList();
        List<String> fromContact = exchanged.stream().filter(m -> m.fromEmail().equalsIgnoreCase(contact))
                .map(MessageHistory.SeenMessage::sample).toList();
        String greeting = Greeting.choose(interview.contact().name(), fromUser, fromContact, lang);
        Set<String> ordinary = ordinaryWords(notes, fromContact, fromUser);
        ThankYouLetter letter = ThankYouLetter.write(notes, lang, ordinary::contains, asksForAJob);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("greeting", greeting);
        out.put("formal", Greeting.isFormal(greeting));
        out.put("day", dayOfMeeting(now, interview.start(), zone, lang));
        out.put("learned", letter.learned());
        out.put("leads", letter.leads());
        out.put("names", letter.names());
        out.put("article", letter.article());
        out.put("nextSteps", letter.nextSteps());
        out.put("leftOut", letter.leftOut());
        out.put("written", !letter.isEmpty());
        return out;
    }

    /** Words written in lower case somewhere in the notes or the exchange: ordinary words, not names. */
    static Set<String> ordinaryWords(DebriefNotes notes, List<String> fromContact, List<String> fromUser) {
        Set<String> words = new HashSet<>();
        StringBuilder all = new StringBuilder();
        notes.points().forEach(p -> all.append(p).append('\n'));
        notes.leads().forEach(p -> all.append(p).append('\n'));
        notes.nextSteps().forEach(p -> all.append(p).append('\n'));
        fromContact.forEach(t -> all.append(t).append('\n'));
        fromUser.forEach(t -> all.append(t).append('\n'));
        for (String word : all.toString().split("[^\\p{L}'’]+")) {
            if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0))) {
                words.add(word);
            }
        }
        return words;
    }

    /** The day of the meeting as the user says it when writing: "today", "yesterday", "on Tuesday", "on 3 December". */
    static String dayOfMeeting(Instant now, Instant start, ZoneId zone, Locale lang) {
        boolean french = "fr".equals(lang.getLanguage());
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = start.atZone(zone).toLocalDate();
        long ago = ChronoUnit.DAYS.between(day, today);
        if (ago <= 0) {
            return french ? "aujourd'hui" : "today";
        }
        if (ago == 1) {
            return french ? "hier" : "yesterday";
        }
        if (ago < 7) {
            String weekday = DateTimeFormatter.ofPattern("EEEE", lang).format(day);
            return french ? weekday : "on " + weekday;
        }
        String date = DateTimeFormatter.ofPattern("d MMMM", lang).format(day);
        return french ? "le " + date : "on " + date;
    }
}
