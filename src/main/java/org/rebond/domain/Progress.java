package org.rebond.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the user's search is going (METHOD M2, M5, M6, M7), from the interviews followed and their
 * notes: interviews held per week, names obtained per interview, how many names became interviews,
 * interviews by circle, and who is due news next. Pure: computed from values, for {@code rebond status}.
 *
 * @param held           active interviews whose end has passed
 * @param toCome         active interviews not over yet
 * @param firstWeek      the Monday of the oldest week in {@code perWeek}, in the user's zone
 * @param perWeek        interviews held each week, oldest first, the current week last
 * @param withNotes      active interviews with debrief notes, the ones {@code namesAverage} is over
 * @param namesAverage   names the user may keep per interview with notes (0 when none has notes)
 * @param latest         the latest interviews with notes and the names each gave, newest first
 * @param namesObtained  the different people named in the notes (that the user may keep)
 * @param namesMet       of those, the ones the user has had or has scheduled an interview with since
 * @param byCircle       interviews held per circle of the contact, by circle name; empty while circles are not recorded
 * @param dueNews        the next pending keep-posted of each contact met, soonest first
 */
public record Progress(int held, int toCome, LocalDate firstWeek, List<Integer> perWeek, int withNotes, double namesAverage,
                       List<NamesFrom> latest, int namesObtained, int namesMet, Map<String, Integer> byCircle, List<News> dueNews) {

    /** How many weeks {@code perWeek} covers. */
    public static final int WEEKS = 8;
    /** How many of the latest interviews with notes {@code latest} lists. */
    public static final int LATEST = 3;

    public Progress {
        perWeek = List.copyOf(perWeek);
        latest = List.copyOf(latest);
        byCircle = Map.copyOf(byCircle);
        dueNews = List.copyOf(dueNews);
    }

    /** The names the user may keep from the notes of one interview. */
    public record NamesFrom(long interviewId, Interview.Person contact, Instant start, int names) {}

    /** The next keep-posted draft for a contact and when it is due. */
    public record News(long interviewId, Interview.Person contact, Action action, Instant due) {}

    /**
     * @param interviews all interviews followed (cancelled and ignored ones do not count)
     * @param notes      the debrief notes of the interviews that have some, by interview id
     * @param nextNews   the first keep-posted not yet delivered nor skipped, by interview id (only held ones are listed)
     * @param circles    the circle of each contact, by address in lower case; empty while circles are not recorded
     * @param now        the present instant
     * @param zone       the user's zone, where weeks start on Monday
     */
    public static Progress of(List<Interview> interviews, Map<Long, DebriefNotes> notes, Map<Long, PlannedAction> nextNews,
                              Map<String, String> circles, Instant now, ZoneId zone) {
        List<Interview> active = interviews.stream().filter(Interview::active).sorted(Comparator.comparing(Interview::start)).toList();
        List<Interview> held = active.stream().filter(i -> i.end().isBefore(now)).toList();
        LocalDate thisWeek = monday(now, zone);
        LocalDate firstWeek = thisWeek.minusWeeks(WEEKS - 1);
        int[] weeks = new int[WEEKS];
        Map<String, Integer> byCircle = new TreeMap<>();
        for (Interview i : held) {
            long back = ChronoUnit.WEEKS.between(monday(i.start(), zone), thisWeek);
            if (back >= 0 && back < WEEKS) {
                weeks[WEEKS - 1 - (int) back]++;
            }
            String circle = circles.get(i.contact().email().toLowerCase(Locale.ROOT));
            if (circle != null && !circle.isBlank()) {
                byCircle.merge(circle, 1, Integer::sum);
            }
        }
        List<NamesFrom> withNotes = new ArrayList<>();
        List<Named> obtained = new ArrayList<>();
        for (Interview i : active) {
            DebriefNotes n = notes.get(i.id());
            if (n == null) {
                continue;
            }
            List<DebriefNotes.NameGiven> kept = n.names().stream().filter(DebriefNotes.NameGiven::mayNote).toList();
            withNotes.add(new NamesFrom(i.id(), i.contact(), i.start(), kept.size()));
            for (DebriefNotes.NameGiven name : kept) {
                if (obtained.stream().noneMatch(o -> samePerson(o.name(), name))) {
                    obtained.add(new Named(name, i));
                }
            }
        }
        int met = (int) obtained.stream().filter(o -> active.stream().anyMatch(i -> i.id() != o.givenAt().id()
                && i.start().isAfter(o.givenAt().start()) && isPerson(o.name(), i.contact()))).count();
        double average = withNotes.isEmpty() ? 0 : withNotes.stream().mapToInt(NamesFrom::names).average().orElse(0);
        List<NamesFrom> newestFirst = new ArrayList<>(withNotes);
        Collections.reverse(newestFirst);
        List<NamesFrom> latest = newestFirst.stream().limit(LATEST).toList();
        return new Progress(held.size(), active.size() - held.size(), firstWeek, Arrays.stream(weeks).boxed().toList(),
                withNotes.size(), average, latest, obtained.size(), met, byCircle, dueNews(held, nextNews));
    }

    private record Named(DebriefNotes.NameGiven name, Interview givenAt) {}

    /** The soonest pending keep-posted of each contact met (by address), soonest first. */
    private static List<News> dueNews(List<Interview> held, Map<Long, PlannedAction> nextNews) {
        List<News> all = held.stream().flatMap(i -> Optional.ofNullable(nextNews.get(i.id()))
                        .map(p -> new News(i.id(), i.contact(), p.action(), p.due())).stream())
                .sorted(Comparator.comparing(News::due)).toList();
        Set<String> contacts = new HashSet<>();
        return all.stream().filter(n -> contacts.add(n.contact().email().toLowerCase(Locale.ROOT))).toList();
    }

    private static LocalDate monday(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Two names given are one person: same address when both have one, else the same name. */
    private static boolean samePerson(DebriefNotes.NameGiven a, DebriefNotes.NameGiven b) {
        return DebriefNotes.indexOfSame(List.of(a), b) == 0;
    }

    /** The contact of an interview is the person named: by address when the name came with one, else by full name. */
    static boolean isPerson(DebriefNotes.NameGiven name, Interview.Person contact) {
        if (!name.email().isBlank()) {
            return name.email().equalsIgnoreCase(contact.email());
        }
        return contact.name() != null && !contact.name().isBlank() && DebriefNotes.sameText(name.name(), contact.name());
    }
}
