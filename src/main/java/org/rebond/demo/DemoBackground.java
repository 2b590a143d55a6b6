package org.rebond.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The ordinary mail of the demo's mailbox — friends, family, a newsletter, the bank, former
 * colleagues — so that a contact's vocabulary stands out against something, as in a real mailbox.
 */
final class DemoBackground {

    private record Letter(String from, String name, String subject, String body) {}

    private static final List<Letter> ENGLISH = List.of(
            new Letter("nora.martin@familymail.example", "Nora Martin", "Sunday lunch",
                    "Hi Alex,\n\nAre you free on Sunday? Grandma would love to see you. Bring the dessert if you can, the team at the bakery "
                            + "knows what she likes. Send me a message when you know.\n\nLove,\nNora"),
            new Letter("news@cityweekly.example", "City Weekly", "This week in the city",
                    "Twenty things to do this weekend: markets, concerts and a new exhibition. The team picked the best places. "
                            + "It only takes five minutes to read. Send us your ideas for next week."),
            new Letter("karim.haddad@example.org", "Karim Haddad", "Running club",
                    "Hello all,\n\nThe running club meets on Thursday at 7 pm, twenty minutes of warm-up then the usual loop. "
                            + "I will send the new route tomorrow. Busy week for me, so sorry for the late mail.\n\nKarim"),
            new Letter("contact@bank.example", "Your bank", "Your monthly statement",
                    "Your monthly statement is available. Log in to your account to see it. Our team is available if you have questions."),
            new Letter("julien.moreau@hospital.example", "Julien Moreau", "Farewell drinks",
                    "Dear all,\n\nThank you for these six years together. Drinks on Friday at the usual place, I will gladly buy the first "
                            + "round. Send me a word if you cannot come.\n\nJulien"),
            new Letter("agenda@dentist.example", "Dental practice", "Reminder: your appointment",
                    "This is a reminder of your appointment on Tuesday at 9:30. Please arrive ten minutes early. Reply to this message to move it."),
            new Letter("newsletter@ux-digest.example", "UX Digest", "UX Digest: research, design, teams",
                    "This week: how design teams plan their research, a guide to interviews with users, and twenty minutes on accessibility. "
                            + "Busy product teams will find a short checklist."),
            new Letter("camille.roux@example.org", "Camille Roux", "Photos from the trip",
                    "Hi Alex!\n\nHere are the photos from the trip. I will send the rest when I find a minute. It was a busy week but worth it.\n\nCamille"),
            new Letter("courses@learning.example", "Learning platform", "Your course continues",
                    "Your next lesson is ready: twenty minutes on product discovery and user research. Keep going, the team is cheering for you."),
            new Letter("lea.garnier@hospital.example", "Léa Garnier", "Project handover",
                    "Hi Alex,\n\nThanks for the handover notes on the bed planning project. I will gladly call you if something is unclear. "
                            + "The team sends its best.\n\nLéa"));

    private static final List<Letter> FRENCH = List.of(
            new Letter("nora.martin@familymail.example", "Nora Martin", "Déjeuner dimanche",
                    "Coucou Alex,\n\nTu es libre dimanche ? Mamie serait ravie de te voir. Apporte le dessert si tu peux, l'équipe de la "
                            + "boulangerie sait ce qu'elle aime. Envoie-moi un message quand tu sais.\n\nBises,\nNora"),
            new Letter("news@villehebdo.example", "Ville Hebdo", "Cette semaine en ville",
                    "Vingt idées pour ce week-end : marchés, concerts et une nouvelle exposition. L'équipe a choisi les meilleures adresses. "
                            + "Cinq minutes de lecture. Envoyez-nous vos idées pour la semaine prochaine."),
            new Letter("karim.haddad@example.org", "Karim Haddad", "Club de course",
                    "Bonjour à tous,\n\nLe club de course se retrouve jeudi à 19 heures, vingt minutes d'échauffement puis la boucle habituelle. "
                            + "Je vous envoie le nouveau parcours demain. Semaine chargée pour moi, désolé pour le retard.\n\nKarim"),
            new Letter("contact@banque.example", "Votre banque", "Votre relevé mensuel",
                    "Votre relevé mensuel est disponible. Connectez-vous à votre espace pour le consulter. Notre équipe reste à votre disposition."),
            new Letter("julien.moreau@hopital.example", "Julien Moreau", "Pot de départ",
                    "Bonjour à tous,\n\nMerci pour ces six années ensemble. Pot vendredi au lieu habituel, avec plaisir je paie la première "
                            + "tournée. Envoyez-moi un mot si vous ne pouvez pas venir.\n\nJulien"),
            new Letter("agenda@dentiste.example", "Cabinet dentaire", "Rappel : votre rendez-vous",
                    "Nous vous rappelons votre rendez-vous mardi à 9 h 30. Merci d'arriver dix minutes en avance. Répondez à ce message pour le déplacer."),
            new Letter("lettre@ux-digest.example", "UX Digest", "UX Digest : recherche, design, équipes",
                    "Cette semaine : comment les équipes design organisent leur recherche, un guide des entretiens utilisateurs et vingt minutes "
                            + "sur l'accessibilité. Les équipes produit trouveront une courte liste de contrôle."),
            new Letter("camille.roux@example.org", "Camille Roux", "Photos du voyage",
                    "Salut Alex !\n\nVoici les photos du voyage. Je t'envoie le reste quand je trouve une minute. Semaine chargée mais ça valait "
                            + "le coup.\n\nCamille"),
            new Letter("cours@formation.example", "Plateforme de formation", "Votre parcours continue",
                    "Votre prochaine leçon est prête : vingt minutes sur la découverte produit et la recherche utilisateur. Continuez, l'équipe "
                            + "vous encourage."),
            new Letter("lea.garnier@hopital.example", "Léa Garnier", "Passation du projet",
                    "Bonjour Alex,\n\nMerci pour les notes de passation sur le projet de gestion des lits. Je t'appelle avec plaisir si quelque "
                            + "chose n'est pas clair. L'équipe t'embrasse.\n\nLéa"));

    private DemoBackground() {}

    /** The ordinary messages, one every few hours before {@code before}, oldest first. */
    static List<MimeMessage> messages(boolean french, Instant before) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        List<Letter> letters = french ? FRENCH : ENGLISH;
        List<MimeMessage> out = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            Letter letter = letters.get(i);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(address(letter.from(), letter.name()));
            m.setRecipient(MimeMessage.RecipientType.TO, address(DemoStory.USER, "Alex Martin"));
            m.setSubject(letter.subject(), "UTF-8");
            m.setSentDate(Date.from(before.minus(Duration.ofHours(6L * (letters.size() - i)))));
            m.setText(letter.body(), "UTF-8");
            m.saveChanges();
            out.add(m);
        }
        return out;
    }

    private static InternetAddress address(String email, String name) {
        try {
            return new InternetAddress(email, name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
