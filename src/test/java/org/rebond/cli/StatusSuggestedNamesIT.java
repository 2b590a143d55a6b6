package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.DebriefNotes.NameGiven;
import org.rebond.domain.Interview;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;

/**
 * {@code rebond status} after an interview with Claire Dubois (2 June 2025) whose notes gave three names: Lou Kim, whom the
 * user now meets on 16 June (Lou's invitation took Claire as referrer); Anne Roy, whom Claire will introduce; and a name
 * Claire asked the user not to keep. The notes also plan to send Claire the CV. Status runs on 10 June 2025.
 */
class StatusSuggestedNamesIT {

    private static final Clock TENTH_OF_JUNE = Clock.fixed(Instant.parse("2025-06-10T08:00:00Z"), ZoneOffset.UTC);
    private static final Instant CLAIRE = Instant.parse("2025-06-02T08:00:00Z");
    private static final Instant LOU = Instant.parse("2025-06-16T12:00:00Z");

    @TempDir
    Path dir;

    private Path config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-status", "rw-------");
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, ""));
    }

    private void createState() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        Files.createDirectories(database.getParent());
        try (Database db = Database.open(database)) {
            SqlInterviewStore store = new SqlInterviewStore(db, TENTH_OF_JUNE);
            Interview.Person claire = new Interview.Person("claire.dubois@acme.example", "Claire Dubois");
            long held = store.save(interview("claire-1@acme.example", CLAIRE, claire, null)).id();
            store.saveNotes(held, new DebriefNotes(List.of("the team uses FHIR"), List.of(), List.of(
                    new NameGiven("Lou Kim", "lou.kim@medi.example", true, true, true, false),
                    new NameGiven("Anne Roy", "", true, true, false, true),
                    new NameGiven("Max Secret", "max@secret.example", false, false, false, false)), "", List.of("send her my CV")),
                    "<notes-1@example.org>");
            store.save(interview("lou-1@medi.example", LOU, new Interview.Person("lou.kim@medi.example", "Lou Kim"), claire));
        }
    }

    private static Interview interview(String uid, Instant start, Interview.Person contact, Interview.Person referrer) {
        return new Interview(0, uid, "", 0, Instant.parse("2025-05-20T10:00:00Z"), Interview.State.SCHEDULED, start,
                start.plusSeconds(1800), "Europe/Paris", false, "Coffee with " + contact.name(), "", contact.email(), contact, referrer,
                referrer == null ? "title says \"information interview\"" : "contact suggested in an earlier debrief", "");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', value = {
            "en|Suggested next interviews (the names given in your debrief notes):"
                    + "|Lou Kim <lou.kim@medi.example>"
                    + "|given by Claire Dubois at your interview on Mon 2 Jun 2025 (#1)"
                    + "|you may get in touch; you may say Claire Dubois suggested it"
                    + "|interview scheduled for Mon 16 Jun 2025 14:00 (#2)"
                    + "|Anne Roy"
                    + "|Claire Dubois will introduce you; you may get in touch; do not say Claire Dubois suggested it"
                    + "|not met yet"
                    + "|suggested by Claire Dubois at your interview on Mon 2 Jun 2025"
                    + "|left out of the thank-you: \"send her my CV\" — asking for a CV to be forwarded turns an information interview into a job request;"
                    + " the contact may feel used and stop helping",
            "fr|Prochains entretiens suggérés (les noms donnés dans vos notes) :"
                    + "|Lou Kim <lou.kim@medi.example>"
                    + "|donné par Claire Dubois lors de votre entretien du lun. 2 juin 2025 (#1)"
                    + "|vous pouvez prendre contact ; vous pouvez dire que Claire Dubois vous l'a suggéré"
                    + "|entretien prévu le lun. 16 juin 2025 14:00 (#2)"
                    + "|Anne Roy"
                    + "|Claire Dubois vous présentera ; vous pouvez prendre contact ; ne dites pas que Claire Dubois vous l'a suggéré"
                    + "|pas encore rencontré(e)"
                    + "|suggéré(e) par Claire Dubois lors de votre entretien du lun. 2 juin 2025"
                    + "|laissé hors du remerciement : « send her my CV » — proposer son CV ou demander qu'il soit transmis fait d'un entretien d'information"
                    + " une demande d'emploi ; la personne peut se sentir utilisée et cesser de vous aider"})
    void statusListsTheNamesGivenInDebriefsAsSuggestedNextInterviewsWithWhoGaveThemThePermissionsAndWhetherMet(
            String language, String heading, String lou, String louGiven, String louPermissions, String louMeeting, String anne,
            String annePermissions, String anneMeeting, String louReferrer, String careful) throws IOException {
        createState();

        Cli.Result result = Cli.runAt(TENTH_OF_JUNE, "status", "--config", config(language).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().map(String::strip).toList();
        int section = lines.indexOf(heading);
        assertThat(section).as(result.out()).isPositive();
        assertThat(lines.subList(section + 1, lines.size())).as(result.out())
                .startsWith(lou, louGiven, louPermissions, louMeeting, anne, lines.get(section + 6), annePermissions, anneMeeting);
        assertThat(result.out()).as("a name the contact asked not to keep is not listed").doesNotContain("Max Secret");
        assertThat(lines).as(result.out()).contains(louReferrer, careful);
    }
}
