package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveSentenceTest {

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "move into product management in digital health | I would like to move into product management in digital health.",
            "To become a data engineer in energy. | I would like to become a data engineer in energy.",
            "Product manager in health tech | The direction I am exploring is product manager in health tech.",
            "UX research for public services | The direction I am exploring is UX research for public services.",
            "I want to work on climate data | I want to work on climate data.",
            "i'd like to teach | I'd like to teach.",
            "'' | ''"})
    void anEnglishObjectiveBecomesOneFullSentence(String objective, String sentence) {
        assertThat(ObjectiveSentence.of(objective, Locale.ENGLISH)).isEqualTo(sentence);
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "devenir product manager dans la santé numérique | J'aimerais devenir product manager dans la santé numérique.",
            "Rejoindre une équipe data dans l'énergie | J'aimerais rejoindre une équipe data dans l'énergie.",
            "de me reconvertir dans l'enseignement | J'aimerais me reconvertir dans l'enseignement.",
            "se former au design de services | J'aimerais se former au design de services.",
            "Product manager dans la santé | La voie que j'explore\u00a0: product manager dans la santé.",
            "un poste de cheffe de projet en ville durable | La voie que j'explore\u00a0: un poste de cheffe de projet en ville durable.",
            "Je souhaite travailler dans la donnée de santé | Je souhaite travailler dans la donnée de santé.",
            "J'aimerais enseigner ; | J'aimerais enseigner."})
    void aFrenchObjectiveBecomesOneFullSentence(String objective, String sentence) {
        assertThat(ObjectiveSentence.of(objective, Locale.FRENCH)).isEqualTo(sentence);
    }
}
