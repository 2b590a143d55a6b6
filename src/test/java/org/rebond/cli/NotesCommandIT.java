package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.DebriefNotes.NameGiven;
import org.rebond.domain.Interview;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;

/**
 * {@code rebond notes} as a user runs it, with no daemon: notes piped on standard input, read from a
 * file, typed in an editor (a script standing for one), shown back with {@code --show}, tried with
 * {@code --dry-run}; in English and in French. One interview, on 10 March 2030 at 14:00 in Paris,
 * with Jane Doe; its thank-you is due two hours after its end.
 */
class NotesCommandIT {

    private static final Instant START = Instant.parse("2030-03-10T13:00:00Z");

    @TempDir
    Path dir;

    private long interview;

    @BeforeEach
    void oneInterviewToCome() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        Files.createDirectories(database.getParent());
        try (Database db = Database.open(database)) {
            interview = new SqlInterviewStore(db, Clock.systemUTC()).save(new Interview(0, "iv-1@company.example", "", 0,
                    Instant.parse("2030-02-01T10:00:00Z"), Interview.State.SCHEDULED, START, START.plusSeconds(45 * 60), "Europe/Paris",
                    false, "Information interview with Jane Doe", "", "jane.doe@company.example",
                    new Interview.Person("jane.doe@company.example", "Jane Doe"), null, "title says \"information interview\"",
                    "<invite-1@company.example>")).id();
        }
    }

    private String config(String language) throws IOException {
        Path password = Cli.passwordFile(dir, "n0t-used-by-notes", "rw-------");
        return Files.writeString(dir.resolve("rebond-" + language + ".yaml"),
                Cli.config(dir, language, "Europe/Paris", "imap.example.org", 993, "tls", password, "")).toString();
    }

    private DebriefNotes recorded() {
        try (Database db = Database.open(dir.resolve("state").resolve("rebond.db"))) {
            return new SqlInterviewStore(db, Clock.systemUTC()).notes(interview).orElse(DebriefNotes.NONE);
        }
    }

    @Test
    void notesPipedOnStandardInputAreRecordedAndTheCommandSaysWhatItUnderstoodAndWhenTheThankYouComes() throws IOException {
        Cli.Result result = Cli.withInput("""
                Points discussed:
                - Clinicians review every release
                - Regulation takes a third of the week
                Leads: the HealthTech meetup in Lyon
                Names:
                - Sophie Martin <sophie@x.fr> — ok to contact, ok to say I come from Jane, will introduce me
                Next steps:
                - Read the HAS guide by Friday
                - Send my CV to her team
                Article:
                https://example.org/discovery
                """, "notes", Long.toString(interview), "--config", config("en"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsSubsequence(
                "Notes added to interview #" + interview + " with Jane Doe, Sun 10 Mar 2030 14:00: 2 points, 1 lead, 1 name, 2 next steps, "
                        + "an article.",
                "Notes recorded in all: 2 points, 1 lead, 1 name, 2 next steps, an article ('rebond notes " + interview + " --show' lists them).",
                "Careful (M1): \"Send my CV\" asks Jane Doe for a job.");
        assertThat(result.out()).contains("  Why it may hurt: asking for a CV to be forwarded turns an information interview into a job request;",
                        "The thank-you leaves this note out and says so in its first line")
                .contains("The thank-you draft will be made on Sun 10 Mar 2030 16:45, with these notes.");
        assertThat(recorded().names()).containsExactly(new NameGiven("Sophie Martin", "sophie@x.fr", true, true, true, true));
        assertThat(recorded().nextSteps()).containsExactly("Read the HAS guide by Friday", "Send my CV to her team");
    }

    @Test
    void notesFromAFileThenShowInFrenchListEverythingWithThePermissionsInWords() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), """
                **Points abordés**
                • Le marquage CE prend un tiers du temps
                Pistes :
                1) Le meetup HealthTech de Lyon
                Noms :
                - Sophie Martin, sophie@x.fr (peut la contacter, pas me recommander de sa part)
                - Paul Roy — ne pas noter son nom
                À faire :
                - Relire le guide de la HAS
                """);

        Cli.Result add = Cli.run("notes", "#" + interview, "--file", file.toString(), "--config", config("fr"));
        Cli.Result show = Cli.run("notes", Long.toString(interview), "--show", "--config", config("fr"));

        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Notes ajoutées à l'entretien #" + interview + " avec Jane Doe, dim. 10 mars 2030 14:00 : 1 point, "
                + "1 piste, 2 noms, 1 prochaine étape.").contains("Le brouillon de remerciement sera fait le dim. 10 mars 2030 16:45, avec ces notes.");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out().lines().toList()).containsSubsequence(
                "Points abordés (1) :", "  - Le marquage CE prend un tiers du temps",
                "Pistes (1) :", "  - Le meetup HealthTech de Lyon",
                "Noms (2) :",
                "  - Sophie Martin <sophie@x.fr> : ok pour noter, ok pour contacter, ne pas citer Jane Doe",
                "  - Paul Roy : ne pas noter, ne pas contacter, ne pas citer Jane Doe",
                "Prochaines étapes (1) :", "  - Relire le guide de la HAS");
        assertThat(show.out()).startsWith("Notes de l'entretien #" + interview + " avec Jane Doe, dim. 10 mars 2030 14:00, reçues par : rebond notes (");
        assertThat(add.out() + show.out()).as("no English in French output")
                .doesNotContainPattern("\\b(?:may|with|from|notes added|recorded|the|will|draft)\\b");
    }

    @Test
    void aSecondGoAddsToTheFirstAndDryRunShowsWhatWouldBeUnderstoodWithoutRecording() throws IOException {
        String config = config("en");
        Cli.withInput("Points:\n- Clinicians review every release\nNames:\n- Paul Roy - may contact\n", "notes", "1", "--config", config);

        Cli.Result dryRun = Cli.withInput("Points:\n- clinicians review every release!\n- FHIR is the hard part\nNames:\n"
                + "- Paul Roy - may contact, may mention Jane\n", "notes", "1", "--dry-run", "--config", config);
        DebriefNotes afterDryRun = recorded();
        Cli.Result second = Cli.withInput("Points:\n- clinicians review every release!\n- FHIR is the hard part\nNames:\n"
                + "- Paul Roy - may contact, may mention Jane\n", "notes", "1", "--config", config);

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out().lines().toList()).containsSubsequence("What rebond understands, for interview #1 with Jane Doe, Sun 10 Mar 2030 14:00:",
                "Points discussed (2):", "  - clinicians review every release!", "  - FHIR is the hard part",
                "Names (1):", "  - Paul Roy: may note, may contact, may mention Jane Doe",
                "Nothing was recorded (--dry-run). Added to the notes already recorded, this would make 2 points, 1 name.");
        assertThat(afterDryRun.points()).containsExactly("Clinicians review every release");
        assertThat(second.out()).contains("Notes added to interview #1 with Jane Doe, Sun 10 Mar 2030 14:00: 2 points, 1 name.")
                .contains("Notes recorded in all: 2 points, 1 name");
        assertThat(recorded().points()).containsExactly("Clinicians review every release", "FHIR is the hard part");
        assertThat(recorded().names()).containsExactly(new NameGiven("Paul Roy", "", true, true, true, false));
    }

    @Test
    void inATerminalTheEditorOpensOnATemplateInAPrivateFileThatIsDeletedAfterwards() throws IOException {
        Path seen = dir.resolve("seen-by-the-editor.txt");
        Path editor = dir.resolve("fake-editor");
        Files.writeString(editor, """
                #!/bin/sh
                # Stands for the user's editor: notes where the file is, how private it is, what it held, and fills it in.
                { echo "$1"; stat -c '%%a' "$1"; stat -c '%%a' "$(dirname "$1")"; } > '%s'
                cat "$1" >> '%s'
                printf 'Points discussed:\\n- Clinicians review every release\\nNext steps:\\n- Write to Sophie on Monday\\n' >> "$1"
                """.formatted(seen, seen));
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));

        Cli.Result result = Cli.inTerminal(Map.of("EDITOR", editor.toString()), "notes", "1", "--config", config("en"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(seen);
        assertThat(lines.get(1)).as("the file's mode").isEqualTo("600");
        assertThat(lines.get(2)).as("its folder's mode").isEqualTo("700");
        assertThat(Path.of(lines.get(0))).as("deleted afterwards").doesNotExist();
        assertThat(Path.of(lines.get(0)).getParent()).doesNotExist();
        assertThat(lines).contains("# Notes for interview #1 with Jane Doe, Sun 10 Mar 2030 14:00.",
                "Names (name, e-mail, then what was agreed: may note, may contact, may mention Jane Doe, will introduce me):",
                "Next steps (what you will do, and by when):");
        assertThat(recorded().points()).containsExactly("Clinicians review every release");
        assertThat(recorded().nextSteps()).containsExactly("Write to Sophie on Monday");
        assertThat(result.out()).contains("1 point, 1 next step.");
    }

    @Test
    void anEditorLeftUntouchedRecordsNothingAndSaysSoAndVisualComesBeforeEditor() throws IOException {
        Path untouched = Files.writeString(dir.resolve("untouched-editor"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(untouched, PosixFilePermissions.fromString("rwx------"));

        Cli.Result result = Cli.inTerminal(Map.of("VISUAL", untouched.toString(), "EDITOR", "/nonexistent/editor"), "notes", "1",
                "--config", config("fr"));
        Cli.Result show = Cli.run("notes", "1", "--show", "--config", config("fr"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(result.err()).startsWith("rebond: aucune note trouvée dans l'éditeur (" + untouched + ") ; rien n'a été enregistré.");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).startsWith("Pas encore de notes pour l'entretien #1 avec Jane Doe");
    }

    @Test
    void anEditorThatCannotBeFoundExits78AndSaysHowToChooseOne() throws IOException {
        Cli.Result result = Cli.inTerminal(Map.of("EDITOR", "/nonexistent/editor"), "notes", "1", "--config", config("en"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("cannot open the editor (/nonexistent/editor)").contains("Set VISUAL or EDITOR");
    }

    @Test
    void anUnknownInterviewAMissingFileAndShowWithAFileAreRefusedWithTheirExitCodes() throws IOException {
        String config = config("en");

        Cli.Result unknown = Cli.withInput("- a point\n", "notes", "42", "--config", config);
        Cli.Result missing = Cli.run("notes", "1", "--file", dir.resolve("absent.txt").toString(), "--config", config);
        Cli.Result both = Cli.run("notes", "1", "--show", "--file", dir.resolve("absent.txt").toString(), "--config", config);
        Cli.Result seenEvent = Cli.run("notes", "e3", "--config", config);
        Cli.Result nothing = Cli.withInput("Thanks, it went well.\n", "notes", "1", "--config", config);

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(unknown.err()).contains("no interview #42");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(missing.err()).contains("absent.txt does not exist; nothing was recorded");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(seenEvent.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(nothing.err()).contains("no notes found in standard input; nothing was recorded");
        assertThat(recorded()).isEqualTo(DebriefNotes.NONE);
    }
}
