package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.demo.Rehearsal;

/**
 * The demo's brief, as a newcomer reads it after the demo: the daemon takes Marc's invitation from the
 * demo mailbox (a few days of ordinary mail, Sophie's introduction, Marc's answer), delivers the brief,
 * and {@code rebond preview brief} shows it. Marc's trade terms stand out; the caution about a senior
 * contact at a first interview appears; in both languages.
 */
class DemoBriefTest {

    private static String briefAfterTheDemo(Path dir, boolean french) throws Exception {
        Rehearsal.Outcome outcome = Rehearsal.run(dir, Duration.ofMinutes(1), Clock.systemUTC(), french);
        assertThat(outcome.complete()).as("the demo's daemon took the invitation and delivered the brief").isTrue();
        Cli.Result preview = Cli.run("preview", "brief", "--interview", "1", "--config", dir.resolve("rebond.yaml").toString());
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        return preview.out().replace('\u00a0', ' ');
    }

    /** The terms of the vocabulary section, without the lines of the contact's that follow each. */
    private static String vocabularyOf(String brief, String heading, String next) {
        return String.join("\n", brief.substring(brief.indexOf(heading), brief.indexOf(next)).lines()
                .filter(l -> l.startsWith("- ")).map(l -> l.replaceFirst(" ?: [\"«].*", "")).toList());
    }

    @Test
    void theEnglishDemoBriefPicksOutMarcsTradeTermsAndCautionsAboutASeniorContact(@TempDir Path dir) throws Exception {
        String brief = briefAfterTheDemo(dir, false);
        String vocabulary = vocabularyOf(brief, "THEIR VOCABULARY", "WHAT YOU ALREADY KNOW");

        assertThat(brief).contains("CAUTION: A SENIOR CONTACT, EARLY IN YOUR SEQUENCE", "\"Senior Product Manager\", reads senior",
                "Sophie Durand introduced you", "On linkedin.com: https://www.linkedin.com/in/marc-lefevre-medinova");
        assertThat(vocabulary).contains("FHIR", "CE marking", "patient pathways")
                .doesNotContainIgnoringCase("gladly").doesNotContainIgnoringCase("busy").doesNotContainIgnoringCase("twenty")
                .doesNotContainIgnoringCase("minutes").doesNotContainIgnoringCase("teams").doesNotContainIgnoringCase("passcode");
    }

    @Test
    void theFrenchDemoBriefPicksOutMarcsTradeTermsAndCautionsAboutASeniorContact(@TempDir Path dir) throws Exception {
        String brief = briefAfterTheDemo(dir, true);
        String vocabulary = vocabularyOf(brief, "SON VOCABULAIRE", "CE QUE VOUS SAVEZ DÉJÀ");

        assertThat(brief).contains("ATTENTION : UN INTERLOCUTEUR TRÈS EXPÉRIMENTÉ", "« Senior Product Manager », laisse penser",
                "Sophie Durand vous a mis en relation");
        assertThat(vocabulary).contains("FHIR", "marquage CE", "parcours patients")
                .doesNotContainIgnoringCase("plaisir").doesNotContainIgnoringCase("vingt").doesNotContainIgnoringCase("minutes")
                .doesNotContainIgnoringCase("équipe").doesNotContainIgnoringCase("rejoindre").doesNotContainIgnoringCase("réunion");
    }
}
