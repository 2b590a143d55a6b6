package org.rebond.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rebond.application.MessageHistory.SeenMessage;
import org.rebond.compose.TemplateComposer;
import org.rebond.compose.Templates;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Policy;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * How long a brief takes to render for a contact with 1,000 messages of history in a mailbox of
 * 5,000, vocabulary included: the composer, the real templates and a real SQLite file, as the daemon
 * runs them. Prints {@code key value} lines; a figure, not a timed test.
 *
 * <pre>mvn -B -ntp verify -Pbench -Dit.test=BriefBench</pre>
 */
class BriefBench {

    private static final String USER = "alex.martin@example.net";
    private static final String CONTACT = "marc.lefevre@medinova.example";
    private static final int CONTACT_MESSAGES = 1000;
    private static final int OTHER_MESSAGES = 4000;
    private static final int WARM_UP = 50;
    private static final int MEASURED = 200;

    private static final String[] TRADE = {
        "We moved the remote monitoring module to FHIR resources last spring, and the HDS hosting audit took a month.",
        "CE marking for a medical device is half the product manager's job here: the clinical evaluation never stops.",
        "Patient pathways are where telehealth wins or loses; we map them with nurses before any sprint.",
        "Our discovery sprints start with ten interviews of care teams, then a prototype in the telehealth app.",
        "Interoperability with hospital records goes through FHIR APIs and an HL7 gateway we maintain.",
        "The regulatory lead reviews every change to the medical device software before release."};
    private static final String[] ORDINARY = {
        "Thanks for your message, I will get back to you next week.", "Are you free on Thursday for a coffee?",
        "The team is busy this month but we can find twenty minutes.", "Here are the photos from the weekend.",
        "Your monthly statement is available in your account.", "Twenty things to do in the city this weekend.",
        "Please find attached the minutes of the meeting.", "Happy birthday! Let's celebrate on Saturday.",
        "The running club meets at 7 pm, same place as usual.", "I gladly accept the invitation, see you there."};

    @Test
    void aBriefForAContactWithAThousandMessagesRendersQuickly() throws Exception {
        Path dir = Files.createTempDirectory("rebond-brief-bench");
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            SqlMessageHistory history = new SqlMessageHistory(db, Set.of(USER));
            Random random = new Random(14);
            List<SeenMessage> messages = new ArrayList<>();
            for (int i = 0; i < CONTACT_MESSAGES + OTHER_MESSAGES; i++) {
                boolean fromContact = i % 5 == 0;
                String from = fromContact ? CONTACT : "person" + (i % 300) + "@example.org";
                String text = paragraph(random, fromContact ? TRADE : ORDINARY, fromContact) + "\n\n--\n"
                        + (fromContact ? "Marc Lefèvre\nSenior Product Manager, Medinova\n+33 6 12 34 56 78" : "Someone");
                messages.add(new SeenMessage("INBOX", 1, i + 1, "<m" + i + "@example.org>", "", List.of(),
                        now.minus(Duration.ofHours(CONTACT_MESSAGES + OTHER_MESSAGES - i)), from, fromContact ? "Marc Lefèvre" : "",
                        List.of(USER), "Subject " + i, text.lines().findFirst().orElse(""), text));
            }
            history.recordAll(messages);
            SqlInterviewStore store = new SqlInterviewStore(db, clock);
            Instant start = now.plus(Duration.ofHours(24));
            Interview interview = store.save(new Interview(0, "iv@medinova.example", "", 0, null, Interview.State.SCHEDULED, start,
                    start.plus(Duration.ofMinutes(30)), "Europe/Paris", false, "Information interview", "Video call", CONTACT,
                    new Interview.Person(CONTACT, "Marc Lefèvre"), null, "bench", "<m0@example.org>"));
            RebondConfig.Profile profile = new RebondConfig.Profile("Alex Martin", List.of(USER), Locale.ENGLISH, ZoneId.of("Europe/Paris"),
                    "move into product management in digital health", "Six years of hospital projects", List.of(), "Alex");
            TemplateComposer composer = new TemplateComposer(new Templates(null, Path.of("templates")), profile, Policy.defaults(), store,
                    history, new NotesParser(), new VocabularyFinder(), "Drafts", clock);

            long first = System.nanoTime();
            composer.render(interview, Action.BRIEF);
            double firstMs = (System.nanoTime() - first) / 1e6;
            for (int i = 0; i < WARM_UP; i++) {
                composer.render(interview, Action.BRIEF);
            }
            double[] times = new double[MEASURED];
            String text = "";
            for (int i = 0; i < MEASURED; i++) {
                long t0 = System.nanoTime();
                text = composer.render(interview, Action.BRIEF).text();
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "brief_history_messages %d%n", CONTACT_MESSAGES);
            System.out.printf(Locale.ROOT, "brief_mailbox_messages %d%n", CONTACT_MESSAGES + OTHER_MESSAGES);
            System.out.printf(Locale.ROOT, "brief_render_first_ms %.1f%n", firstMs);
            System.out.printf(Locale.ROOT, "brief_render_median_ms %.1f%n", times[MEASURED / 2]);
            System.out.printf(Locale.ROOT, "brief_render_p95_ms %.1f%n", times[(int) Math.ceil(MEASURED * 0.95) - 1]);
            VocabularyFinder finder = new VocabularyFinder();
            org.rebond.vocabulary.Background background = finder.background(history.samples(2000));
            List<String> contactTexts = history.with(CONTACT, 50).stream().map(SeenMessage::sample).toList();
            for (int i = 0; i < WARM_UP; i++) {
                finder.find(contactTexts, background, Locale.ENGLISH, List.of("Marc Lefèvre"), 12);
            }
            double[] vocabularyTimes = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long t0 = System.nanoTime();
                finder.find(contactTexts, background, Locale.ENGLISH, List.of("Marc Lefèvre"), 12);
                vocabularyTimes[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(vocabularyTimes);
            System.out.printf(Locale.ROOT, "brief_vocabulary_p95_ms %.1f%n", vocabularyTimes[(int) Math.ceil(MEASURED * 0.95) - 1]);
            String vocabulary = text.substring(text.indexOf("THEIR VOCABULARY"), text.indexOf("WHAT YOU ALREADY KNOW"));
            System.out.println("brief_vocabulary " + vocabulary.lines().skip(2).map(l -> l.replaceFirst("^- ", "").replaceFirst(":.*", ""))
                    .filter(l -> !l.isBlank()).toList());
        }
    }

    private static String paragraph(Random random, String[] pool, boolean trade) {
        StringBuilder out = new StringBuilder(trade ? "Hello Alex,\n\n" : "Hi,\n\n");
        int sentences = 3 + random.nextInt(5);
        for (int i = 0; i < sentences; i++) {
            out.append(pool[random.nextInt(pool.length)]).append(' ');
            if (random.nextInt(3) == 0) {
                out.append(ORDINARY[random.nextInt(ORDINARY.length)]).append(' ');
            }
        }
        return out.toString().strip();
    }
}
