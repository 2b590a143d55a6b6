package org.rebond.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contact's vocabulary against a mailbox of ordinary mail (newsletters, family, other
 * information interviews, job alerts, invitations): the contacts' messages are in
 * {@code src/test/resources/vocabulary/contacts}, the rest of the mailbox is drawn by
 * {@link MailboxFixture}.
 */
class VocabularyFinderTest {

    private static final VocabularyFinder FINDER = new VocabularyFinder();
    private static final Background MAILBOX = FINDER.background(MailboxFixture.mailbox(250, 7));
    private static final int MAX = 12;
    private static final String USER = "Marie Lambert";
    /** Words of arranging a meeting, of invitations and of small talk: never anyone's trade. */
    private static final List<String> MEETING_WORDS = List.of("busy", "gladly", "minutes", "twenty", "send", "heure", "paris", "équipe",
            "equipe", "découverte", "decouverte", "rejoindre", "réunion", "teams", "zoom", "meet", "invitation", "calendar", "vingt",
            "occupée", "volontiers", "passcode", "code", "secret", "mardi", "thursday", "london");

    record Contact(String file, Locale language, List<String> names, List<String> mustAppear, List<String> mustNotAppear) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> contacts() {
        return Stream.of(
                Arguments.of("a health data consultant's terms stand out against a newsletter mailbox",
                        new Contact(MailboxFixture.HEALTH_DATA, Locale.FRENCH, List.of(USER, "Claire Martin", "Sophie Durand"),
                                List.of("données de santé", "entrepôt de données", "FHIR", "HDS", "interopérabilité"),
                                List.of("Claire", "Martin", "Sophie", "Durand", "Marie", "Lambert", "Antoine", "Helix", "consultante senior",
                                        // the user's quoted request, the disclaimer, the signature
                                        "reconversion", "bootcamp", "marketing", "analyst", "destinataires", "confidentiels", "environnement",
                                        "imprimer", "émetteur", "iPhone"))),
                Arguments.of("a banking compliance officer's acronyms keep their capitals and open banking its case",
                        new Contact(MailboxFixture.BANKING, Locale.FRENCH, List.of(USER, "Karim Benali", "Julien Petit"),
                                List.of("KYC", "LCB-FT", "DSP2", "Open Banking", "conformité", "ACPR"),
                                List.of("Karim", "Benali", "Julien", "Petit", "Nova", "Paix", "formation", "analyste", "poste", "destinataire",
                                        "touche", "mobile", "emplacement", "planifiée"))),
                Arguments.of("a product manager's phrases come whole, not word by word",
                        new Contact(MailboxFixture.PRODUCT, Locale.ENGLISH, List.of(USER, "Priya Natarajan", "Daniel Okafor"),
                                List.of("discovery interviews", "roadmap", "OKRs", "north star metric"),
                                List.of("Priya", "Natarajan", "Daniel", "Okafor", "Hannah", "Ledgerline", "marketing", "openings", "privileged",
                                        "recipient", "environment", "Google", "attendee", "RSVP"))),
                Arguments.of("a demand planner's phrases win over a shopping mailbox's stock, cold weather and demand",
                        new Contact(MailboxFixture.COLD_CHAIN, Locale.ENGLISH, List.of(USER, "Tom Whitaker", "Aisha Rahman"),
                                List.of("demand forecasting", "cold chain", "SKU", "safety stock"),
                                List.of("Tom", "Whitaker", "Aisha", "Rahman", "Kingdom", "United", "Leeds", "Riverside", "Medivale", "bootcamps",
                                        "Python"))),
                Arguments.of("an urbanist who wrote little but enough gets her acronyms, even one used once",
                        new Contact(MailboxFixture.URBANISM, Locale.FRENCH, List.of(USER, "Élodie Rousseau"),
                                List.of("PLUi", "ZAN", "OAP"),
                                List.of("Élodie", "Elodie", "Rousseau", "demi", "vendredi", "Loire"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contacts")
    void eachContactsTradeTermsStandOutAgainstTheMailbox(String description, Contact contact) {
        Vocabulary found = FINDER.find(MailboxFixture.contact(contact.file()), MAILBOX, contact.language(), contact.names(), MAX);

        assertThat(found.enoughText()).isTrue();
        assertThat(shown(found)).hasSizeLessThanOrEqualTo(MAX).doesNotHaveDuplicates().containsAll(contact.mustAppear());
        List<String> forbidden = new ArrayList<>(MEETING_WORDS);
        forbidden.addAll(contact.mustNotAppear());
        for (Term term : found.terms()) {
            for (String word : forbidden) {
                assertThat(mentions(term.shown(), word)).as("%s shows %s", contact, term.shown()).isFalse();
            }
        }
    }

    @Test
    void aPhraseReplacesTheWordsItCoversAndNeverShowsBesideThem() {
        List<String> health = shown(find(MailboxFixture.HEALTH_DATA, Locale.FRENCH));
        List<String> banking = shown(find(MailboxFixture.BANKING, Locale.FRENCH));
        List<String> product = shown(find(MailboxFixture.PRODUCT, Locale.ENGLISH));
        List<String> coldChain = shown(find(MailboxFixture.COLD_CHAIN, Locale.ENGLISH));

        assertThat(health).contains("données de santé", "entrepôt de données").doesNotContain("santé", "données", "entrepôt", "donnée")
                .doesNotContain("entrepôt de données de santé"); // mostly "entrepôt de données" again, shown already
        assertThat(banking).contains("Open Banking", "LCB-FT").doesNotContain("Open", "Banking", "open", "banking", "LCB", "FT");
        assertThat(product).contains("north star metric", "discovery interviews")
                .doesNotContain("north", "star", "metric", "north star", "star metric", "discovery");
        assertThat(coldChain).contains("cold chain", "safety stock", "demand forecasting").doesNotContain("cold", "chain", "stock", "safety");
    }

    @Test
    void termsAreShownAsTheContactWroteThemMostOften() {
        List<String> texts = List.of(
                "Nous parlons surtout de KYC et de LCB-FT. Le kyc à distance change tout pour les données de santé des assurés, que"
                        + " nous ne traitons qu'avec leur consentement explicite et selon une procédure écrite validée par le délégué.",
                "Le KYC des agrégateurs, puis la LCB-FT. Les données\nde santé, elles, relèvent de l'HDS et de l'Open Banking pour"
                        + " les contrats de prévoyance que nous distribuons avec deux mutuelles partenaires depuis l'année dernière.",
                "Données de santé : voir l'HDS. L'open banking et le KYC, enfin, reviennent dans toutes nos réunions sur la LCB-FT."
                        + " Sans parler de l'Open Banking, de la conformité et de la conformité encore, car la conformité prime sur"
                        + " les délais commerciaux, les objectifs de vente et les demandes pressantes des directeurs régionaux.");

        List<String> found = shown(FINDER.find(texts, MAILBOX, Locale.FRENCH, List.of(), MAX));

        assertThat(found).contains("KYC", "LCB-FT", "HDS", "Open Banking", "données de santé", "conformité")
                .doesNotContain("kyc", "open banking", "Données de santé", "données\nde santé");
    }

    @Test
    void eachContextIsALineTheContactWroteAroundTheTerm() {
        for (String file : MailboxFixture.CONTACTS) {
            List<String> messages = MailboxFixture.contact(file);
            String own = String.join(" ", messages.stream().map(ContactText::ownWords).map(VocabularyFinderTest::oneLine).toList());
            Vocabulary found = FINDER.find(messages, MAILBOX, file.endsWith("-fr") ? Locale.FRENCH : Locale.ENGLISH, List.of(USER), MAX);

            assertThat(found.terms()).isNotEmpty();
            for (Term term : found.terms()) {
                String context = term.context();
                assertThat(context.length()).as(context).isLessThanOrEqualTo(Contexts.MAX_CHARS);
                assertThat(context).doesNotContain("\n").containsIgnoringCase(term.shown());
                assertThat(own).as("%s: %s", file, context).contains(context.replace("…", ""));
                assertThat(term.uses()).isPositive();
            }
        }
    }

    @Test
    void aContextTooLongIsCutAtWordsAroundTheTerm() {
        String sentence = "Dans notre métier, qui mêle le droit, la technique, les relations avec les hôpitaux, les laboratoires et les"
                + " éditeurs de logiciels, le mot FHIR revient sans cesse dans les réunions comme dans les appels d'offres des GHT.";

        String context = Contexts.around(sentence, sentence.indexOf("FHIR"), sentence.indexOf("FHIR") + 4);

        assertThat(context).hasSizeLessThanOrEqualTo(Contexts.MAX_CHARS).contains("FHIR").startsWith("…").endsWith("…");
        assertThat(sentence).contains(context.replace("…", ""));
        assertThat(context.replace("…", "")).doesNotStartWith(" ").doesNotEndWith(" ");
    }

    @Test
    void aPhraseLongerThanAContextIsCutToo() {
        String phrase = "interopérabilitéssssssssssssss d'anticonstitutionnellementsssss de pseudonymisationssssssssssss"
                + " et d'intergouvernementalisationsss";
        String text = "Vous savez, " + phrase + " et puis voilà.";

        String context = Contexts.around(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length());

        assertThat(context).hasSizeLessThanOrEqualTo(Contexts.MAX_CHARS).endsWith("…").startsWith("interopérabilité");
    }

    @Test
    void tooLittleTextGivesNoTermsRatherThanNoise() {
        List<String> messages = List.of("""
                Avec plaisir, mardi 14h30 me convient. À mardi !

                Le lun. 11 mars 2024 à 17:45, Marie Lambert <marie.lambert@example.org> a écrit :
                > Bonjour, après quinze ans dans le marketing et une reconversion en cours, je m'intéresse au conseil
                > en santé numérique, à l'interopérabilité, à FHIR et aux entrepôts de données de santé, aux référentiels
                > HDS et à la pseudonymisation. Accepteriez-vous un entretien d'information de vingt minutes ?
                """, """
                Claire Martin vous invite à une réunion Microsoft Teams.
                ________________________________________________________________________________
                Réunion Microsoft Teams
                ID de la réunion : 345 678 912 345
                Code secret : Xy7Kq2
                ________________________________________________________________________________
                """);

        Vocabulary found = FINDER.find(messages, MAILBOX, Locale.FRENCH, List.of(USER, "Claire Martin"), MAX);

        assertThat(found.enoughText()).isFalse();
        assertThat(found.terms()).isEmpty();
        assertThat(found.wordsRead()).isLessThan(VocabularyFinder.MIN_WORDS);
        assertThat(FINDER.find(List.of(), MAILBOX, Locale.FRENCH, List.of(), MAX).enoughText()).isFalse();
        assertThat(FINDER.find(null, MAILBOX, Locale.FRENCH, null, MAX).terms()).isEmpty();
    }

    @Test
    void aWordUsedOnceIsNoTermOnceTheContactWroteEnough() {
        for (String file : MailboxFixture.CONTACTS) {
            Vocabulary found = find(file, file.endsWith("-fr") ? Locale.FRENCH : Locale.ENGLISH);

            for (Term term : found.terms()) {
                boolean acronym = term.shown().matches("\\p{Lu}[\\p{Lu}\\d]{1,4}s?");
                assertThat(term.uses() >= 2 || acronym && found.wordsRead() < VocabularyFinder.FEW_WORDS).as(file + ": " + term).isTrue();
            }
        }
    }

    @Test
    void peoplesNamesAreLeftOutWhateverTheirCaseOrAccents() {
        List<String> texts = List.of(
                "Élodie a monté le PLUi avec ROUSSEAU; elodie et rousseau pilotent le ZAN. Le PLUi d'Élodie Rousseau est en ligne,"
                        + " et le ZAN d'elodie aussi. La concertation du PLUi a duré deux ans, le ZAN change la donne pour les communes"
                        + " rurales qui espéraient ouvrir de nouveaux lotissements près des bourgs et des zones commerciales existantes.",
                "Élodie Rousseau revoit le PLUi, Élodie Rousseau défend le ZAN devant les élus, et Rousseau présente les OAP aux"
                        + " habitants. Le PLUi intercommunal, le ZAN et les OAP : voilà le travail d'Élodie et de son service, avec les"
                        + " géomètres, les architectes des bâtiments de France et les bureaux d'études environnementales.");

        Vocabulary found = FINDER.find(texts, MAILBOX, Locale.FRENCH, List.of("Elodie ROUSSEAU"), MAX);

        assertThat(shown(found)).contains("PLUi", "ZAN");
        for (Term term : found.terms()) {
            assertThat(Surfaces.fold(term.shown())).doesNotContain("elodie", "rousseau");
        }
    }

    @Test
    void wordsTheWholeMailboxUsesALotLoseToTheContactsOwn() {
        List<String> texts = List.of(
                "The project I run now is a hospital integration: our team maps the lab results to FHIR so the clinicians see them"
                        + " in one place, and the project board meets every other week to review the budget.",
                "On the project side, expect the usual things: a plan, a budget, a steering group. What is specific is FHIR: every"
                        + " resource we expose has to follow the national profiles, and the validation takes longer than the coding.",
                "My team is small, four engineers and a clinician. We learned FHIR on the job; the best project I did was the"
                        + " discharge summary, because the doctors finally stopped faxing each other.",
                "If you want one thing to read, take the FHIR overview on the HL7 site. The rest of the project work you already"
                        + " know from marketing: deadlines, a team to keep happy, a sponsor to keep informed.");
        List<String> found = shown(FINDER.find(texts, MAILBOX, Locale.ENGLISH, List.of(), MAX));

        assertThat(found).startsWith("FHIR").doesNotContain("team");
    }

    @Test
    void theMailboxCountedOnceGivesTheSameTermsInAnyOrderAndWithOrWithoutTheContact() {
        List<String> mailbox = new ArrayList<>(MailboxFixture.mailbox(250, 7));
        Collections.shuffle(mailbox, new Random(3));
        Background shuffled = FINDER.background(mailbox);
        Background withoutContacts = FINDER.background(MailboxFixture.ordinary(250, 7));
        List<String> messages = MailboxFixture.contact(MailboxFixture.HEALTH_DATA);

        Vocabulary once = FINDER.find(messages, MAILBOX, Locale.FRENCH, List.of(USER), MAX);

        assertThat(FINDER.find(messages, MAILBOX, Locale.FRENCH, List.of(USER), MAX)).isEqualTo(once);
        assertThat(FINDER.find(messages, shuffled, Locale.FRENCH, List.of(USER), MAX)).isEqualTo(once);
        assertThat(shown(FINDER.find(messages, withoutContacts, Locale.FRENCH, List.of(USER), MAX)))
                .contains("données de santé", "entrepôt de données", "FHIR", "HDS", "interopérabilité");
        assertThat(MAILBOX.textsRead()).isEqualTo(250 + MailboxFixture.CONTACTS.stream().mapToInt(c -> MailboxFixture.contact(c).size()).sum());
    }

    @Test
    void aContactOutsideALargeMailboxStandsOutAsMuchAsOneInside() {
        List<String> mailbox = new ArrayList<>(MailboxFixture.ordinary(250, 7));
        Random random = new Random(8);
        for (int t = 0; t < 400; t++) { // a few hundred thousand words the contacts never write
            StringBuilder text = new StringBuilder();
            while (text.length() < 4_000) {
                for (int letters = 4 + random.nextInt(6); letters > 0; letters--) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(random.nextInt(12) == 0 ? ".\n" : " ");
            }
            mailbox.add(text.toString());
        }
        Background large = FINDER.background(mailbox);

        for (Arguments arguments : contacts().toList()) {
            Contact contact = (Contact) arguments.get()[1];
            List<String> found = shown(FINDER.find(MailboxFixture.contact(contact.file()), large, contact.language(), contact.names(), MAX));

            assertThat(large.wordsRead()).isGreaterThan(200_000);
            assertThat(found).as(contact.file()).containsAll(contact.mustAppear());
        }
    }

    @Test
    void anEmptyMailboxStillGivesTheTermsTheContactComesBackTo() {
        Vocabulary found = FINDER.find(MailboxFixture.contact(MailboxFixture.BANKING), FINDER.background(List.of()), Locale.FRENCH,
                List.of(USER, "Karim Benali"), MAX);

        assertThat(shown(found)).contains("KYC", "LCB-FT", "DSP2", "Open Banking", "conformité");
    }

    @Test
    void aContactWritingInTheOtherLanguageStillGetsTheirTerms() {
        List<String> french = shown(find(MailboxFixture.HEALTH_DATA, Locale.ENGLISH));
        List<String> english = shown(find(MailboxFixture.COLD_CHAIN, Locale.FRENCH));

        assertThat(french).contains("données de santé", "FHIR", "HDS", "interopérabilité");
        assertThat(english).contains("cold chain", "demand forecasting", "SKU");
    }

    @Test
    void theMaximumIsRespectedAndTheBestComeFirst() {
        Vocabulary three = FINDER.find(MailboxFixture.contact(MailboxFixture.BANKING), MAILBOX, Locale.FRENCH, List.of(USER), 3);
        Vocabulary all = find(MailboxFixture.BANKING, Locale.FRENCH);

        assertThat(three.terms()).hasSize(3).isEqualTo(all.terms().subList(0, 3));
        assertThat(FINDER.find(MailboxFixture.contact(MailboxFixture.BANKING), MAILBOX, Locale.FRENCH, List.of(), 0).terms()).isEmpty();
    }

    @Test
    void aShortCommonWordInCapitalsInsideASentenceIsAnAcronymButNotInALineOfCapitals() {
        String sentence = "Le marquage CE de notre dispositif occupe l'équipe réglementaire, et le marquage CE décide de la feuille de route. ";
        List<String> texts = List.of(sentence.repeat(3) + "Le dossier de marquage CE part en revue la semaine prochaine.",
                "CE QUE NOUS FAISONS CE TRIMESTRE : LE MARQUAGE. " + sentence);

        Vocabulary found = FINDER.find(texts, MAILBOX, Locale.FRENCH, List.of(), MAX);

        assertThat(shown(found)).contains("marquage CE");
    }

    @Test
    void eachTermBringsALineOfItsOwnWhenTheContactWroteSeveral() {
        Vocabulary found = find(MailboxFixture.HEALTH_DATA, Locale.FRENCH);

        List<String> contexts = found.terms().stream().map(Term::context).toList();
        assertThat(contexts.stream().distinct().count()).as("contexts %s", contexts).isGreaterThan(contexts.size() / 2);
    }

    private static Vocabulary find(String file, Locale language) {
        return FINDER.find(MailboxFixture.contact(file), MAILBOX, language, List.of(USER), MAX);
    }

    private static List<String> shown(Vocabulary vocabulary) {
        return vocabulary.terms().stream().map(Term::shown).toList();
    }

    /** Whether {@code shown} has {@code word} as one of its words, whatever the case and accents. */
    private static boolean mentions(String shown, String word) {
        String folded = " " + Surfaces.fold(shown).replaceAll("[^a-z0-9]+", " ") + " ";
        return folded.contains(" " + Surfaces.fold(word).replaceAll("[^a-z0-9]+", " ").strip() + " ");
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
