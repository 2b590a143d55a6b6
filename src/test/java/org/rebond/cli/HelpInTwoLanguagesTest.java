package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.i18n.LanguageCheck;
import picocli.CommandLine;

/**
 * Every command's help, and picocli's usage errors, in French and in English: the language is the profile's
 * when the command line names a readable configuration, else the environment's.
 */
class HelpInTwoLanguagesTest {

    private static final Map<String, String> FRENCH = Map.of("LANG", "fr_FR.UTF-8");
    private static final Map<String, String> ENGLISH = Map.of("LANG", "en_GB.UTF-8");

    @TempDir
    Path dir;

    /** What a help says in one language: its environment and the headings picocli prints. */
    private record Speech(Locale language, Map<String, String> environment, String usage, String example, String exitCodes,
                          List<String> otherHeadings) {}

    private static final List<Speech> SPEECHES = List.of(
            new Speech(Locale.FRENCH, FRENCH, "Utilisation :", "Exemple", "Codes de sortie :", List.of("Usage:", "Options:", "Commands:", "Exit codes:")),
            new Speech(Locale.ENGLISH, ENGLISH, "Usage:", "Example", "Exit codes:", List.of("Utilisation", "Commandes", "Codes de sortie")));

    @TestFactory
    Stream<DynamicTest> inEachLanguageEveryCommandsHelpSpeaksItWithASummaryAnExampleAndItsExitCodes() {
        return SPEECHES.stream().flatMap(speech -> everyCommand().stream().map(command -> DynamicTest.dynamicTest(
                speech.language() + ": " + String.join(" ", command) + " --help", () -> {
                    Cli.Result result = help(speech.environment(), command);

                    assertThat(result.exitCode()).as(result.err()).isZero();
                    String help = result.out();
                    assertThat(help).contains(speech.usage() + " rebond").contains(speech.exitCodes()).contains(speech.example());
                    speech.otherHeadings().forEach(heading -> assertThat(help).doesNotContain(heading));
                    assertThat(LanguageCheck.linesInTheOtherLanguage(help, speech.language())).as(help).isEmpty();
                    assertWholeSummaryExampleAndExitCodes(help, speech.usage(), speech.example(), speech.exitCodes());
                })));
    }

    @Test
    void theCommandListSumsUpEachCommandInOneFrenchSentence() {
        String help = Cli.inEnvironment(FRENCH, "--help").out();
        List<String> commands = help.lines().dropWhile(l -> !l.startsWith("Commandes :")).skip(1).takeWhile(l -> l.startsWith("  ")).toList();

        assertThat(commands).hasSize(everyCommand().size() - 1).allSatisfy(line -> assertThat(line.strip())
                .as("one whole sentence on one line").matches("[a-z-]+ +\\p{Lu}.*\\.$"));
    }

    @Test
    void theProfilesLanguageChoosesTheHelpsLanguageOverTheEnvironments() throws IOException {
        Path french = Files.writeString(dir.resolve("fr.yaml"), "profile:\n  name: Camille Martin\n  language: fr\n");
        Path english = Files.writeString(dir.resolve("en.yaml"), "profile:\n  name: Camille Martin\n  language: en\n");

        assertThat(Cli.inEnvironment(ENGLISH, "status", "--config", french.toString(), "--help").out()).contains("Utilisation : rebond status");
        assertThat(Cli.inEnvironment(ENGLISH, "notes", "3", "-c" + french, "--help").out()).contains("Utilisation : rebond notes");
        assertThat(Cli.inEnvironment(ENGLISH, "--config=" + french, "--help").out()).contains("Utilisation : rebond");
        assertThat(Cli.inEnvironment(FRENCH, "status", "-c", english.toString(), "--help").out()).contains("Usage: rebond status");
    }

    @Test
    void aConfigurationThatCannotBeReadLeavesTheChoiceToTheEnvironment() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "profile: [language: fr\n");

        assertThat(Cli.inEnvironment(FRENCH, "status", "-c", dir.resolve("absent.yaml").toString(), "--help").out())
                .contains("Utilisation : rebond status");
        assertThat(Cli.inEnvironment(ENGLISH, "status", "-c", broken.toString(), "--help").out()).contains("Usage: rebond status");
    }

    @Test
    void aWrongOptionInFrenchIsExplainedInFrenchAndExits64() {
        Cli.Result result = Cli.inEnvironment(FRENCH, "status", "--config", dir.resolve("rebond.yaml").toString(), "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("rebond: option inconnue : '--frobnicate'")
                .contains("Lancez 'rebond status --help' pour savoir comment l'utiliser.");
        assertThat(LanguageCheck.linesInTheOtherLanguage(result.err(), Locale.FRENCH)).isEmpty();
    }

    @Test
    void everyKindOfUsageMistakeIsSaidInFrenchAndExits64() {
        Map<List<String>, String> mistakes = Map.of(
                List.of("status"), "l'option --config=FILE est obligatoire",
                List.of("notes", "-c", "rebond.yaml"), "il manque le paramètre ID",
                List.of("demo", "--port", "quatre"), "--port n'accepte pas 'quatre' : il faut un nombre entier",
                List.of("preview", "brief", "-c", "rebond.yaml", "--interview"), "--interview attend une valeur",
                List.of("done", "7", "8", "-c", "rebond.yaml"), "argument en trop : '8'",
                List.of("statu"), "commande inconnue : 'statu'; vouliez-vous dire status ?",
                List.of("status", "-c", "a.yaml", "-c", "b.yaml"), "--config est donnée plusieurs fois");
        mistakes.forEach((args, sentence) -> {
            Cli.Result result = Cli.inEnvironment(FRENCH, args.toArray(String[]::new));

            assertThat(result.exitCode()).as("rebond %s", args).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as("rebond %s", args).contains("rebond: " + sentence).contains("Lancez 'rebond");
            assertThat(LanguageCheck.linesInTheOtherLanguage(result.err(), Locale.FRENCH)).as("rebond %s", args).isEmpty();
        });
    }

    @Test
    void theSameMistakeInEnglishIsSaidInEnglish() {
        Cli.Result result = Cli.inEnvironment(ENGLISH, "demo", "--port", "four");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("rebond: --port does not take 'four': a whole number expected")
                .contains("Run 'rebond demo --help' for how to use it.");
    }

    @Test
    void theHelpCommandAndTheVersionSpeakFrenchToo() {
        Cli.Result help = Cli.inEnvironment(FRENCH, "help", "network");
        Cli.Result version = Cli.inEnvironment(FRENCH, "--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Utilisation : rebond network").contains("Montre votre réseau");
        assertThat(version.out()).startsWith("rebond ").doesNotContain("development");
    }

    @Test
    void theTopHelpListsEveryDocumentedExitCodeInBothLanguages() {
        for (Map<String, String> environment : List.of(FRENCH, ENGLISH)) {
            String help = Cli.inEnvironment(environment, "--help").out();
            for (int code : List.of(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.DATA, ExitCodes.UNAVAILABLE, ExitCodes.SOFTWARE, ExitCodes.IO,
                    ExitCodes.CONFIG)) {
                assertThat(help).as("exit code %d in %s", code, environment).containsPattern("(?m)^\\s*" + code + "\\s+\\S");
            }
        }
    }

    /** The first lines up to the synopsis are one sentence; an example follows its heading; exit codes start with 0. */
    private static void assertWholeSummaryExampleAndExitCodes(String help, String usage, String example, String exitCodes) {
        String summary = help.substring(0, help.indexOf(usage)).strip().replaceAll("\\s+", " ");
        assertThat(summary).as("the summary before %s", usage).matches("\\p{Lu}[^.]*(\\.[^ .][^.]*)*\\.");
        List<String> lines = help.lines().toList();
        List<String> afterExample = lines.stream().dropWhile(l -> !l.startsWith(example)).skip(1).toList();
        assertThat(afterExample).as("an example command line").anySatisfy(l -> assertThat(l).startsWith("  ").contains("rebond"));
        List<String> codes = lines.stream().dropWhile(l -> !l.startsWith(exitCodes)).skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertThat(codes).as("exit codes").isNotEmpty().first().asString().matches("\\s+0\\s+\\S.*");
    }

    private static Cli.Result help(Map<String, String> environment, List<String> command) {
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        args.add("--help");
        return Cli.inEnvironment(environment, args.toArray(String[]::new));
    }

    /** Every command of the tree, as the words that name it: [rebond], [rebond, run]… */
    private static List<List<String>> everyCommand() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(Clock.systemUTC()), List.of("rebond"), commands);
        return commands;
    }

    private static void collect(CommandLine line, List<String> words, List<List<String>> into) {
        into.add(words);
        line.getSubcommands().forEach((name, sub) -> {
            List<String> more = new ArrayList<>(words);
            more.add(name);
            collect(sub, more, into);
        });
    }
}
