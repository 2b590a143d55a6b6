package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.compose.SampleModels.map;
import static org.rebond.compose.SampleModels.with;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rebond.domain.NotesParser;

/** What each bundled message says, against METHOD M1 to M7. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MessageContentTest {

    private static final Pattern FILL_IN = Pattern.compile("\\[\\[ [^\\]]+ ]]");

    private final Templates templates = new Templates(null, Path.of("templates"));
    private final NotesParser notesParser = new NotesParser();

    /** Rendered, with French no-break spaces read as spaces (their placement has its own test). */
    private RenderedMessage render(String message, Locale language, Map<String, Object> model) {
        RenderedMessage m = templates.render(message, language, model);
        return new RenderedMessage(m.subject().replace('\u00a0', ' '), m.text().replace('\u00a0', ' '), m.html().replace('\u00a0', ' '));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({"1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "11, 11th", "12, 12th", "13, 13th", "21, 21st", "22, 22nd",
            "23, 23rd", "101, 101st", "111, 111th", "112, 112th"})
    void the_brief_says_which_interview_this_is_with_english_ordinals(int ordinal, String expected) {
        RenderedMessage brief = render("brief", Locale.ENGLISH, with(SampleModels.full(), "interview.ordinal", ordinal));

        assertThat(brief.subject()).startsWith("Jane Roe, Tue 5 Mar, 10:00: prep for your " + expected + " information interview");
        assertThat(brief.text()).contains("This will be your " + expected + " information interview");
        assertThat(brief.html()).contains("<strong>" + expected + "</strong> information interview");
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({"1, 1er", "2, 2e", "3, 3e", "11, 11e", "21, 21e"})
    void the_brief_says_which_interview_this_is_with_french_ordinals(int ordinal, String expected) {
        RenderedMessage brief = render("brief", Locale.FRENCH, with(SampleModels.full(), "interview.ordinal", ordinal));

        assertThat(brief.subject()).startsWith("Jane Roe, Tue 5 Mar, 10:00 : préparation de votre " + expected + " entretien d'information");
        assertThat(brief.text()).contains("Ce sera votre " + expected + " entretien d'information");
    }

    @Test
    void the_brief_counts_the_interviews_already_held_with_the_right_plural() {
        assertThat(render("brief", Locale.ENGLISH, with(with(SampleModels.full(), "interview.ordinal", 3), "interview.held", 2)).text())
                .contains("This will be your 3rd information interview (2 held so far).");
        assertThat(render("brief", Locale.FRENCH, with(with(SampleModels.full(), "interview.ordinal", 2), "interview.held", 1)).text())
                .contains("Ce sera votre 2e entretien d'information (1 déjà mené).");
        assertThat(render("brief", Locale.FRENCH, with(with(SampleModels.full(), "interview.ordinal", 3), "interview.held", 2)).text())
                .contains("(2 déjà menés)");
        assertThat(render("brief", Locale.ENGLISH, with(SampleModels.minimal(), "interview.durationMinutes", 1)).text())
                .contains("(1 minute)").doesNotContain("1 minutes");
    }

    @ParameterizedTest(name = "caution {0}, names given earlier {1}")
    @CsvSource({"true, true", "true, false", "false, false"})
    void the_senior_caution_names_the_title_and_suggests_whom_to_see_first(boolean shown, boolean namesGiven) {
        Map<String, Object> model = with(SampleModels.full(), "caution", SampleModels.map("show", shown,
                "namesToSeeFirst", namesGiven ? List.of("Lucas Petit", "Sara Costa") : List.of()));
        model = with(with(model, "contact.title", "Director of Operations"), "contact.senior", true);

        RenderedMessage english = render("brief", Locale.ENGLISH, model);
        RenderedMessage french = render("brief", Locale.FRENCH, model);

        assertThat(english.text().contains("CAUTION: A SENIOR CONTACT, EARLY IN YOUR SEQUENCE\nJane's title, \"Director of Operations\", reads senior"))
                .isEqualTo(shown);
        assertThat(english.html().contains("<strong>Caution: a senior contact, early in your sequence.</strong>")).isEqualTo(shown);
        assertThat(french.text().contains("La fonction de Jane, « Director of Operations », laisse penser")).isEqualTo(shown);
        assertThat(english.text().contains("Consider seeing Lucas Petit or Sara Costa first")).isEqualTo(shown && namesGiven);
        assertThat(french.text().contains("Envisagez de voir d'abord Lucas Petit ou Sara Costa")).isEqualTo(shown && namesGiven);
        assertThat(english.text().contains("someone who has held the role you are aiming for")).isEqualTo(shown && !namesGiven);
    }

    @Test
    void the_brief_opens_with_the_referrer_the_information_only_intention_the_twenty_minutes_and_the_objective() {
        String english = render("brief", Locale.ENGLISH, SampleModels.full()).text();
        String french = render("brief", Locale.FRENCH, SampleModels.full()).text();

        assertThat(english).contains("Paul Martin put us in touch.", "anything other than information",
                "about twenty minutes", "The direction I am exploring is moving from logistics into supply-chain data analysis. I am checking",
                "Paul Martin introduced you on 3 March: \"Jane runs demand planning at Northwind");
        assertThat(french).contains("C'est Paul Martin qui nous a mis en relation.", "que de l'information",
                "une vingtaine de minutes", "Paul Martin vous a mis en relation le 3 March : « Jane runs demand planning");
    }

    @Test
    void a_name_suggested_without_permission_to_mention_stays_out_of_the_opening() {
        Map<String, Object> model = with(with(SampleModels.full(), "referrer.how", "suggested"), "referrer.mayMention", false);
        String english = render("brief", Locale.ENGLISH, model).text();
        String french = render("brief", Locale.FRENCH, model).text();

        assertThat(english).contains("Paul Martin suggested you contact Jane when you met on 3 March.",
                "did not say you may mention them").doesNotContain("Paul Martin suggested I talk to you");
        assertThat(french).contains("Paul Martin vous a suggéré de contacter Jane", "ne mentionnez pas son nom")
                .doesNotContain("C'est Paul Martin qui m'a conseillé");
        assertThat(render("brief", Locale.ENGLISH, with(model, "referrer.mayMention", true)).text())
                .contains("Paul Martin suggested I talk to you.");
    }

    @Test
    void without_a_referrer_the_brief_says_the_contact_was_approached_directly() {
        assertThat(render("brief", Locale.ENGLISH, SampleModels.minimal()).text())
                .contains("Nobody introduced you").contains("about twenty minutes").doesNotContain("suggested I talk to you");
        assertThat(render("brief", Locale.FRENCH, SampleModels.minimal()).text())
                .contains("Personne ne vous a présenté(e)").contains("une vingtaine de minutes");
    }

    @Test
    void the_brief_ends_with_a_direct_and_an_indirect_ask_for_names_and_the_three_permissions() {
        String english = render("brief", Locale.ENGLISH, SampleModels.minimal()).text();
        String french = render("brief", Locale.FRENCH, SampleModels.minimal()).text();

        assertThat(english).contains("Ask directly:", "Or indirectly:", "two or three people",
                "1. \"May I note their names?\"", "2. \"May I get in touch with them?\"", "3. \"May I say that you suggested it?\"");
        assertThat(french).contains("Demande directe :", "Ou indirecte :", "deux ou trois personnes",
                "1. « Puis-je noter leurs noms ? »", "2. « Puis-je les contacter ? »",
                "3. « Puis-je leur dire que c'est vous qui me l'avez suggéré ? »");
        assertThat(english.indexOf("TWO OR THREE NAMES")).isGreaterThan(english.indexOf("QUESTIONS THAT GET"));
    }

    @Test
    void the_brief_gathers_history_earlier_interviews_keywords_questions_and_the_pitch() {
        String text = render("brief", Locale.ENGLISH, SampleModels.full()).text();

        assertThat(text).contains(
                "3 March 2024, Jane wrote: \"Re: coffee next week?\": Happy to meet",
                "1 March 2024, you wrote: \"Introduction from Paul\"",
                "12 January 2024 with Ahmed Benali",
                "- replenishment: \"our replenishment runs every night\"\n- S&OP: \"the monthly S&OP meeting decides it\"\n- safety stock\n",
                "On linkedin.com: https://www.linkedin.com/in/jane-roe-demand",
                "- Northwind Freight's site: https://northwind.example/",
                "What do you enjoy most in your work?",
                "- Which tools does your team use for demand forecasting?",
                "Eight years running warehouse operations",
                "Senior demand planner, Northwind Freight", "Phone: +33 1 23 45 67 89", "Café Lumière");
        assertThat(text.indexOf("Which tools does your team use"))
                .as("the user's own questions come first").isLessThan(text.indexOf("How did you come to be doing this work?"));
        assertThat(text).contains("TOMORROW AT 10:00".toLowerCase(Locale.ROOT).replace("tomorrow", "Tomorrow") + " (5 March 2024)");
    }

    @Test
    void the_brief_remarks_on_a_long_meeting_a_floating_time_and_an_unknown_zone() {
        Map<String, Object> model = with(with(with(with(SampleModels.full(),
                "interview.longMeeting", true), "interview.durationMinutes", 90),
                "interview.floating", true), "interview.zoneUnknown", true);

        String english = render("brief", Locale.ENGLISH, model).text();
        String french = render("brief", Locale.FRENCH, model).text();

        assertThat(english).contains("booked for 90 minutes", "no time zone", "time zone was not recognised");
        assertThat(french).contains("prévu pour 90 minutes", "pas de fuseau horaire", "n'a pas été reconnu");
        assertThat(render("brief", Locale.ENGLISH, SampleModels.full()).text())
                .doesNotContain("booked for", "no time zone", "not recognised");
    }

    @Test
    void warnings_are_shown_visibly_in_the_brief() {
        String warning = "Your notes for Jane Roe ask for a job: \"could you pass on my CV\". The draft was left as you wrote it.";
        Map<String, Object> model = with(SampleModels.full(), "warnings", List.of(warning));

        RenderedMessage english = render("brief", Locale.ENGLISH, model);

        assertThat(english.text()).contains("PLEASE CHECK\n!! Your notes for Jane Roe ask for a job");
        assertThat(english.html()).contains("<strong>Please check</strong>").contains("could you pass on my CV");
        // The only job-request wording in the brief is the warning's, which quotes the user.
        assertThat(notesParser.jobRequestPhrases(english.text(), Locale.ENGLISH))
                .isNotEmpty()
                .isEqualTo(notesParser.jobRequestPhrases(warning, Locale.ENGLISH));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("org.rebond.compose.TemplatesTest#every_message_in_every_language")
    void no_message_asks_for_a_job_or_mentions_a_cv_or_an_opening(String message, Locale language) {
        for (Map<String, Object> model : List.of(SampleModels.full(), SampleModels.minimal(), Map.<String, Object>of())) {
            RenderedMessage rendered = render(message, language, model);
            String all = rendered.subject() + "\n" + rendered.text() + "\n" + rendered.html();

            assertThat(notesParser.jobRequestPhrases(all, language)).as(message + " " + language).isEmpty();
        }
    }

    @Test
    void the_thank_you_puts_the_sentences_written_from_the_notes_in_paragraphs_between_greeting_and_signature() {
        String text = render("thank-you", Locale.ENGLISH, SampleModels.full()).text();

        assertThat(text).startsWith("Hi Jane,\n\nThank you for taking the time to talk with me today; I learned a great deal.\n\n"
                        + "You explained that forecasts are revised every Monday with the sales team. You also made the point")
                .contains("\n\nAs you suggested, I will look at the APICS demand planning course. I will also join",
                        "\n\nNext, I plan to take the APICS course. I will keep you posted.\n\nThanks again,\nMarie Lambert")
                .doesNotContain("[[", "- ", "Dear");
        assertThat(render("thank-you", Locale.FRENCH, with(SampleModels.full(), "letter.day", "hier")).text())
                .startsWith("Hi Jane,\n\nMerci d'avoir pris le temps d'échanger avec moi hier ; j'en ai beaucoup appris.");
    }

    @Test
    void a_formal_greeting_gets_a_formal_closing() {
        Map<String, Object> model = with(with(SampleModels.full(), "letter.greeting", "Dear Jane Roe,"), "letter.formal", true);

        assertThat(render("thank-you", Locale.ENGLISH, model).text()).contains("Best regards,\nMarie Lambert");
        assertThat(render("thank-you", Locale.FRENCH, model).text()).contains("Bien cordialement,\nMarie Lambert");
    }

    @Test
    void the_thank_you_without_notes_has_marked_places_to_fill_and_is_never_flat() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            RenderedMessage thanks = render("thank-you", language, SampleModels.minimal());

            assertThat(fillIns(thanks.text())).as(language.toString()).hasSize(3);
            assertThat(fillIns(thanks.html())).as(language.toString()).hasSize(3);
            assertThat(thanks.html()).contains("<span style=\"background:#fff3b0");
            assertThat(thanks.text()).contains("Dear Jane Roe,", "on 8 March", "Marie Lambert");
        }
        assertThat(render("thank-you", Locale.ENGLISH, SampleModels.minimal()).text())
                .contains("[[ one or two sentences on what struck you most", "[[ a lead they gave you",
                        "[[ thank them for each name they gave you");
    }

    @Test
    void the_first_keep_posted_opens_differently_from_later_ones() {
        Map<String, Object> second = with(SampleModels.full(), "keepPosted", map("number", 2, "weeksSince", 8));

        RenderedMessage firstEnglish = render("keep-posted", Locale.ENGLISH, SampleModels.full());
        RenderedMessage secondEnglish = render("keep-posted", Locale.ENGLISH, second);
        RenderedMessage firstFrench = render("keep-posted", Locale.FRENCH, SampleModels.full());
        RenderedMessage secondFrench = render("keep-posted", Locale.FRENCH, second);

        assertThat(firstEnglish.subject()).isNotEqualTo(secondEnglish.subject());
        assertThat(firstEnglish.text()).contains("It has been 3 weeks since our conversation on 5 March 2024");
        assertThat(secondEnglish.text()).contains("As promised, here is some more news", "8 weeks after our conversation");
        assertThat(firstFrench.subject()).isNotEqualTo(secondFrench.subject());
        assertThat(firstFrench.text()).contains("Voilà 3 semaines que nous avons échangé");
        assertThat(secondFrench.text()).contains("Comme promis, voici d'autres nouvelles", "8 semaines après notre échange");
    }

    @Test
    void keep_posted_tells_the_news_in_sentences_and_marks_the_one_place_to_fill_when_there_is_none() {
        String full = render("keep-posted", Locale.ENGLISH, SampleModels.full()).text();
        String fullHtml = render("keep-posted", Locale.ENGLISH, SampleModels.full()).html();
        String minimal = render("keep-posted", Locale.FRENCH, SampleModels.minimal()).text();

        assertThat(full).contains("I met Lucas Petit, whom you suggested, on 20 March; Lucas in turn suggested I talk to Nora Blanc, "
                        + "whom I met on 2 April.", "\n\nI signed up for the APICS demand planning course.",
                "\n\nNora also pointed me to an article", "\n\nMy goal is still the same. I would like to move from logistics")
                .doesNotContain("[[", "\n- ");
        assertThat(fullHtml).contains("<p>I met Lucas Petit, whom you suggested, on 20 March;").doesNotContain("[[");
        assertThat(minimal).contains("[[ rien de nouveau n'a été noté depuis votre dernier message")
                .doesNotContain("Mon objectif");
    }

    @Test
    void the_debrief_prompt_asks_for_short_private_notes_with_an_outline_the_parser_reads() {
        String english = render("debrief-prompt", Locale.ENGLISH, SampleModels.full()).text();
        String french = render("debrief-prompt", Locale.FRENCH, SampleModels.full()).text();

        assertThat(english).contains("Reply to this message", "stay private", "Drafts folder",
                "Points discussed:\n- ", "Leads:\n- ", "Names (", "Article (", "may contact", "may mention",
                "Just reply to this message; rebond reads it");
        assertThat(french).contains("Répondez à ce message", "restent privées", "Brouillons",
                "Points abordés :\n- ", "Pistes :\n- ", "Noms (", "Article (", "ok contacter", "ok citer");
    }

    private static List<String> fillIns(String body) {
        Matcher m = FILL_IN.matcher(body);
        return m.results().map(r -> r.group()).toList();
    }
}
