package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeniorityTest {

    @ParameterizedTest(name = "\"{0}\" reads senior: {1}")
    @CsvSource(delimiter = '|', value = {
            "Senior Product Manager | true",
            "Sr. Data Engineer | true",
            "Head of Product | true",
            "VP Engineering | true",
            "Vice-President, Clinical Operations | true",
            "Chief Medical Officer | true",
            "CTO & co-founder | true",
            "Partner, Audit | true",
            "Principal Consultant | true",
            "Managing Director | true",
            "Directrice des données | true",
            "Directeur commercial | true",
            "Responsable de l'innovation | true",
            "Responsable des achats | true",
            "DG adjoint | true",
            "Associée, conseil en stratégie | true",
            "Fondatrice | true",
            "Cheffe de service, cardiologie | true",
            "DRH | true",
            "Product Manager | false",
            "Data analyst | false",
            "Chargée de projet | false",
            "Responsable de compte | false",
            "Ingénieure logiciel | false",
            "Consultante junior | false",
            "UX designer | false",
            "Infirmière coordinatrice | false",
            "Account Executive | false",
            "'' | false"})
    void aTitleReadsSeniorInEnglishAndFrench(String title, boolean senior) {
        assertThat(Seniority.readsSenior(title)).isEqualTo(senior);
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Senior Product Manager | Senior",
            "Directrice des données | Directrice",
            "Head of Product, Medinova | Head of"})
    void theSeniorWordsAreShownAsTheContactWroteThem(String title, String words) {
        assertThat(Seniority.senior(title)).contains(words);
    }
}
