package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.DebriefNotes.NameGiven;
import org.rebond.domain.Interview;
import org.rebond.realserver.HeadlessChromium;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;

/**
 * {@code rebond network} and {@code rebond contact --circle} on this story, on 10 June 2025: Sophie Durand, a friend
 * rebond never saw in an interview, introduced the user to Claire Dubois (held 2 June); Claire's notes gave Lou Kim, whom
 * the user meets on 16 June, and Anne Roy, whom Claire will introduce (no address), and a name Claire asked not to keep.
 * The user also met, on 5 June, someone nobody referred, whose name in the invitation carries markup.
 */
class NetworkAndCirclesIT {

    private static final Clock TENTH_OF_JUNE = Clock.fixed(Instant.parse("2025-06-10T08:00:00Z"), ZoneOffset.UTC);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private String config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-network", "rw-------");
        createState();
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, "")).toString();
    }

    private void createState() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        if (Files.exists(database)) {
            return;
        }
        Files.createDirectories(database.getParent());
        try (Database db = Database.open(database)) {
            SqlInterviewStore store = new SqlInterviewStore(db, TENTH_OF_JUNE);
            Interview.Person claire = new Interview.Person("claire.dubois@acme.example", "Claire Dubois");
            long held = store.save(interview("claire-1@acme.example", "2025-06-02T08:00:00Z", claire,
                    new Interview.Person("sophie@friends.example", "Sophie Durand"))).id();
            store.saveNotes(held, new DebriefNotes(List.of("the team uses FHIR"), List.of(), List.of(
                    new NameGiven("Lou Kim", "lou.kim@medi.example", true, true, true, false),
                    new NameGiven("Anne Roy", "", true, true, false, true),
                    new NameGiven("Max Secret", "max@secret.example", false, false, false, false)), "", List.of()),
                    "<notes-1@example.org>");
            store.save(interview("zoe-1@lab.example", "2025-06-05T12:00:00Z",
                    new Interview.Person("zoe@lab.example", "Zoé <b>Évrard</b> & Co"), null));
            store.save(interview("lou-1@medi.example", "2025-06-16T12:00:00Z", new Interview.Person("lou.kim@medi.example", "Lou Kim"), claire));
        }
    }

    private static Interview interview(String uid, String start, Interview.Person contact, Interview.Person referrer) {
        Instant at = Instant.parse(start);
        return new Interview(0, uid, "", 0, Instant.parse("2025-05-20T10:00:00Z"), Interview.State.SCHEDULED, at, at.plusSeconds(1800),
                "Europe/Paris", false, "Coffee with " + contact.name(), "", contact.email(), contact, referrer, "title says it", "");
    }

    private static Cli.Result run(String... args) {
        return Cli.runAt(TENTH_OF_JUNE, args);
    }

    @Test
    void theNetworkIsATreeUnderWhoeverReferredEachContactWithTheStateOfTheInterviewsThePermissionsAndWhoWaitsForNews() throws IOException {
        String config = config("en");

        Cli.Result result = run("network", "--config", config);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).as(result.out()).containsExactly(
                "Your network — 4 people, 2 starting points",
                "",
                "Claire Dubois <claire.dubois@acme.example>",
                "   introduced by Sophie Durand, who is outside your interviews",
                "   interview held on Mon 2 Jun 2025 (#1) · circle not set",
                "   waiting for news from you: no keeping-you-posted draft since Mon 2 Jun 2025",
                "├─ suggested: Lou Kim <lou.kim@medi.example>",
                "│     interview scheduled for Mon 16 Jun 2025 14:00 (#3) · circle not set",
                "│     you may get in touch; you may say Claire Dubois suggested it",
                "└─ introduced: Anne Roy",
                "      not met yet · circle not set",
                "      Claire Dubois will introduce you; you may get in touch; do not say Claire Dubois suggested it",
                "",
                "Zoé <b>Évrard</b> & Co <zoe@lab.example>",
                "   interview held on Thu 5 Jun 2025 (#2) · circle not set",
                "   waiting for news from you: no keeping-you-posted draft since Thu 5 Jun 2025");
        assertThat(result.out()).as("a name the contact asked not to keep").doesNotContain("Max Secret");
    }

    @Test
    void inFrenchTheTreeHasNoEnglishAndTheCirclesOfTheDefaultListAreFrench() throws IOException {
        String config = config("fr");

        Cli.Result set = run("contact", "#1", "--circle", "anciens collegues", "--config", config);
        Cli.Result result = run("network", "--config", config);

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("Claire Dubois <claire.dubois@acme.example> vient désormais du cercle « anciens collègues ».\n"
                + "Ceux que vous avez connus par cette personne, sans cercle à eux, le prennent aussi : Lou Kim <lou.kim@medi.example>, Anne Roy.\n");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).as(result.out()).containsExactly(
                "Votre réseau — 4 personnes, 2 points de départ",
                "",
                "Claire Dubois <claire.dubois@acme.example>",
                "   présenté(e) par Sophie Durand, hors de votre réseau d'entretiens",
                "   entretien tenu le lun. 2 juin 2025 (#1) · cercle : anciens collègues",
                "   attend de vos nouvelles : aucun brouillon de nouvelles déposé depuis le lun. 2 juin 2025",
                "├─ suggéré(e) : Lou Kim <lou.kim@medi.example>",
                "│     entretien prévu le lun. 16 juin 2025 14:00 (#3) · cercle : anciens collègues (hérité de Claire Dubois)",
                "│     vous pouvez prendre contact ; vous pouvez dire que Claire Dubois vous l'a suggéré",
                "└─ présenté(e) : Anne Roy",
                "      pas encore rencontré(e) · cercle : anciens collègues (hérité de Claire Dubois)",
                "      Claire Dubois vous présentera ; vous pouvez prendre contact ; ne dites pas que Claire Dubois vous l'a suggéré",
                "",
                "Zoé <b>Évrard</b> & Co <zoe@lab.example>",
                "   entretien tenu le jeu. 5 juin 2025 (#2) · cercle non précisé",
                "   attend de vos nouvelles : aucun brouillon de nouvelles déposé depuis le jeu. 5 juin 2025");
        assertThat(result.out()).doesNotContainIgnoringCase("interview").doesNotContainIgnoringCase("circle")
                .doesNotContainIgnoringCase("suggested").doesNotContainIgnoringCase("waiting");
    }

    @Test
    void aContactReachedThroughSomeoneTakesTheirCircleUntilGivenOneOfTheirOwnByAddress() throws IOException {
        String config = config("en");
        assertThat(run("contact", "1", "--circle", "Former Colleagues", "--config", config).exitCode()).isZero();

        Cli.Result own = run("contact", "LOU.KIM@medi.example", "--circle", "alumni", "--config", config);
        Cli.Result lou = run("contact", "3", "--config", config);
        Cli.Result anne = run("network", "--config", config);

        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).isEqualTo("Lou Kim <lou.kim@medi.example> now comes from the circle \"alumni\".\n");
        assertThat(lou.out()).isEqualTo("Lou Kim <lou.kim@medi.example>: circle: alumni.\n"
                + "Your circles: former colleagues, alumni, friends and family, clubs and associations, professional bodies, neighbours, "
                + "chance encounters.\n");
        assertThat(anne.out()).contains("   interview held on Mon 2 Jun 2025 (#1) · circle: former colleagues\n",
                "│     interview scheduled for Mon 16 Jun 2025 14:00 (#3) · circle: alumni\n",
                "      not met yet · circle: former colleagues (from Claire Dubois)\n");
    }

    @Test
    void aCircleNotInTheListIsAUsageErrorThatListsThemAndAnUnknownContactIsADataError() throws IOException {
        String config = config("en");

        Cli.Result badCircle = run("contact", "1", "--circle", "gym", "--config", config);
        Cli.Result noInterview = run("contact", "9", "--circle", "alumni", "--config", config);
        Cli.Result stranger = run("contact", "nobody@nowhere.example", "--circle", "alumni", "--config", config);

        assertThat(badCircle.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badCircle.err()).isEqualTo("rebond: 'gym' is not one of your circles: former colleagues, alumni, friends and family, "
                + "clubs and associations, professional bodies, neighbours, chance encounters (profile.circles in the configuration)\n");
        assertThat(noInterview.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(noInterview.err()).startsWith("rebond: no interview #9");
        assertThat(stranger.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(stranger.err()).startsWith("rebond: rebond does not know nobody@nowhere.example");
        assertThat(run("network", "--config", config).out()).doesNotContain("circle:");
    }

    @Test
    void theCirclesAreTheOnesTheConfigurationLists() throws IOException {
        String config = config("en");
        Files.writeString(Path.of(config), Files.readString(Path.of(config)).replace("  objective:", "  circles: [rowing club, old lab]\n  objective:"));

        Cli.Result set = run("contact", "2", "--circle", "Rowing  Club", "--config", config);
        Cli.Result refused = run("contact", "2", "--circle", "alumni", "--config", config);

        assertThat(set.out()).isEqualTo("Zoé <b>Évrard</b> & Co <zoe@lab.example> now comes from the circle \"rowing club\".\n");
        assertThat(refused.err()).contains("'alumni' is not one of your circles: rowing club, old lab");
    }

    @Test
    void thePageDrawsTheNetworkWithNothingLoadedFromOutsideAndChromiumRendersIt() throws Exception {
        String config = config("en");
        run("contact", "1", "--circle", "former colleagues", "--config", config);
        run("contact", "2", "--circle", "clubs and associations", "--config", config);
        Path page = dir.resolve("network.html");

        Cli.Result result = run("network", "--html", page.toString(), "--config", config);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Network written to " + page + " (4 people); open it in your browser.\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(page))).isEqualTo("rw-------");
        String html = Files.readString(page);
        assertThat(html).contains("<svg", "Zoé &lt;b&gt;Évrard&lt;/b&gt; &amp; Co", ">introduced<", ">suggested<", ">former colleagues<",
                "circle: former colleagues (from Claire Dubois)", "interview scheduled for Mon 16 Jun 2025 14:00 (#3)", "not met yet",
                "waiting for news from you").doesNotContain("<b>Évrard", "<script", "Max Secret");
        assertThat(HeadlessChromium.externalReferences(html)).as("what the page would load from outside").isEmpty();

        HeadlessChromium.assumeAvailable();
        Files.createDirectories(SCREENSHOTS);
        Path kept = Files.writeString(SCREENSHOTS.resolve("network.html"), html);
        Path png = SCREENSHOTS.resolve("network.png");
        HeadlessChromium.Rendering rendering = HeadlessChromium.render(kept, png, 900, 1200);

        assertThat(rendering.requests()).as("requests that reached the proxy: the page loaded something").isEmpty();
        assertThat(rendering.dom()).contains("Claire Dubois", "Anne Roy", "Zoé &lt;b&gt;Évrard&lt;/b&gt; &amp; Co");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(HeadlessChromium.distinctColours(image)).as("not a blank page").isGreaterThan(16);
        assertThat(HeadlessChromium.contentHeight(image)).as("the drawing fits the window").isBetween(400, 1180);
    }
}
