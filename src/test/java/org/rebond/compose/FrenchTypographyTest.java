package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchTypographyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Lieu : Paris | Lieu\u00a0: Paris",
            "Vraiment ? Oui ! Bien ; merci | Vraiment\u00a0? Oui\u00a0! Bien\u00a0; merci",
            "« Merci de me consacrer ce moment. » | «\u00a0Merci de me consacrer ce moment.\u00a0»",
            "à 10:00, https://exemple.fr/a?b=c | à 10:00, https://exemple.fr/a?b=c",
            "déjà insécable\u00a0: rien à faire | déjà insécable\u00a0: rien à faire"})
    void frenchTextGetsANoBreakSpaceBeforeHighPunctuationAndInsideGuillemets(String text, String typeset) {
        assertThat(FrenchTypography.apply(text)).isEqualTo(typeset);
    }
}
