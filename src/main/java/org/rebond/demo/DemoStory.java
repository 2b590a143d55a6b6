package org.rebond.demo;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;

/**
 * The demo's people and messages, in English or French: a referrer introduces the user to a
 * contact, they exchange a few lines, the contact sends an invitation to an information interview,
 * and later the user answers the debrief prompt with a few bullet points.
 */
public final class DemoStory {

    public static final String USER = "alex.martin@rebond.example";
    public static final String REFERRER = "sophie.durand@lumen-conseil.example";
    public static final String CONTACT = "marc.lefevre@medinova.example";
    /** The person Marc names in the debrief, whom the user meets next. */
    public static final String SUGGESTED = "julie.bernard@kardia.example";

    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final boolean french;
    private final Session session = Session.getInstance(new Properties());

    public DemoStory(boolean french) {
        this.french = french;
    }

    public boolean french() {
        return french;
    }

    public String userName() {
        return "Alex Martin";
    }

    public String objective() {
        return french ? "devenir product manager dans la santé numérique" : "move into product management in digital health";
    }

    public String pitch() {
        return french ? "Six ans de gestion de projet à l'hôpital, une formation en UX, l'envie de concevoir des outils pour les soignants."
                : "Six years running projects in a hospital, a UX course behind me, and a wish to build tools for care teams.";
    }

    public MimeMessage introduction(Instant at) throws MessagingException {
        String body = french
                ? "Bonjour Alex, bonjour Marc,\n\nJe me permets de vous mettre en relation. Alex a coordonné des projets à l'hôpital Saint-Louis "
                + "et réfléchit à devenir product manager dans la santé numérique. Marc dirige le produit téléconsultation chez Medinova "
                + "depuis trois ans.\n\nJe pense qu'un échange vous intéressera tous les deux.\n\nBelle journée,\nSophie"
                : "Hello Alex, hello Marc,\n\nLet me put you in touch. Alex has coordinated projects at Saint-Louis hospital and is thinking "
                + "about product management in digital health. Marc has led the telehealth product at Medinova for three years.\n\n"
                + "I think you would both enjoy a conversation.\n\nBest,\nSophie";
        MimeMessage m = message("<intro-1@lumen-conseil.example>", REFERRER, "Sophie Durand", USER, french ? "Mise en relation : Alex / Marc" : "Introduction: Alex / Marc", body, at);
        m.addRecipient(Message.RecipientType.CC, address(CONTACT, "Marc Lefèvre"));
        return m;
    }

    public MimeMessage contactReply(Instant at) throws MessagingException {
        String body = french
                ? "Bonjour Alex,\n\nAvec plaisir. Je suis en plein marquage CE de notre module de télésurveillance et l'équipe enchaîne "
                + "les sprints de discovery, mais je peux vous consacrer vingt minutes. Sophie m'a parlé de votre travail sur les parcours "
                + "patients à Saint-Louis : c'est exactement le cœur de notre produit de téléconsultation. La moitié de ma semaine passe "
                + "dans l'interopérabilité (FHIR, hébergement HDS) et dans l'évaluation clinique du dispositif médical avec notre "
                + "responsable réglementaire.\n\nJe vous envoie une invitation.\n\n--\nMarc Lefèvre\nSenior Product Manager, Medinova\n"
                + "+33 6 12 34 56 78\nhttps://www.linkedin.com/in/marc-lefevre-medinova\n"
                : "Hello Alex,\n\nGladly. I am in the middle of CE marking for our remote monitoring module and the team is busy with "
                + "discovery sprints, but I can give you twenty minutes. Sophie told me about your work on patient pathways at "
                + "Saint-Louis: that is the heart of our telehealth product. Half of my week goes to interoperability (FHIR, HDS hosting) "
                + "and to the clinical evaluation of the medical device with our regulatory lead.\n\nI'll send you an invitation.\n\n--\n"
                + "Marc Lefèvre\nSenior Product Manager, Medinova\n+33 6 12 34 56 78\nhttps://www.linkedin.com/in/marc-lefevre-medinova\n";
        MimeMessage m = message("<reply-1@medinova.example>", CONTACT, "Marc Lefèvre", USER,
                french ? "Re: Mise en relation : Alex / Marc" : "Re: Introduction: Alex / Marc", body, at);
        m.setHeader("In-Reply-To", "<intro-1@lumen-conseil.example>");
        m.setHeader("References", "<intro-1@lumen-conseil.example>");
        return m;
    }

    /** Marc's second message, a day later: what to read before the call, in his trade's words. */
    public MimeMessage contactReading(Instant at) throws MessagingException {
        String body = french
                ? "Alex,\n\nAvant notre échange, deux lectures si vous avez le temps. D'abord le guide de l'ANS sur l'interopérabilité "
                + "FHIR : il explique pourquoi chaque produit de téléconsultation parle FHIR aujourd'hui. Ensuite les recommandations de "
                + "la HAS sur l'évaluation clinique d'un dispositif médical : le marquage CE pèse plus sur notre feuille de route que "
                + "n'importe quelle demande de fonctionnalité. Chez nous, le product manager porte les parcours patients de bout en "
                + "bout, de la première téléconsultation à la télésurveillance à domicile.\n\nÀ bientôt,\nMarc\n"
                : "Alex,\n\nBefore our call, two things worth a look if you have time. First, the national agency's guide to FHIR "
                + "interoperability: it explains why every telehealth product speaks FHIR today. Second, the guidance on the clinical "
                + "evaluation of a medical device: CE marking weighs more on our roadmap than any feature request. Here, the product "
                + "manager owns the patient pathways end to end, from the first teleconsultation to remote monitoring at home.\n\n"
                + "See you soon,\nMarc\n";
        MimeMessage m = message("<reply-2@medinova.example>", CONTACT, "Marc Lefèvre", USER,
                french ? "Deux lectures avant notre échange" : "Two things to read before our call", body, at);
        m.setHeader("In-Reply-To", "<reply-1@medinova.example>");
        m.setHeader("References", "<intro-1@lumen-conseil.example> <reply-1@medinova.example>");
        return m;
    }

    public MimeMessage userThanksSophie(Instant at) throws MessagingException {
        String body = french ? "Merci Sophie pour la mise en relation !\n\nMarc, merci pour votre réponse, je suis disponible quand cela vous arrange.\n\nAlex"
                : "Thank you Sophie for the introduction!\n\nMarc, thanks for your answer; I'm free whenever suits you.\n\nAlex";
        MimeMessage m = message("<sent-1@rebond.example>", USER, userName(), CONTACT,
                french ? "Re: Mise en relation : Alex / Marc" : "Re: Introduction: Alex / Marc", body, at);
        m.addRecipient(Message.RecipientType.CC, address(REFERRER, "Sophie Durand"));
        m.setHeader("In-Reply-To", "<reply-1@medinova.example>");
        m.setHeader("References", "<intro-1@lumen-conseil.example> <reply-1@medinova.example>");
        return m;
    }

    /** The contact's invitation: an iMIP REQUEST, as calendar programs send them. */
    public MimeMessage invitation(Instant sentAt, Instant start, Instant end) throws MessagingException {
        String summary = french ? "Entretien d'information – Alex Martin / Marc Lefèvre" : "Information interview – Alex Martin / Marc Lefèvre";
        return request(new Organizer("Marc Lefèvre", CONTACT, "-//Medinova//Calendar 1.0//EN", "demo-", "invite-"), sentAt, start, end,
                summary, french ? "Visio – lien dans l'invitation" : "Video call – link in the invitation", invitationText(summary));
    }

    /**
     * Julie's invitation, after the user wrote to her as Marc suggested: a plain coffee, no
     * "information interview" in it; rebond takes it because Marc named her in the debrief.
     */
    public MimeMessage suggestedInvitation(Instant sentAt, Instant start, Instant end) throws MessagingException {
        return request(new Organizer("Julie Bernard", SUGGESTED, "-//Kardia//Agenda 2.1//FR", "demo-julie-", "invite-julie-"), sentAt,
                start, end, french ? "Café – Alex / Julie" : "Coffee – Alex / Julie", "Café de la Gare, Lyon",
                french ? "Avec plaisir, Alex : Marc m'a parlé de vous. À tout à l'heure au café.\n\nJulie\n"
                        : "Happy to, Alex: Marc told me about you. See you at the café.\n\nJulie\n");
    }

    /** Who sends an invitation, and how their calendar program names it. */
    private record Organizer(String name, String email, String prodId, String uidPrefix, String messageIdPrefix) {}

    private MimeMessage request(Organizer from, Instant sentAt, Instant start, Instant end, String summary, String location, String body)
            throws MessagingException {
        String domain = from.email().substring(from.email().indexOf('@') + 1);
        String ics = "BEGIN:VCALENDAR\r\nPRODID:" + from.prodId() + "\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                + "UID:" + from.uidPrefix() + sentAt.toEpochMilli() + "@" + domain + "\r\nSEQUENCE:0\r\nDTSTAMP:" + ICS.format(sentAt) + "\r\n"
                + "DTSTART:" + ICS.format(start) + "\r\nDTEND:" + ICS.format(end) + "\r\n"
                + "SUMMARY:" + summary + "\r\n"
                + "LOCATION:" + location + "\r\n"
                + "ORGANIZER;CN=" + from.name() + ":mailto:" + from.email() + "\r\n"
                + "ATTENDEE;CN=Alex Martin;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + USER + "\r\n"
                + "STATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        MimeMessage m = new MimeMessage(session);
        m.setFrom(address(from.email(), from.name()));
        m.setRecipient(Message.RecipientType.TO, address(USER, userName()));
        m.setSubject((french ? "Invitation : " : "Invitation: ") + summary, "UTF-8");
        m.setSentDate(Date.from(sentAt));
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        alternative.addBodyPart(text);
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent(ics, "text/calendar; charset=UTF-8; method=REQUEST");
        alternative.addBodyPart(calendar);
        m.setContent(alternative);
        m.saveChanges();
        m.setHeader("Message-ID", "<" + from.messageIdPrefix() + sentAt.toEpochMilli() + "@" + domain + ">");
        return m;
    }

    /** The invitation's text as calendar programs write it: a line of Marc's, then the video call's boilerplate. */
    private String invitationText(String summary) {
        String line = "_".repeat(64);
        return french
                ? summary + "\n\nAlex, comme promis : vingt minutes sur le métier de product manager en téléconsultation. Nous pourrons "
                + "parler du marquage CE, de l'interopérabilité FHIR et des parcours patients.\n\n" + line + "\n"
                + "Réunion Microsoft Teams\nRejoindre la réunion : https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo\n"
                + "ID de réunion : 352 114 889 021\nCode secret : Xk3fd9\n"
                + "Pour en savoir plus | Options de réunion\n" + line + "\n"
                : summary + "\n\nAlex, as promised: twenty minutes on product management in telehealth. We can talk about CE marking, "
                + "FHIR interoperability and patient pathways.\n\n" + line + "\n"
                + "Microsoft Teams meeting\nJoin the meeting now: https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo\n"
                + "Meeting ID: 352 114 889 021\nPasscode: Xk3fd9\n"
                + "Learn more | Meeting options\n" + line + "\n";
    }

    /** The user's answer to the debrief prompt, as a mail client would send it. */
    public MimeMessage debriefReply(Instant at, String promptMessageId, String promptSubject) throws MessagingException {
        String body = french
                ? "Points abordés :\n- Comment l'équipe téléconsultation choisit quoi construire chaque trimestre\n"
                + "- Le marquage CE prend un tiers du temps d'un product manager\n"
                + "- Il pense que l'expérience clinique compte plus qu'un certificat de product management\n"
                + "- Je dois apprendre les bases de FHIR\n"
                + "Pistes :\n- Le meetup HealthTech de Lyon, chaque premier jeudi\n"
                + "- Lire le guide de la HAS sur les dispositifs médicaux numériques\n"
                + "- Lui demander de transmettre mon CV à l'équipe produit de Kardia\n"
                + "Noms :\n- Julie Bernard <julie.bernard@kardia.example> — ok contacter, ok citer\n- Thomas Petit — ok contacter\n"
                + "Article :\n- https://example.org/decouverte-produit-sante\n"
                + "Prochaines étapes :\n- M'inscrire à la formation FHIR de l'ANS\n\n> " + promptSubject + "\n"
                : "Points discussed:\n- How the telehealth team decides what to build each quarter\n"
                + "- CE marking takes a third of a product manager's time\n"
                + "- He thinks clinical experience counts for more than a product management certificate\n"
                + "- I need to learn the basics of FHIR\n"
                + "Leads:\n- The HealthTech meetup in Lyon, every first Thursday\n"
                + "- Read the health authority's guide to digital medical devices\n"
                + "- Ask him to forward my CV to the Kardia product team\n"
                + "Names:\n- Julie Bernard <julie.bernard@kardia.example> — may contact, may mention\n- Thomas Petit — may contact\n"
                + "Article:\n- https://example.org/health-product-discovery\n"
                + "Next steps:\n- Sign up for the national FHIR course\n\n> " + promptSubject + "\n";
        MimeMessage m = message("<debrief-" + at.toEpochMilli() + "@rebond.example>", USER, userName(), USER, "Re: " + promptSubject, body, at);
        m.setHeader("In-Reply-To", promptMessageId);
        m.setHeader("References", promptMessageId);
        return m;
    }

    private MimeMessage message(String id, String from, String fromName, String to, String subject, String body, Instant at) throws MessagingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(address(from, fromName));
        m.setRecipient(Message.RecipientType.TO, address(to, to.equals(USER) ? userName() : ""));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(at));
        m.setText(body, "UTF-8");
        m.saveChanges();
        return m;
    }

    private static InternetAddress address(String email, String name) {
        try {
            return new InternetAddress(email, name == null || name.isEmpty() ? null : name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
