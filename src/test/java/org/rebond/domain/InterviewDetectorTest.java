package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterviewDetectorTest {
    private static final String USER = "sam.martin@example.net";
    private final InterviewDetector detector = new InterviewDetector(DetectionRules.defaults(), Set.of("Sam.Martin@example.net"),
            who -> who.equalsIgnoreCase("nadia.haddad@example.com") || who.equals("Bruno Costa"));

    private static CalendarEvent event(String summary, String description, List<String> categories, String organizer,
            List<CalendarEvent.Attendee> attendees) {
        return new CalendarEvent("VEVENT", "REQUEST", "uid-1", null, 0, null, "", null, null, organizer, "", attendees,
                summary, description, "", categories, "", List.of());
    }

    private static CalendarEvent event(String summary, String description) {
        return event(summary, description, List.of(), "contact@example.org",
                List.of(new CalendarEvent.Attendee(USER, "Sam", "REQ-PARTICIPANT", "NEEDS-ACTION")));
    }

    @ParameterizedTest(name = "[{index}] {1} / {2} -> {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            true  | Information interview with Claire                | -                                              | title says "information interview"
            true  | Informational interview – UX research            | -                                              | title says "informational interview"
            true  | Info interview: data engineering at Acme         | -                                              | title says "info interview"
            true  | Career conversation with Tom                     | -                                              | title says "career conversation"
            true  | Entretien d'information avec Marie               | -                                              | title says "entretien d'information"
            true  | Entretien d’information – Paul Durand            | -                                              | title says "entretien d'information"
            true  | ENTRETIEN D'INFORMATION                          | -                                              | title says "entretien d'information"
            true  | Entretien informatif : métier de géomaticien     | -                                              | title says "entretien informatif"
            true  | Rendez-vous d'information chez Airbus            | -                                              | title says "rendez-vous d'information"
            true  | Rencontre d'information avec la DRH              | -                                              | title says "rencontre d'information"
            true  | Enquête métier - chargée de communication        | -                                              | title says "enquête métier"
            true  | Café avec Paul – enquête métier                  | -                                              | title says "enquête métier"
            true  | enquete metier UX designer                       | -                                              | title says "enquête métier"
            true  | Entretien réseau avec Sophie                     | -                                              | title says "entretien réseau"
            true  | Entretien exploratoire – métiers du vin          | -                                              | title says "entretien exploratoire"
            true  | Découverte métier : ébéniste                     | -                                              | title says "découverte métier"
            true  | [info] Julien Petit                              | -                                              | marker "[info]" in title
            true  | [INFO] call with Rosa                            | -                                              | marker "[info]" in title
            true  | Interview with Marie (info)                      | -                                              | marker "(info)" in title
            true  | Échange avec Lucie                               | Entretien d'information, 20 minutes            | description says "entretien d'information"
            true  | Call with Raj                                    | An informational interview about product management | description says "informational interview"
            true  | Meeting with Ana                                 | Quick career chat about consulting             | description says "career chat"
            true  | Coffee chat with Mei                             | I'd love your career advice                    | "coffee chat" with a career hint ("career")
            true  | Coffee chat – career in nursing                  | -                                              | "coffee chat" with a career hint ("career")
            true  | Café avec Hugo                                   | Pour parler de ton parcours                    | "café" with a career hint ("parcours")
            true  | Virtual coffee with Omar                         | I would like some advice about moving into data | "coffee" with a career hint ("advice")
            true  | Déjeuner avec Claire – reconversion              | -                                              | "déjeuner" with a career hint ("reconversion")
            true  | RDV info avec Thomas                             | -                                              | title says "rdv info"
            true  | Entretien d'information                          | Ce n'est pas un entretien d'embauche           | title says "entretien d'information"
            true  | Informational interview                          | This is not a job interview, just 20 minutes   | title says "informational interview"
            true  | Quick chat                                       | Hi! Ce sera un entretien informatif, promis    | description says "entretien informatif"
            true  | Advice call with Priya                           | -                                              | title says "advice call"
            true  | Echange sur le metier de sage-femme              | -                                              | title says "échange sur le métier"
            true  | Information interview / Entretien d'information  | -                                              | title says "information interview"
            false | Job interview – Backend developer                | -                                              | excluded: "job interview" in title (M1)
            false | Interview for the position of Product Owner      | -                                              | excluded: "interview for the position" in title (M1)
            false | Interview for the role: Data Analyst             | -                                              | excluded: "interview for the role" in title (M1)
            false | Phone screen with Acme recruiter                 | -                                              | excluded: "phone screen" in title (M1)
            false | Recruiter screen – Globex                        | -                                              | excluded: "recruiter screen" in title (M1)
            false | Technical interview round 2                      | -                                              | excluded: "technical interview" in title (M1)
            false | Hiring interview at Initech                      | -                                              | excluded: "hiring interview" in title (M1)
            false | Coding interview (HackerRank)                    | -                                              | excluded: "coding interview" in title (M1)
            false | Final round with the CTO                         | -                                              | excluded: "final round" in title (M1)
            false | Entretien d'embauche - Développeur               | -                                              | excluded: "entretien d'embauche" in title (M1)
            false | Entretien d’embauche chez Orange                 | -                                              | excluded: "entretien d'embauche" in title (M1)
            false | Entretien de recrutement – Comptable             | -                                              | excluded: "entretien de recrutement" in title (M1)
            false | Entretien RH – Decathlon                         | -                                              | excluded: "entretien rh" in title (M1)
            false | Entretien technique Java                         | -                                              | excluded: "entretien technique" in title (M1)
            false | Entretien pour le poste de chef de projet        | -                                              | excluded: "poste de" in title (M1)
            false | Suite à votre candidature                        | -                                              | excluded: "candidature" in title (M1)
            false | Point recrutement avec Léa                       | -                                              | excluded: "recrutement" in title (M1)
            false | Interview with Marie (info)                      | Interview for the role of Sales Manager        | excluded: "interview for the role" in description (M1)
            false | Entretien d'information                          | Nous parlerons de votre candidature            | excluded: "candidature" in description (M1)
            false | Coffee chat with the hiring manager              | -                                              | excluded: "hiring manager" in title (M1)
            false | Informational interview                          | Phone screening first, then a technical interview | excluded: "phone screening" in description (M1)
            false | Team stand-up                                    | -                                              | no information-interview wording
            false | Réunion d'équipe hebdomadaire                    | -                                              | no information-interview wording
            false | Dentist                                          | -                                              | no information-interview wording
            false | Interview with Marie                             | -                                              | no information-interview wording
            false | Coffee with Paul                                 | -                                              | no information-interview wording
            false | Café avec Paul                                   | On se voit à la gare                           | no information-interview wording
            false | Podcast interview about my book                  | -                                              | no information-interview wording
            false | Information session: new HR software             | -                                              | no information-interview wording
            false | Réunion d'information collective                 | -                                              | no information-interview wording
            false | Déjeuner                                         | -                                              | no information-interview wording
            """)
    void titlesAndDescriptionsInBothLanguagesGetTheExpectedVerdict(boolean detected, String title, String description, String reason) {
        Verdict verdict = detector.detect(event(title, description == null ? "" : description));

        assertThat(verdict.detected()).isEqualTo(detected);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @Test
    void aCategoryMarksAnInformationInterview() {
        Verdict verdict = detector.detect(event("Rendez-vous", "", List.of("Rebond"), "contact@example.org", List.of()));

        assertThat(verdict.detected()).isTrue();
        assertThat(verdict.reason()).isEqualTo("category \"Rebond\"");
    }

    @Test
    void aKnownContactFromAnEarlierDebriefIsEnoughByAddressOrName() {
        Verdict byAddress = detector.detect(event("Rendez-vous", "", List.of(), "nadia.haddad@example.com", List.of()));
        Verdict byName = detector.detect(event("Visio", "", List.of(), USER,
                List.of(new CalendarEvent.Attendee("bruno@costa.example", "Bruno Costa", "REQ-PARTICIPANT", ""))));

        assertThat(byAddress).isEqualTo(new Verdict(true, "contact suggested in an earlier debrief", "nadia.haddad@example.com", ""));
        assertThat(byName.detected()).isTrue();
        assertThat(byName.contact()).isEqualTo("bruno@costa.example");
    }

    @Test
    void aKnownContactDoesNotOverrideAJobInterviewExclusion() {
        Verdict verdict = detector.detect(event("Job interview", "", List.of(), "nadia.haddad@example.com", List.of()));

        assertThat(verdict.detected()).isFalse();
    }

    @Test
    void theContactIsTheFirstAttendeeWhoIsNeitherTheUserNorARoomWhenTheUserOrganises() {
        Verdict verdict = detector.detect(event("Entretien d'information", "", List.of(), USER, List.of(
                new CalendarEvent.Attendee(USER, "Sam", "CHAIR", "ACCEPTED"),
                new CalendarEvent.Attendee("salle.jupiter@corp.example", "Salle Jupiter", "REQ-PARTICIPANT", ""),
                new CalendarEvent.Attendee("b2-4@resource.calendar.google.com", "Bâtiment 2", "REQ-PARTICIPANT", ""),
                new CalendarEvent.Attendee("projector@corp.example", "Projector", "NON-PARTICIPANT", ""),
                new CalendarEvent.Attendee("lea.roux@example.org", "Léa Roux", "REQ-PARTICIPANT", ""))));

        assertThat(verdict.contact()).isEqualTo("lea.roux@example.org");
    }

    @Test
    void theContactIsEmptyWhenOnlyTheUserAndRoomsTakePart() {
        Verdict verdict = detector.detect(event("[info]", "", List.of(), USER, List.of(
                new CalendarEvent.Attendee("meeting-room-3@corp.example", "Meeting room 3", "REQ-PARTICIPANT", ""))));

        assertThat(verdict.detected()).isTrue();
        assertThat(verdict.contact()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Introduced by Jane Doe <Jane.Doe@Example.com>               | jane.doe@example.com
            Intro by jane@x.org                                         | jane@x.org
            On the recommendation of Peter Smith, who worked with you.  | Peter Smith
            Referred by Alex Kim                                        | Alex Kim
            Je viens de la part de Marie Lefèvre.                       | Marie Lefèvre
            Recommandé par Jean Dupont (jean.dupont@example.fr)         | jean.dupont@example.fr
            Recommandée par Anne                                        | Anne
            Sur les conseils de Karim Benali, je vous contacte          | Karim Benali
            Sur la recommandation de Sophie Martin                      | Sophie Martin
            Nothing about anyone here                                   | ''
            """)
    void theReferrerIsReadFromALineOfTheDescription(String line, String referrer) {
        Verdict verdict = detector.detect(event("Entretien d'information", "Bonjour,\n" + line + "\nÀ bientôt"));

        assertThat(verdict.referrer()).isEqualTo(referrer);
    }

    @Test
    void cancelledAndReplyEventsStillGetAVerdictOnTheirContent() {
        CalendarEvent cancelled = new CalendarEvent("VEVENT", "CANCEL", "u", null, 3, null, "CANCELLED", null, null,
                "contact@example.org", "", List.of(), "Entretien d'information", "", "", List.of(), "", List.of());

        assertThat(detector.detect(cancelled).detected()).isTrue();
    }

    @Test
    void extraWordsFromTheConfigurationAreAddedToTheBuiltInRules() {
        InterviewDetector custom = new InterviewDetector(
                DetectionRules.defaults().plus(List.of("#ii"), List.of("rencontre métier"), List.of("assessment"), List.of("réseau")),
                Set.of(USER), who -> false);

        assertThat(custom.detect(event("#ii Lina", "")).reason()).isEqualTo("marker \"#ii\" in title");
        assertThat(custom.detect(event("Rencontre métier avec Yves", "")).reason()).isEqualTo("title says \"rencontre métier\"");
        assertThat(custom.detect(event("Entretien d'information", "then an assessment")).detected()).isFalse();
        assertThat(custom.detect(event("Point", "", List.of("Réseau"), "c@example.org", List.of())).detected()).isTrue();
    }
}
