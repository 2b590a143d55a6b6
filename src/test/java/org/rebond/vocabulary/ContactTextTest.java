package org.rebond.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A contact's own words: what they wrote, without what mail clients, lawyers and meeting tools add. */
class ContactTextTest {

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("a Gmail reply keeps the answer and drops the attribution and the quote, even wrapped on two lines", """
                        Happy to help with FHIR questions.

                        On Mon, 11 Mar 2024 at 09:14, Marie Lambert <marie.lambert@example.org>
                        wrote:

                        > I am moving into product after fifteen years in marketing.
                        """, List.of("Happy to help with FHIR questions."), List.of("marketing", "wrote", "Marie")),
                Arguments.of("a French reply drops « Le … a écrit : » and everything below", """
                        Volontiers pour un échange sur la conformité.

                        Le lun. 11 mars 2024 à 17:45, Marie Lambert <marie.lambert@example.org> a écrit :
                        Bonjour, je termine une formation d'analyste.
                        """, List.of("Volontiers pour un échange sur la conformité."), List.of("formation", "écrit")),
                Arguments.of("quoted lines are dropped wherever they are, the contact's answers between them kept", """
                        > Which tools do you use?
                        Python and our planning system.
                        > And for the cold chain?
                        Temperature loggers on every pallet.
                        """, List.of("Python and our planning system.", "Temperature loggers on every pallet."), List.of("Which tools")),
                Arguments.of("an Outlook reply drops the original message below its marker", """
                        Safety stock is set per SKU.

                        -----Original Message-----
                        From: Marie Lambert <marie.lambert@example.org>
                        Sent: 13 March 2024 19:40
                        Subject: Introduction
                        I am exploring supply chain analytics after a career in marketing.
                        """, List.of("Safety stock is set per SKU."), List.of("marketing", "Original", "Sent")),
                Arguments.of("French Outlook headers « De : … Envoyé : … À : … Objet : » start the quote", """
                        Il pilote l'entrepôt de données de santé régional.

                        De : Marie Lambert <marie.lambert@example.org>
                        Envoyé : vendredi 8 mars 2024 11:20
                        À : Claire Martin <claire.martin@helix-conseil.example>
                        Objet : Merci et une question
                        Puis-je citer votre nom ?
                        """, List.of("Il pilote l'entrepôt de données de santé régional."), List.of("Envoyé", "citer", "Objet")),
                Arguments.of("Outlook's line of underscores above quoted headers starts the quote", """
                        The roadmap comes from discovery interviews.
                        ________________________________
                        From: Marie Lambert <marie.lambert@example.org>
                        Sent: Friday, March 15, 2024 10:31 AM
                        To: Priya Natarajan <priya@ledgerline.example>
                        How would you structure a case study?
                        """, List.of("The roadmap comes from discovery interviews."), List.of("case study", "From:", "Sent")),
                Arguments.of("a signature after « -- » is dropped", """
                        Le référentiel HDS s'impose aux hébergeurs.
                        --\u0020
                        Claire Martin | Helix Conseil
                        06 12 34 56 78
                        """, List.of("Le référentiel HDS s'impose aux hébergeurs."), List.of("Helix", "Claire")),
                Arguments.of("a closing followed by a few short lines ends the text: the name, the title, the address", """
                        The north star metric is weekly active teams.

                        Best regards,
                        Priya Natarajan
                        Senior Product Manager | Ledgerline
                        London | +44 20 7946 0958
                        """, List.of("The north star metric is weekly active teams."), List.of("Ledgerline", "Senior", "regards")),
                Arguments.of("« Bien à vous » and « Cordialement » end a French text with its signature", """
                        La LCB-FT, c'est détecter les opérations suspectes.

                        Cordialement,

                        Karim Benali
                        Responsable Conformité et LCB-FT
                        12 rue de la Paix, 75002 Paris
                        """, List.of("La LCB-FT, c'est détecter les opérations suspectes."), List.of("Benali", "Paix", "Responsable")),
                Arguments.of("« Merci ! » in the middle of a long text does not cut it", """
                        Merci !
                        Pour répondre à votre question sur l'Open Banking : la DSP2 oblige les banques à ouvrir leurs API aux prestataires agréés, et c'est un chantier de conformité autant que technique.
                        """, List.of("Merci !", "l'Open Banking : la DSP2 oblige"), List.of()),
                Arguments.of("an English disclaimer and the environment line are dropped", """
                        OKRs: three objectives per team.

                        This e-mail and any attachments are confidential and may also be privileged. If you are not the intended
                        recipient, please notify the sender immediately.
                        Please consider the environment before printing this e-mail.
                        """, List.of("OKRs: three objectives per team."), List.of("privileged", "environment", "recipient")),
                Arguments.of("a French disclaimer is dropped", """
                        Le KYC à distance demande une vérification de l'identité.

                        Ce message et toutes les pièces jointes (ci-après le "message") sont confidentiels et établis à l'intention exclusive de ses destinataires.
                        Pensez à l'environnement avant d'imprimer ce message.
                        """, List.of("Le KYC à distance demande une vérification de l'identité."), List.of("destinataires", "imprimer")),
                Arguments.of("a sentence that says data are confidential is the contact's own, not a disclaimer", """
                        Les données de santé sont confidentielles par nature, d'où la certification HDS.
                        L'entrepôt de données les pseudonymise.
                        """, List.of("Les données de santé sont confidentielles par nature", "L'entrepôt de données les pseudonymise."), List.of()),
                Arguments.of("a Teams block between lines of underscores is dropped, the description above kept", """
                        Comme convenu, on parlera de FHIR et de l'entrepôt de données.

                        ________________________________________________________________________________
                        Réunion Microsoft Teams
                        Rejoindre sur votre ordinateur, une application mobile ou un appareil de salle
                        Cliquez ici pour rejoindre la réunion<https://teams.microsoft.com/l/meetup-join/19%3ameeting>
                        ID de la réunion : 345 678 912 345
                        Code secret : Xy7Kq2
                        Participer par téléphone
                        +33 1 70 37 04 21,,123456789#   France, Paris
                        En savoir plus<https://aka.ms/JoinTeamsMeeting> | Options de réunion<https://teams.microsoft.com/meetingOptions/>
                        ________________________________________________________________________________
                        """, List.of("Comme convenu, on parlera de FHIR et de l'entrepôt de données."),
                        List.of("Rejoindre", "réunion", "Code", "Paris", "Teams", "345")),
                Arguments.of("Zoom's invitation text, dial-in lines and phone numbers are dropped", """
                        Tom Whitaker is inviting you to a scheduled Zoom meeting.
                        Topic: Marie / Tom - supply chain chat
                        Time: Mar 21, 2024 08:30 AM London
                        Join Zoom Meeting
                        https://us02web.zoom.us/j/86612345678?pwd=bG9naXN0aWNzY2hhdA.1
                        Meeting ID: 866 1234 5678
                        Passcode: 730215
                        One tap mobile
                        +442034815240,,86612345678#,,,,*730215# United Kingdom
                        Dial by your location
                        • +44 203 481 5240 United Kingdom
                        Find your local number: https://us02web.zoom.us/u/kbXq3Y
                        Bring your questions on demand forecasting.
                        """, List.of("Bring your questions on demand forecasting."), List.of("Zoom", "Passcode", "Kingdom", "London", "Topic")),
                Arguments.of("Google Meet's block and Google Calendar's footer are dropped", """
                        Happy to walk you through our discovery interviews.
                        Join with Google Meet
                        meet.google.com/xkd-pqrs-tuv
                        Join by phone
                        (FR) +33 1 87 40 39 52 PIN: 612 447 190#
                        Learn more about Meet at: https://support.google.com/a/users/answer/9282720
                        Invitation from Google Calendar
                        You are receiving this email because you are an attendee of the event.
                        """, List.of("Happy to walk you through our discovery interviews."), List.of("Google", "Meet", "attendee", "PIN")),
                Arguments.of("links, e-mail addresses and a phone's signature are dropped", """
                        See the guide at https://www.cnil.fr/fr/entrepots-de-donnees-de-sante or write to dpo@helix-conseil.example about it.
                        Envoyé de mon iPhone
                        Et une dernière chose.
                        """, List.of("See the guide at", "or write to", "about it."), List.of("cnil", "helix", "iPhone", "dernière")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void theContactsOwnWordsAreKeptAndWhatTheyDidNotWriteIsDropped(String description, String message, List<String> kept, List<String> dropped) {
        String own = ContactText.ownWords(message);

        assertThat(own).contains(kept);
        for (String word : dropped) {
            assertThat(own).as(description).doesNotContainIgnoringCase(word);
        }
    }

    @Test
    void nothingGivesNothing() {
        assertThat(ContactText.ownWords(null)).isEmpty();
        assertThat(ContactText.ownWords("")).isEmpty();
        assertThat(ContactText.ownWords("> only a quote\n> and more quote")).isEmpty();
    }

    @Test
    void aLongMessageIsReadUpToTheLimitOnly() {
        String own = ContactText.ownWords("interopérabilité ".repeat(10_000));

        assertThat(own.length()).isLessThanOrEqualTo(ContactText.MAX_CHARS);
    }

    @Test
    void windowsLineEndingsAreReadAsLines() {
        String own = ContactText.ownWords("Le PLUi et le ZAN.\r\n\r\nBien à vous,\r\nÉlodie Rousseau\r\nUrbaniste\r\n");

        assertThat(own).isEqualTo("Le PLUi et le ZAN.");
    }
}
