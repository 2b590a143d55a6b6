package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionsTest {

    @Test
    void aQuestionWrittenTwiceWithOtherCaseAccentsOrPunctuationIsAskedOnce() {
        List<String> own = List.of("What does an ordinary week look like for you?", "Qu'est-ce qui vous plaît le plus ?");
        List<String> builtIn = List.of("What does an ordinary week look like for you ?", "what does an ORDINARY week look like, for you",
                "Qu’est-ce qui vous plait le plus?", "Which skills make the difference?");

        assertThat(Questions.distinct(own, builtIn)).containsExactly("What does an ordinary week look like for you?",
                "Qu'est-ce qui vous plaît le plus ?", "Which skills make the difference?");
    }

    @Test
    void aQuestionThatOnlyDiffersByASmallWordIsTheSameQuestion() {
        assertThat(Questions.distinct(List.of("How did you come to do this work?", "How did you come to be doing this work?",
                "How do you see the field changing?", "How do you see your field changing?"))).hasSize(3);
    }

    @Test
    void differentQuestionsOnTheSameSubjectAreAllKept() {
        List<String> questions = List.of("What do you enjoy most in your work?", "What do you enjoy least in your work?");
        assertThat(Questions.distinct(questions)).isEqualTo(questions);
    }

    @ParameterizedTest(name = "\"{0}\" asks for names: {1}")
    @CsvSource(delimiter = '|', value = {
            "Could you suggest two or three people I could talk to? | true",
            "Who else should I talk to? | true",
            "Is there anyone else I should meet? | true",
            "Pourriez-vous me donner deux ou trois noms ? | true",
            "Qui d'autre pourrais-je rencontrer ? | true",
            "Quelles personnes me conseilleriez-vous de contacter ? | true",
            "What does a day look like? | false",
            "Quelles compétences font la différence ? | false"})
    void theNamesAskIsLeftToItsOwnSection(String question, boolean asksForNames) {
        assertThat(Questions.asksForNames(question)).isEqualTo(asksForNames);
        assertThat(Questions.distinct(List.of(question))).hasSize(asksForNames ? 0 : 1);
    }
}
