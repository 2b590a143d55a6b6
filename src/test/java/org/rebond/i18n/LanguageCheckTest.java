package org.rebond.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageCheckTest {

    @Test
    void anEnglishSentenceInFrenchOutputIsFlaggedButQuotedTitlesAndCommandsAreNot() {
        String output = """
                #1  lun. 7 déc. 2026 14:20  « Information interview with Marc »
                    état : suivi — le titre dit "information interview"
                    préparation           fait le lun. 7 déc. 2026 14:19
                Lancez-le avec rebond run --config /home/camille/.config/rebond/rebond.yaml.
                    thank-you          due tomorrow 08:30 (the interview ended after 19:00)
                """;
        assertThat(LanguageCheck.linesInTheOtherLanguage(output, Locale.FRENCH))
                .singleElement().asString().contains("due tomorrow");
    }

    @Test
    void aFrenchSentenceInEnglishOutputIsFlagged() {
        String output = """
                #1  Mon 7 Dec 2026 14:20  "Entretien d'information avec Marc"
                    state: followed — title says "entretien d'information"
                    prep brief     préparé et déposé dans la boîte de réception
                """;
        assertThat(LanguageCheck.linesInTheOtherLanguage(output, Locale.ENGLISH))
                .singleElement().asString().contains("déposé");
    }

    @Test
    void theWordsAfterRebondInASentenceAreJudgedOnlyItsCommandLineIsSkipped() {
        String output = """
                All good: rebond can run with this configuration.
                Lancez rebond notes 3 --show --config FILE pour les voir.
                """;
        assertThat(LanguageCheck.linesInTheOtherLanguage(output, Locale.FRENCH))
                .singleElement().asString().contains("All good");
    }
}
