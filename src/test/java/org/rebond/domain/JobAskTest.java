package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rebond.domain.JobAsk.Kind;

/** METHOD M1 on the user's own words: an item that would make the thank-you ask for a job is found, information is not. */
class JobAskTest {

    @ParameterizedTest(name = "\"{0}\" asks: {1} (\"{2}\")")
    @CsvSource(delimiter = '|', value = {
            "I will ask her to forward my CV                         | CV             | forward my CV",
            "send her my résumé                                      | CV             | send her my résumé",
            "Could you pass on my CV to the hiring manager?          | CV             | pass on my CV",
            "attach my resume to the thank-you                       | CV             | attach my resume",
            "offer to share a copy of my CV with her team            | CV             | share a copy of my CV",
            "ask if they are hiring                                  | OPENING        | ask if they are hiring",
            "Are you hiring this spring?                             | OPENING        | Are you hiring",
            "ask whether her team has any openings                   | OPENING        | ask whether her team has any openings",
            "let me know about any open positions in your team       | OPENING        | let me know about any open positions",
            "is there a position for me at your company?             | OPENING        | is there a position for me",
            "ask for a job in his team                               | JOB            | ask for a job",
            "would you consider hiring me?                           | JOB            | hiring me",
            "ask him to refer me for the data analyst role           | RECOMMENDATION | refer me for",
            "could she put in a good word for me with HR             | RECOMMENDATION | put in a good word",
            "ask her to recommend me for the post                    | RECOMMENDATION | recommend me for",
            "je vais lui demander de transmettre mon CV              | CV             | transmettre mon CV",
            "lui envoyer mon CV                                      | CV             | envoyer mon CV",
            "joindre mon CV au message de remerciement               | CV             | joindre mon CV",
            "lui demander s'il y a un poste                          | OPENING        | lui demander s'il y a un poste",
            "demander si son équipe recrute                          | OPENING        | demander si son équipe recrute",
            "Recrutez-vous en ce moment ?                            | OPENING        | Recrutez-vous",
            "y a-t-il des postes ouverts chez vous ?                 | OPENING        | y a-t-il des postes",
            "votre équipe recrute-t-elle ?                           | OPENING        | votre équipe recrute-t-elle",
            "lui demander un poste dans son équipe                   | JOB            | lui demander un poste",
            "faire passer ma candidature à son manager               | JOB            | faire passer ma candidature",
            "qu'elle me recommande pour le poste                     | RECOMMENDATION | me recommande pour",
            "qu'il appuie ma candidature                             | RECOMMENDATION | appuie ma candidature",
            "lui demander de me pistonner                            | RECOMMENDATION | me pistonner",
    })
    void anItemWhereTheUserAsksForAJobACvAnOpeningOrARecommendationIsFound(String item, Kind kind, String phrase) {
        Locale language = item.matches(".*\\b(lui|demander|qu'|Recrutez|y a|votre|joindre|faire)\\b.*") ? Locale.FRENCH : Locale.ENGLISH;

        assertThat(JobAsk.in(item, language)).as(item).hasValueSatisfying(ask -> {
            assertThat(ask.kind()).isEqualTo(kind);
            assertThat(ask.phrase()).isEqualTo(phrase);
            assertThat(ask.reason()).isEqualTo(JobAsk.reason(kind, language));
        });
    }

    @ParameterizedTest(name = "\"{0}\" is information")
    @CsvSource(delimiter = '|', value = {
            "she told me about job boards",
            "il m'a parlé des offres d'emploi sur LinkedIn",
            "the team hired two juniors last year",
            "elle a été recrutée après un stage",
            "how to write a CV for this field",
            "les postes de data engineer demandent du SQL",
            "she recommended a book on product management",
            "elle m'a recommandé un livre sur le métier",
            "his CV shows a move from nursing to product",
            "il m'a conseillé de refaire mon CV pour ce secteur",
            "ask her how she got her first job",
            "je vais lui demander comment elle a trouvé son poste",
            "they recruit mostly through referrals",
            "ce métier demande un stage de six mois",
            "she is the hiring manager for the data team",
            "I will never ask for a job in an information interview",
            "je ne vais pas lui envoyer mon CV",
            "send her the article on FHIR she asked about",
    })
    void informationAboutJobsCvsOrHiringIsNotAnAsk(String item) {
        Locale language = item.matches(".*[éèàç].*|.*\\b(il|elle|je|les|ce)\\b.*") ? Locale.FRENCH : Locale.ENGLISH;

        assertThat(JobAsk.in(item, language)).as(item).isEmpty();
        assertThat(JobAsk.in(item, language == Locale.FRENCH ? Locale.ENGLISH : Locale.FRENCH)).as(item).isEmpty();
    }

    @Test
    void everyAskOfANoteIsFoundLineByLineInOrderAndNoPhraseSpansALine() {
        String notes = "Points discussed\n- the team uses FHIR\nNext steps\n- send her my CV\n- demander s'il y a un poste\n- refer\nme for the job";

        List<JobAsk.Ask> asks = JobAsk.all(notes, Locale.ENGLISH);

        assertThat(asks).extracting(JobAsk.Ask::kind).containsExactly(Kind.CV, Kind.OPENING);
        assertThat(asks).extracting(JobAsk.Ask::phrase).containsExactly("send her my CV", "demander s'il y a un poste");
    }

    @Test
    void anAskWrittenInOneLanguageIsFoundWhateverTheUsersLanguageAndItsReasonIsInTheUsersLanguage() {
        JobAsk.Ask ask = JobAsk.in("forward my CV to her manager", Locale.FRENCH).orElseThrow();

        assertThat(ask.reason()).startsWith("proposer son CV ou demander qu'il soit transmis");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachReasonSaysWhyItMayHurtAndTheFrenchOneHasNoEnglish(Kind kind) {
        String english = JobAsk.reason(kind, Locale.ENGLISH);
        String french = JobAsk.reason(kind, Locale.FRENCH);

        assertThat(english).contains("information interview").containsAnyOf("stop helping", "stop opening doors");
        assertThat(french).contains("entretien d'information").containsAnyOf("cesser de vous aider", "cesser de vous ouvrir des portes")
                .doesNotContainPattern(Pattern.compile("\\b(?:the|and|job|request|contact|may|interview|asking|hiring|stop)\\b"))
                .contains(" ;");
    }

    @Test
    void nothingIsFoundInNothing() {
        assertThat(JobAsk.in(null, Locale.ENGLISH)).isEmpty();
        assertThat(JobAsk.in("  ", Locale.FRENCH)).isEmpty();
        assertThat(JobAsk.all(null, Locale.FRENCH)).isEmpty();
    }
}
