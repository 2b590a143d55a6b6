package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.compose.SampleModels;
import org.rebond.compose.Templates;
import org.rebond.domain.DebriefNotes.NameGiven;

/** Reading the user's debrief reply (METHOD M5, M7) and spotting job requests in it (M1). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NotesParserTest {

    private final NotesParser parser = new NotesParser();

    @Test
    void an_english_reply_gives_points_leads_names_with_permissions_and_the_article() throws IOException {
        DebriefNotes notes = parser.parse(resource("reply-en.txt"));

        assertThat(notes.points()).containsExactly(
                "Forecasts are revised every Monday with the sales team",
                "SQL matters more than Python in her team",
                "The hardest part is explaining uncertainty to managers");
        assertThat(notes.leads()).containsExactly("Look at the APICS demand planning course", "Join the Lyon supply-chain meetup");
        assertThat(notes.names()).containsExactly(
                new NameGiven("Lucas Petit", "lucas.petit@example.com", true, true),
                new NameGiven("Sara Costa", "sara@example.org", true, false),
                new NameGiven("Tom Baker", "", false, false));
        assertThat(notes.article()).isEqualTo("https://example.org/articles/forecasting-in-practice");
    }

    @Test
    void a_french_reply_with_accented_capital_headings_and_its_quoted_original_is_read() throws IOException {
        DebriefNotes notes = parser.parse(resource("reply-fr.txt"));

        assertThat(notes.points()).containsExactly(
                "Les prévisions sont revues chaque lundi avec l'équipe commerciale",
                "Le SQL compte plus que Python dans son équipe");
        assertThat(notes.leads()).containsExactly(
                "Regarder la formation en planification de la demande", "Aller au meetup supply chain de Lyon");
        assertThat(notes.names()).containsExactly(
                new NameGiven("Jeanne Roe", "jeanne@x.org", true, true),
                new NameGiven("Karim Haddad", "karim@exemple.fr", true, false),
                new NameGiven("Élodie Martin", "", false, false));
        assertThat(notes.article()).isEqualTo("https://exemple.fr/article?id=12");
        assertThat(notes.points()).noneMatch(p -> p.contains("un point cité"));
    }

    @Test
    void bullets_without_a_heading_are_points() {
        DebriefNotes notes = parser.parse("- first thing\n- second thing\n\nthanks\n");

        assertThat(notes.points()).containsExactly("first thing", "second thing");
        assertThat(notes.leads()).isEmpty();
    }

    @Test
    void quoted_lines_and_everything_after_a_signature_separator_are_ignored() {
        DebriefNotes notes = parser.parse("> - quoted point\n- real point\n--\n- signature point\n");

        assertThat(notes.points()).containsExactly("real point");
    }

    @Test
    void a_heading_may_carry_its_item_on_the_same_line() {
        DebriefNotes notes = parser.parse("Pistes : voir le salon de mars\nArticle: not a link, just a title\n");

        assertThat(notes.leads()).containsExactly("voir le salon de mars");
        assertThat(notes.article()).isEqualTo("not a link, just a title");
    }

    @Test
    void permissions_are_recognised_in_both_languages_and_a_negation_turns_them_off() {
        assertThat(NotesParser.nameOf("Ana Lopes <ana@x.org> - ok contacter, ne pas citer"))
                .isEqualTo(new NameGiven("Ana Lopes", "ana@x.org", true, false));
        assertThat(NotesParser.nameOf("Ben Ito, ben@x.org, pas contacter, peut dire que c'est de sa part"))
                .isEqualTo(new NameGiven("Ben Ito", "ben@x.org", false, true));
        assertThat(NotesParser.nameOf("Cy Dorn - contact: no, mention: yes"))
                .isEqualTo(new NameGiven("Cy Dorn", "", false, true));
        assertThat(NotesParser.nameOf("Dee Fox <DEE@X.ORG> may write to her and say Jane suggested it"))
                .isEqualTo(new NameGiven("Dee Fox", "dee@x.org", true, true));
    }

    /** A name line, then what it grants: may note, may contact, may mention, will introduce. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sophie Martin <sophie@x.fr> — ok to contact, ok to say I come from Marc          | Sophie Martin | sophie@x.fr | true  | true  | true  | false
            Sophie Martin, sophie@x.fr (peut la contacter, pas me recommander de sa part)    | Sophie Martin | sophie@x.fr | true  | true  | false | false
            Paul Roy - no note, may contact                                                  | Paul Roy      |             | false | true  | false | false
            Paul Roy : ne pas noter son nom, ne pas le contacter                             | Paul Roy      |             | false | false | false | false
            Paul Roy — off the record                                                        | Paul Roy      |             | false | false | false | false
            Lina Park <lina@x.org> — will introduce me by email                              | Lina Park     | lina@x.org  | true  | false | false | true
            Lina Park <lina@x.org>: introduction by email, may mention Marc                  | Lina Park     | lina@x.org  | true  | false | true  | true
            Lina Park — won't introduce me, but I may write to her                           | Lina Park     |             | true  | true  | false | false
            Léa Roux <lea@x.fr> — va me présenter                                            | Léa Roux      | lea@x.fr    | true  | false | false | true
            Léa Roux — me met en relation, ok citer                                          | Léa Roux      |             | true  | false | true  | true
            Léa Roux, fera l'intro par mail                                                  | Léa Roux      |             | true  | false | false | true
            Léa Roux — ne fera pas l'intro, mais ok pour la contacter                        | Léa Roux      |             | true  | true  | false | false
            Ivo Kim - no problem to contact him, don't mention Marc                          | Ivo Kim       |             | true  | true  | false | false
            Ivo Kim — n'hésitez pas à le contacter de ma part                                | Ivo Kim       |             | true  | true  | true  | false
            Ivo Kim - don't contact or mention him yet                                       | Ivo Kim       |             | true  | false | false | false
            Ivo Kim - ni contacter ni citer                                                  | Ivo Kim       |             | true  | false | false | false
            Ivo Kim - may contact him without mentioning Marc                                | Ivo Kim       |             | true  | true  | false | false
            Ivo Kim - can contact, shouldn't mention                                         | Ivo Kim       |             | true  | true  | false | false
            Ivo Kim - contact: no, mention: yes                                              | Ivo Kim       |             | true  | false | true  | false
            Ivo Kim — pas de souci pour le contacter, elle préfère ne pas être citée          | Ivo Kim       |             | true  | true  | false | false
            Ivo Kim — may note, not contact                                                  | Ivo Kim       |             | true  | false | false | false
            Ivo Kim                                                                          | Ivo Kim       |             | true  | false | false | false
            """)
    void a_name_line_grants_what_it_says_in_either_language_and_negations_take_it_back(
            String line, String name, String email, boolean mayNote, boolean mayContact, boolean mayMention, boolean introduces) {
        assertThat(parser.parse("Names:\n- " + line + "\n").names())
                .containsExactly(new NameGiven(name, email == null ? "" : email, mayNote, mayContact, mayMention, introduces));
    }

    /** A heading as users write it, and the section its item lands in. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Points discussed:               | points
            **Points abordés** :            | points
            ## Leads                        | leads
            Pistes suggérées :              | leads
            Next steps:                     | next
            NEXT STEPS (what I will do):    | next
            **Prochaines étapes**           | next
            Prochaine étape :               | next
            À faire :                       | next
            A faire                         | next
            To do:                          | next
            # Article                       | article
            Liens :                         | article
            """)
    void a_heading_with_or_without_colon_markdown_or_bold_chooses_the_section(String heading, String section) {
        DebriefNotes notes = parser.parse(heading + "\n- https://example.org/item\n");

        List<String> items = switch (section) {
            case "points" -> notes.points();
            case "leads" -> notes.leads();
            case "next" -> notes.nextSteps();
            default -> List.of(notes.article());
        };
        assertThat(items).containsExactly("https://example.org/item");
    }

    @Test
    void next_steps_are_read_under_a_heading_with_any_bullet_a_number_or_none() {
        DebriefNotes notes = parser.parse("""
                Prochaines étapes :
                • écrire à Léa avant vendredi
                2) relire le guide de la HAS
                – m'inscrire au meetup
                Points:
                - one point
                """);

        assertThat(notes.nextSteps()).containsExactly("écrire à Léa avant vendredi", "relire le guide de la HAS", "m'inscrire au meetup");
        assertThat(notes.points()).containsExactly("one point");
    }

    @Test
    void a_filled_example_copied_with_the_outline_is_not_taken_for_the_users_notes() {
        DebriefNotes notes = parser.parse("""
                Points discussed:
                - my own point

                Example of a filled reply:
                Points discussed:
                - Clinicians review every release
                """);

        assertThat(notes.points()).containsExactly("my own point");
        assertThat(parser.parse("Exemple de réponse remplie :\n- un point d'exemple\n")).isEqualTo(DebriefNotes.NONE);
    }

    @Test
    void items_are_capped_in_number_and_length_and_control_characters_are_removed() {
        StringBuilder reply = new StringBuilder("Points:\n");
        for (int i = 0; i < 80; i++) {
            reply.append("- point ").append(i).append('\n');
        }
        reply.append("Leads:\n- ").append("x".repeat(2_000)).append('\n');
        reply.append("- bell\u0007 and \u202Ereversed\u200B text\n");

        DebriefNotes notes = parser.parse(reply.toString());

        assertThat(notes.points()).hasSize(NotesParser.MAX_ITEMS);
        assertThat(notes.leads().get(0)).hasSize(NotesParser.MAX_ITEM_CHARS);
        assertThat(notes.leads().get(1)).isEqualTo("bell and reversed text");
    }

    @Test
    void an_empty_reply_or_an_untouched_outline_gives_no_notes() {
        Templates templates = new Templates(null, Path.of("templates"));
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            String prompt = templates.render("debrief-prompt", language, SampleModels.full()).text();

            assertThat(parser.parse(prompt)).as(language.toString()).isEqualTo(DebriefNotes.NONE);
        }
        assertThat(parser.parse("")).isEqualTo(DebriefNotes.NONE);
        assertThat(parser.parse(null)).isEqualTo(DebriefNotes.NONE);
    }

    @Test
    void the_outline_of_the_debrief_prompt_filled_in_is_read_back() {
        Templates templates = new Templates(null, Path.of("templates"));
        String prompt = templates.render("debrief-prompt", Locale.FRENCH, SampleModels.full()).text();
        // The French outline keeps its no-break spaces before ":", as the user's mail client quotes it.
        String filled = prompt
                .replace("Points abordés\u00a0:\n- ", "Points abordés\u00a0:\n- le métier évolue vite")
                .replace("Pistes\u00a0:\n- ", "Pistes\u00a0:\n- lire le rapport annuel")
                .replaceFirst("(Noms \\(.*\\)\u00a0:\\n)- ", "$1- Jeanne Roe, jeanne@x.org, ok contacter, ok citer")
                .replaceFirst("(Article \\(.*\\)\u00a0:\\n)- ", "$1- https://exemple.fr/a");

        DebriefNotes notes = parser.parse(filled);

        assertThat(notes.points()).containsExactly("le métier évolue vite");
        assertThat(notes.leads()).containsExactly("lire le rapport annuel");
        assertThat(notes.names()).containsExactly(new NameGiven("Jeanne Roe", "jeanne@x.org", true, true));
        assertThat(notes.article()).isEqualTo("https://exemple.fr/a");
    }

    @Test
    void the_filled_example_under_the_prompts_outline_reads_as_it_says_in_both_languages() {
        Templates templates = new Templates(null, Path.of("templates"));
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            String prompt = templates.render("debrief-prompt", language, SampleModels.full()).text();
            List<String> lines = prompt.lines().toList();
            int from = lines.indexOf(lines.stream().filter(l -> l.startsWith("Ex")).findFirst().orElseThrow()) + 1;
            String example = String.join("\n", lines.subList(from, from + 6));

            DebriefNotes notes = parser.parse(example);

            assertThat(notes.points()).as(language.toString()).hasSize(1);
            assertThat(notes.names()).as(language.toString()).singleElement()
                    .satisfies(n -> assertThat(List.of(n.mayNote(), n.mayContact(), n.mayMention(), n.introduces()))
                            .containsExactly(true, true, true, false));
            assertThat(notes.nextSteps()).as(language.toString()).hasSize(1);
        }
    }

    @Test
    void job_requests_are_found_in_english_and_french() {
        // The table of asks and near misses is JobAskTest; this method returns their phrases.
        assertThat(parser.jobRequestPhrases("Could you forward my CV? Are you hiring this spring?", Locale.ENGLISH))
                .containsExactly("forward my CV", "Are you hiring");
        assertThat(parser.jobRequestPhrases("Je cherche un poste ; votre équipe recrute-t-elle ?\nLui envoyer mon CV.", Locale.FRENCH))
                .containsExactly("votre équipe recrute-t-elle", "envoyer mon CV");
        assertThat(parser.jobRequestPhrases("Any open positions or job openings in your team?", Locale.ENGLISH))
                .containsExactly("Any open positions", "job openings in your");
    }

    @Test
    void ordinary_notes_are_not_taken_for_a_job_request() {
        assertThat(parser.jobRequestPhrases("She moved from the post office to logistics; forecasts every Monday.", Locale.ENGLISH))
                .isEmpty();
        assertThat(parser.jobRequestPhrases("Son poste de travail est à Lyon ; le métier évolue vite.", Locale.FRENCH))
                .isEmpty();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NotesParserTest.class.getResourceAsStream("/compose/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
