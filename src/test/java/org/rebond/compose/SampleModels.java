package org.rebond.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Data models built exactly as the template contract describes, for the template tests. */
public final class SampleModels {

    public static final String PAYLOAD = "${7*7} <#assign x=1> <script>alert(1)</script> ?new() [#assign y=2]";

    private SampleModels() {
    }

    /** Every key filled, in English. */
    public static Map<String, Object> full() {
        Map<String, Object> model = new HashMap<>();
        model.put("user", map(
                "name", "Marie Lambert",
                "email", "marie@example.org",
                "objective", "moving from logistics into supply-chain data analysis",
                "objectiveSentence", "The direction I am exploring is moving from logistics into supply-chain data analysis.",
                "pitch", "Eight years running warehouse operations; now learning how data teams plan stock.",
                "signature", "Marie Lambert\n+33 6 12 34 56 78",
                "questions", List.of("Which tools does your team use for demand forecasting?",
                        "How do analysts and warehouse managers work together?")));
        model.put("interview", map(
                "id", 42L,
                "ordinal", 2,
                "held", 1,
                "summary", "Coffee with Jane",
                "relative", "tomorrow at 10:00",
                "subjectDay", "Tue 5 Mar, 10:00",
                "when", "Tuesday 5 March 2024, 10:00 (Europe/Paris)",
                "date", "5 March 2024",
                "startTime", "10:00",
                "endTime", "10:30",
                "durationMinutes", 30,
                "location", "Café Lumière, 12 rue des Arts",
                "floating", false,
                "zoneUnknown", false,
                "longMeeting", false,
                "organization", "Northwind Freight"));
        model.put("contact", map(
                "name", "Jane Roe",
                "firstName", "Jane",
                "email", "jane.roe@northwind.example",
                "title", "Senior demand planner",
                "organization", "Northwind Freight",
                "phone", "+33 1 23 45 67 89",
                "senior", false,
                "circle", "alumni association",
                "profiles", List.of(map("site", "linkedin.com", "url", "https://www.linkedin.com/in/jane-roe-demand")),
                "research", List.of(map("kind", "site", "url", "https://northwind.example/", "label", "northwind.example"),
                        map("kind", "people", "url", "https://www.linkedin.com/search/results/people/?keywords=Jane+Roe", "label", "Jane Roe"))));
        model.put("caution", map("show", false, "namesToSeeFirst", List.of()));
        model.put("referrer", map(
                "name", "Paul Martin",
                "email", "paul@example.net",
                "how", "introduced",
                "date", "3 March",
                "line", "Jane runs demand planning at Northwind and loves talking about forecasts.",
                "mayMention", true));
        model.put("history", List.of(
                map("date", "3 March 2024", "direction", "in", "subject", "Re: coffee next week?",
                        "excerpt", "Happy to meet; Tuesday morning works for me."),
                map("date", "1 March 2024", "direction", "out", "subject", "Introduction from Paul",
                        "excerpt", "Paul Martin suggested I get in touch with you.")));
        model.put("earlier", List.of(map("date", "12 January 2024", "contactName", "Ahmed Benali",
                "organization", "Northwind Freight")));
        model.put("keywords", List.of("replenishment", "forecast", "safety stock"));
        model.put("vocabulary", map("enough", true, "terms", List.of(
                map("term", "replenishment", "context", "our replenishment runs every night"),
                map("term", "S&OP", "context", "the monthly S&OP meeting decides it"),
                map("term", "safety stock", "context", ""))));
        model.put("questions", List.of("How did you come to be doing this work? What was your path?",
                "What do you enjoy most in your work?"));
        model.put("notes", map(
                "present", true,
                "points", List.of("Forecasts are revised every Monday with the sales team",
                        "SQL matters more than Python in her team"),
                "leads", List.of("Look at the APICS demand planning course",
                        "Join the Lyon supply-chain meetup"),
                "names", List.of(
                        map("name", "Lucas Petit", "email", "lucas@example.com", "mayContact", true, "mayMention", true),
                        map("name", "Sara Costa", "email", "", "mayContact", true, "mayMention", false)),
                "article", "https://example.org/articles/forecasting-in-practice"));
        model.put("letter", map("greeting", "Hi Jane,", "formal", false, "day", "today", "written", true,
                "learned", List.of("You explained that forecasts are revised every Monday with the sales team.",
                        "You also made the point that SQL matters more than Python in your team."),
                "leads", List.of("As you suggested, I will look at the APICS demand planning course.",
                        "I will also join the Lyon supply-chain meetup."),
                "names", List.of("Thank you also for suggesting I talk to Lucas Petit and Sara Costa. I will get in touch with each of them "
                        + "and let you know how it goes."),
                "article", "I came across this article after we spoke and thought of you: https://example.org/articles/forecasting-in-practice",
                "nextSteps", List.of("Next, I plan to take the APICS course."), "leftOut", List.of()));
        model.put("met", List.of(map("name", "Lucas Petit", "date", "20 March 2024")));
        model.put("keepPosted", map("number", 1, "weeksSince", 3));
        model.put("news", map("written", true,
                "meetings", List.of("I met Lucas Petit, whom you suggested, on 20 March; Lucas in turn suggested I talk to Nora Blanc, "
                        + "whom I met on 2 April."),
                "steps", List.of("I signed up for the APICS demand planning course."),
                "articles", List.of("Nora also pointed me to an article you may find interesting: https://example.org/s-and-op"),
                "standing", "My goal is still the same. I would like to move from logistics into demand planning. "
                        + "So far I have held 3 information interviews.",
                "leftOut", List.of()));
        model.put("warnings", List.of());
        model.put("prep", map("minutes", 30));
        model.put("debrief", map("replyHint", "Just reply to this message; rebond reads it within a few minutes."));
        return model;
    }

    /** As little as the lead may send: no referrer, empty lists, no notes, empty optional strings. */
    public static Map<String, Object> minimal() {
        Map<String, Object> model = new HashMap<>();
        model.put("user", map("name", "Marie Lambert", "email", "marie@example.org", "objective", "", "objectiveSentence", "",
                "pitch", "", "signature", "", "questions", List.of()));
        model.put("interview", map("id", 7L, "ordinal", 1, "held", 0, "summary", "", "relative", "", "subjectDay", "",
                "when", "Friday 8 March 2024, 14:00",
                "date", "8 March 2024", "startTime", "14:00", "endTime", "14:20", "durationMinutes", 20,
                "location", "", "floating", false, "zoneUnknown", false, "longMeeting", false, "organization", ""));
        model.put("contact", map("name", "Jane Roe", "firstName", "", "email", "jane@example.org", "title", "", "organization", "",
                "phone", "", "senior", false, "circle", "", "profiles", List.of(), "research", List.of()));
        model.put("caution", map("show", false, "namesToSeeFirst", List.of()));
        model.put("referrer", null);
        model.put("history", List.of());
        model.put("earlier", List.of());
        model.put("keywords", List.of());
        model.put("vocabulary", map("enough", false, "terms", List.of()));
        model.put("questions", List.of());
        model.put("notes", map("present", false, "points", List.of(), "leads", List.of(), "names", List.of(),
                "article", ""));
        model.put("letter", map("greeting", "Dear Jane Roe,", "formal", true, "day", "on 8 March", "written", false,
                "learned", List.of(), "leads", List.of(), "names", List.of(), "article", "", "nextSteps", List.of(), "leftOut", List.of()));
        model.put("met", List.of());
        model.put("keepPosted", map("number", 1, "weeksSince", 0));
        model.put("news", map("written", false, "meetings", List.of(), "steps", List.of(), "articles", List.of(), "standing", "",
                "leftOut", List.of()));
        model.put("warnings", List.of());
        model.put("prep", map("minutes", 15));
        model.put("debrief", map("replyHint", ""));
        return model;
    }

    /** A copy of {@code model} with {@code value} at a dotted path such as {@code contact.name}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> model, String path, Object value) {
        Map<String, Object> copy = deepCopy(model);
        String[] keys = path.split("\\.");
        Map<String, Object> target = copy;
        for (int i = 0; i < keys.length - 1; i++) {
            target = (Map<String, Object>) target.get(keys[i]);
        }
        target.put(keys[keys.length - 1], value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> model) {
        Map<String, Object> copy = new HashMap<>();
        model.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : value));
        return copy;
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static List<Object> listOf(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
