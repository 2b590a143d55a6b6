package org.rebond.domain.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.DebriefNotes.NameGiven;

/**
 * Each kind of note becomes a sentence addressed to the contact, as the user would have written it:
 * the contact is "you", an action is something the user will do, a topic is what they spoke of.
 */
class ThankYouLetterTest {

    private static final Set<String> ORDINARY = Set.of("hospitals", "market", "team");

    private static String learned(String note, Locale language) {
        DebriefNotes notes = new DebriefNotes(List.of(note), List.of(), List.of(), "");
        return ThankYouLetter.write(notes, language, ORDINARY::contains, s -> false).learned().get(0);
    }

    private static String lead(String note, Locale language) {
        DebriefNotes notes = new DebriefNotes(List.of(), List.of(note), List.of(), "");
        return ThankYouLetter.write(notes, language, ORDINARY::contains, s -> false).leads().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FHIR is becoming the standard for hospital data exchange | You explained that FHIR is becoming the standard for hospital data exchange.",
        "She said the market is tight | You explained that the market is tight.",
        "he thinks clinical background matters more than code | You explained that clinical background matters more than code.",
        "Her team still uses HL7 v2 | You explained that your team still uses HL7 v2.",
        "She works with three hospitals | You explained that you work with three hospitals.",
        "He's been at Kardia for ten years | You explained that you've been at Kardia for ten years.",
        "Hospitals hire clinicians for these roles | You explained that hospitals hire clinicians for these roles.",
        "Doctolib hires juniors | You explained that Doctolib hires juniors.",
        "the role of the DPO in hospitals | What you told me about the role of the DPO in hospitals was especially useful.",
        "I need to learn the basics of FHIR | Our conversation made me realise that I need to learn the basics of FHIR.",
    })
    void an_english_point_becomes_a_sentence_to_the_contact(String note, String sentence) {
        assertThat(learned(note, Locale.ENGLISH)).isEqualTo(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "read the HAS guidelines on interoperability | As you suggested, I will read the HAS guidelines on interoperability.",
        "She suggested I join the FHIR working group | As you suggested, I will join the FHIR working group.",
        "he told me to ask him again in March | As you suggested, I will ask you again in March.",
        "Ask her for the slides | As you suggested, I will ask you for the slides.",
        "the HIMSS conference in Paris | I will look into the HIMSS conference in Paris, as you suggested.",
        "joining the FHIR meetup | As you recommended, I will look into joining the FHIR meetup.",
    })
    void an_english_lead_becomes_something_the_user_will_do(String note, String sentence) {
        assertThat(lead(note, Locale.ENGLISH)).isEqualTo(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FHIR devient le standard des échanges hospitaliers | Vous m'avez expliqué que FHIR devient le standard des échanges hospitaliers.",
        "Elle m'a dit que le marché est tendu | Vous m'avez expliqué que le marché est tendu.",
        "il pense qu'un profil clinique compte plus que le code | Vous m'avez expliqué qu'un profil clinique compte plus que le code.",
        "Son équipe utilise encore HL7 v2 | Vous m'avez expliqué que votre équipe utilise encore HL7 v2.",
        "elle s'occupe de la conformité | Vous m'avez expliqué que vous vous occupez de la conformité.",
        "il ne recrute pas de juniors | Vous m'avez expliqué que vous ne recrutez pas de juniors.",
        "elle a travaillé dix ans chez Kardia | Vous m'avez expliqué que vous avez travaillé dix ans chez Kardia.",
        "les hôpitaux recrutent des profils cliniques | Vous m'avez expliqué que les hôpitaux recrutent des profils cliniques.",
        "le rôle du DPO à l'hôpital | Ce que vous m'avez dit sur le rôle du DPO à l'hôpital m'a été particulièrement utile.",
        "Comment l'équipe choisit ses priorités | Ce que vous m'avez dit sur la façon dont l'équipe choisit ses priorités m'a été particulièrement utile.",
        "marquage CE des logiciels | Un point m'a été particulièrement utile : marquage CE des logiciels.",
        "Je dois apprendre les bases de FHIR | Notre échange m'a fait comprendre que je dois apprendre les bases de FHIR.",
    })
    void a_french_point_becomes_a_sentence_to_the_contact(String note, String sentence) {
        assertThat(learned(note, Locale.FRENCH)).isEqualTo(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lire le guide de la HAS | Comme vous me l'avez conseillé, je vais lire le guide de la HAS.",
        "Elle m'a conseillé de rejoindre le groupe Interop'Santé | Comme vous me l'avez conseillé, je vais rejoindre le groupe Interop'Santé.",
        "se former à FHIR | Comme vous me l'avez conseillé, je vais me former à FHIR.",
        "lui envoyer mon portfolio | Comme vous me l'avez conseillé, je vais vous envoyer mon portfolio.",
        "le salon HIMSS à Paris | Je vais me pencher sur le salon HIMSS à Paris, comme vous me l'avez suggéré.",
        "meetup HealthTech de Lyon | Je vais creuser la piste que vous m'avez indiquée : meetup HealthTech de Lyon.",
    })
    void a_french_lead_becomes_something_the_user_will_do(String note, String sentence) {
        assertThat(lead(note, Locale.FRENCH)).isEqualTo(sentence);
    }

    @Test
    void several_points_do_not_open_with_the_same_words() {
        DebriefNotes notes = new DebriefNotes(List.of("the market is tight", "the team is small", "hospitals hire clinicians"),
                List.of("read the guide", "join the meetup"), List.of(), "");

        ThankYouLetter letter = ThankYouLetter.write(notes, Locale.ENGLISH, ORDINARY::contains, s -> false);

        assertThat(letter.learned()).extracting(s -> s.substring(0, 12)).doesNotHaveDuplicates();
        assertThat(letter.leads()).containsExactly("As you suggested, I will read the guide.", "I will also join the meetup.");
    }

    @Test
    void a_note_asking_for_a_job_is_left_out_and_reported() {
        DebriefNotes notes = new DebriefNotes(List.of("the market is tight"), List.of("ask him to forward my CV"), List.of(), "");

        ThankYouLetter letter = ThankYouLetter.write(notes, Locale.ENGLISH, ORDINARY::contains, s -> s.contains("CV"));

        assertThat(letter.leads()).isEmpty();
        assertThat(letter.leftOut()).containsExactly("ask him to forward my CV");
        assertThat(String.join(" ", letter.learned())).doesNotContain("CV");
    }

    @Test
    void names_are_thanked_by_name_and_the_contact_is_said_to_have_suggested_it_only_with_permission() {
        DebriefNotes notes = new DebriefNotes(List.of(), List.of(), List.of(
                new NameGiven("Julie Bernard", "julie@kardia.example", true, true, true, false),
                new NameGiven("Thomas Petit", "", true, true, false, false),
                new NameGiven("Omar Said", "", true, false, false, false),
                new NameGiven("Secret Person", "", false, false, false, false),
                new NameGiven("Léa Morel", "", true, true, true, true)), "");

        List<String> english = ThankYouLetter.write(notes, Locale.ENGLISH, w -> false, s -> false).names();
        List<String> french = ThankYouLetter.write(notes, Locale.FRENCH, w -> false, s -> false).names();

        assertThat(english).containsExactly(
                "Thank you also for suggesting I talk to Julie Bernard, Thomas Petit and Omar Said. I will get in touch with "
                        + "Julie and Thomas and let you know how it goes.",
                "As you kindly allowed, I will tell Julie that you suggested we speak.",
                "Thank you too for offering to introduce me to Léa Morel; that is very kind of you.");
        assertThat(french).containsExactly(
                "Merci aussi de m'avoir suggéré de rencontrer Julie Bernard, Thomas Petit et Omar Said. Je vais prendre contact avec "
                        + "Julie et Thomas et je vous dirai ce qu'il en ressort.",
                "Comme vous me l'avez permis, je dirai à Julie que je viens de votre part.",
                "Merci également de me proposer de me mettre en relation avec Léa Morel ; c'est très généreux de votre part.");
        assertThat(String.join(" ", english) + String.join(" ", french)).doesNotContain("Secret Person");
    }
}
