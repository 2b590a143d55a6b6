package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.application.ActionRunner;
import org.rebond.domain.Action;
import org.rebond.realserver.HeadlessChromium;

/**
 * The prep brief as the daemon delivers it into INBOX (GreenMail, stepped clock, the tests' own
 * driver of due actions, as in {@link EndToEndIT}), in English and in French:
 *
 * <ul>
 *   <li>its text part is format=flowed, readable at 80 columns by a client that ignores it;</li>
 *   <li>its HTML part, taken from the mailbox, names nothing to load from outside, and rendered by
 *       headless Chromium in an 800-pixel-wide window (a mail client's reading pane) it loads
 *       nothing, shows the brief, and is saved as {@code target/screenshots/brief-LANG.png}
 *       (beside it {@code brief-LANG.html}, and the whole message as {@code brief-LANG.eml}) for a
 *       person to look at.</li>
 * </ul>
 *
 * Without Chromium the HTML half is skipped, saying so; the text half has run by then.
 */
class BriefInChromiumIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int WIDTH = 800;
    private static final int HEIGHT = 3000;

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    @Test
    void theEnglishBriefIsReadableAtEightyColumnsAndRendersInChromiumWithoutLoadingAnything() throws Exception {
        MimeMessage brief = deliverBrief("en");

        assertTextPartFitsEightyColumns(brief);
        renderInChromium(brief, "en", "Jeanne Roe");
    }

    @Test
    void theFrenchBriefIsReadableAtEightyColumnsAndRendersInChromiumWithoutLoadingAnything() throws Exception {
        MimeMessage brief = deliverBrief("fr");

        assertTextPartFitsEightyColumns(brief);
        renderInChromium(brief, "fr", "Jeanne Roe");
    }

    /** Starts the daemon with the profile in {@code language}, seeds a history and an invitation, and lets the brief be delivered. */
    private MimeMessage deliverBrief(String language) throws Exception {
        Path config = daemon.config();
        String yaml = Files.readString(config);
        if (language.equals("fr")) {
            String french = yaml.replace("  language: en\n", "  language: fr\n")
                    .replace("move into product management in digital health", "évoluer vers la gestion de produit en santé numérique")
                    .replace("Six years of hospital projects.", "Six ans de projets à l'hôpital.");
            assertThat(french).as("the test's config has an English profile to turn French").isNotEqualTo(yaml).contains("language: fr");
            Files.writeString(config, french);
        }
        daemon.startWithManualSchedulerOn(config);
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        Instant now = daemon.clock.instant();
        boolean fr = language.equals("fr");
        daemon.mailbox.deliver(daemon.mailbox.plain("<intro@example.net>", "Paul Intro <" + TestMailbox.REFERRER + ">", TestMailbox.USER,
                TestMailbox.CONTACT, fr ? "Présentation : Camille / Jeanne" : "Introduction: Camille / Jeanne",
                fr ? "Camille, je te présente Jeanne, qui dirige le produit chez Acme Santé."
                        : "Camille, meet Jeanne, who runs product at Acme Health.", now.minus(Duration.ofDays(5))));
        daemon.mailbox.deliver(daemon.mailbox.plain("<jeanne-1@acme-health.example>", "Jeanne Roe <" + TestMailbox.CONTACT + ">",
                TestMailbox.USER, null, fr ? "Re: Présentation : Camille / Jeanne" : "Re: Introduction: Camille / Jeanne",
                (fr ? "Avec plaisir\u00A0! Parlons des parcours de soins et de l'interopérabilité des systèmes hospitaliers\u00A0; "
                        + "mardi vous convient-il\u00A0?"
                        : "Happy to talk about clinical workflows and interoperability.")
                        + "\n\n--\nJeanne Roe\nProduct Manager, Acme Health\n+33 1 23 45 67 89\n", now.minus(Duration.ofDays(4))));
        daemon.mailbox.deliver(daemon.mailbox.invitation("iv-1@acme-health.example", 0, "REQUEST", now, start,
                start.plus(Duration.ofMinutes(30)), fr ? "Entretien d'information Camille / Jeanne" : "Information interview Camille / Jeanne"));
        daemon.awaitOneInterview();

        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(daemon.runDue()).filteredOn(f -> f.result().kind() == ActionRunner.Result.Kind.DELIVERED)
                .extracting(ManualActionScheduler.Fired::action).containsExactly(Action.BRIEF);
        List<TestMailbox.Seen> inbox = daemon.mailbox.rebondMessages("INBOX");
        assertThat(inbox).hasSize(1);
        byte[] raw = inbox.get(0).raw().getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("brief-" + language + ".eml"), raw);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** The text part as a client that ignores format=flowed shows it: no line over 78 columns but one word that cannot be cut. */
    private static void assertTextPartFitsEightyColumns(MimeMessage brief) throws Exception {
        BodyPart text = first(brief, "text/plain");
        ContentType type = new ContentType(text.getContentType());
        assertThat(type.getParameter("format")).isEqualTo("flowed");
        assertThat(type.getParameter("delsp")).isEqualTo("no");
        List<String> lines = Arrays.asList(((String) text.getContent()).split("\r\n|\n"));
        assertThat(lines).as("the brief's text").hasSizeGreaterThan(40);
        assertThat(lines).filteredOn(l -> l.codePointCount(0, l.length()) > 78).as("lines over 78 columns")
                .allMatch(l -> !l.strip().contains(" "));
    }

    private void renderInChromium(MimeMessage brief, String language, String contactName) throws Exception {
        String html = (String) first(brief, "text/html").getContent();
        assertThat(HeadlessChromium.externalReferences(html)).as("what the brief's HTML would load from outside").isEmpty();
        HeadlessChromium.assumeAvailable();
        Files.createDirectories(SCREENSHOTS);
        Path page = Files.writeString(SCREENSHOTS.resolve("brief-" + language + ".html"), html);
        Path png = SCREENSHOTS.resolve("brief-" + language + ".png");

        HeadlessChromium.Rendering rendering = HeadlessChromium.render(page, png, WIDTH, HEIGHT);

        assertThat(rendering.requests()).as("requests that reached the proxy: the brief loaded something").isEmpty();
        assertThat(rendering.dom()).as("the DOM Chromium built").contains(contactName).contains("</html>");
        assertThat(HeadlessChromium.externalReferences(rendering.dom())).as("what the DOM would load from outside").isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG that decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(HeadlessChromium.distinctColours(image)).as("colours in the screenshot: not a blank page").isGreaterThan(16);
        int content = HeadlessChromium.contentHeight(image);
        assertThat(content).as("the brief's height in pixels").isGreaterThan(600)
                .as("the brief fits the %d-pixel window (else raise HEIGHT)", HEIGHT).isLessThan(HEIGHT - 20);
        // Keep the brief and a margin, not the empty window below it.
        ImageIO.write(image.getSubimage(0, 0, WIDTH, Math.min(HEIGHT, content + 40)), "png", png.toFile());
    }

    private static BodyPart first(Part part, String type) throws Exception {
        BodyPart found = find(part, type);
        assertThat(found).as("the brief's %s part", type).isNotNull();
        return found;
    }

    private static BodyPart find(Part part, String type) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.isMimeType(type) && part instanceof BodyPart bodyPart ? bodyPart : null;
    }
}
