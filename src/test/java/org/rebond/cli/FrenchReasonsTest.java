package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.i18n.Messages;

/** A French-speaking user reads in French why an action was not delivered. */
class FrenchReasonsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "interview cancelled | entretien annulé",
        "title says \"information interview\" | le titre dit « information interview »",
        "contact suggested in an earlier debrief | personne suggérée lors d'un entretien précédent",
        "the interview had already started when the brief came due | l'entretien avait déjà commencé quand la préparation est arrivée à échéance",
        "came due 12 days ago, more than the 7 days after which it would no longer help "
                + "| arrivé à échéance il y a 12 jours, au-delà des 7 jours après lesquels il ne servirait plus",
        "you already wrote to Marc Lefèvre on 9 Dec (subject \"Merci\"); no thank-you draft made "
                + "| vous avez déjà écrit à Marc Lefèvre le 9 déc. (objet « Merci ») ; aucun brouillon de remerciement n'a été fait",
        "the thank-you draft was kept as you left it; your new notes were not applied to it "
                + "| le brouillon de remerciement est resté tel que vous l'avez laissé ; vos nouvelles notes n'y ont pas été reprises",
        "nothing new to tell Marc yet; next look on 12 Jan | rien de nouveau à dire à Marc pour l'instant ; prochain point le 12 janv.",
        "nothing new to tell Marc yet; no later update is planned "
                + "| rien de nouveau à dire à Marc pour l'instant ; aucune autre nouvelle n'est prévue",
        "Marc Lefèvre wrote to you on 9 Jan (subject \"Re: merci\"): reply to Marc Lefèvre rather than sending news "
                + "| Marc Lefèvre vous a écrit le 9 janv. (objet « Re: merci ») : répondez-lui plutôt que d'envoyer des nouvelles",
        "paused: Marc Lefèvre has not answered your last 2 updates | en pause : Marc Lefèvre n'a pas répondu à vos 2 dernières nouvelles",
        "you said you were done keeping Marc Lefèvre posted | vous avez dit ne plus vouloir tenir Marc Lefèvre au courant",
        "excluded: \"job interview\" in description (M1) | écarté : « job interview » dans la description",
        "set aside: a calendar part too large | mis de côté : « a calendar part too large »",
        "connection lost: Read timed out | connexion perdue : « Read timed out »",
        "the IMAP server imap.example.org refused the login of camille — check the user name and the password source (file /etc/rebond/pw) "
                + "| le serveur IMAP imap.example.org a refusé la connexion de camille — vérifiez le nom d'utilisateur et la source du mot de passe (file /etc/rebond/pw)",
        "cannot connect to imap.example.org:993 (imaps): Connection refused | connexion impossible à imap.example.org:993 (imaps) : « Connection refused »",
        "title says \"coffee chat\", but nobody to meet was found among the attendees "
                + "| le titre dit « coffee chat », mais personne à rencontrer parmi les participants",
    })
    void a_reason_recorded_in_english_reads_in_french(String english, String french) {
        assertThat(FrenchReasons.of(english)).isEqualTo(french);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"interview ignored", "no longer part of the plan", "superseded by a newer version of the prep event",
        "the interview had already started when the prep event update came due", "no thank-you draft was delivered to revise",
        "no information-interview wording", "the server closes the connection whenever this message is read (Connection reset); rebond reads on past it"})
    void no_known_reason_is_left_in_english(String english) {
        assertThat(FrenchReasons.of(english)).isNotEqualTo(english).doesNotContain(" the ", "interview ", " was ", " no ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"en | the Drafts folder refused the message | the Drafts folder refused the message",
        "fr | the Drafts folder refused the message | « the Drafts folder refused the message » (raison notée en anglais)",
        "fr | tracked by you | suivi à votre demande"})
    void a_reason_of_an_unknown_shape_is_quoted_as_recorded_rather_than_mixed_into_french(String language, String english, String shown) {
        assertThat(FrenchReasons.shown(english, Messages.of("status", Locale.forLanguageTag(language)))).isEqualTo(shown);
    }
}
