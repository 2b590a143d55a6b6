package org.rebond.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.rebond.demo.Rehearsal;
import org.rebond.i18n.Messages;
import org.rebond.store.PrivateFiles;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Writes a class-data-sharing archive of the classes the daemon loads when it starts, so that a
 * JVM started with {@code -XX:SharedArchiveFile=FILE} maps them ready-made instead of reading,
 * parsing and verifying them from the jar (about 0.3 s of a 0.8 s start on two cores). Java 17
 * records them at the exit of a JVM started with {@code -XX:ArchiveClassesAtExit}: this command
 * starts one on the same jar for a short rehearsal of the daemon ({@link Rehearsal}), then checks
 * that the archive maps. An archive names the jar by path, size and time: it must be written
 * where the jar is installed, and written again after each upgrade of the jar or of the JDK (the
 * JVM otherwise says so in its log and starts without it).
 */
@Command(name = "class-archive", mixinStandardHelpOptions = true)
public final class ClassArchiveCommand implements Callable<Integer> {

    private final Clock clock;
    private final SpokenLanguage language;

    /** Made by {@link Main}'s factory with the one clock of the process and the language of this command line. */
    public ClassArchiveCommand(Clock clock, SpokenLanguage language) {
        this.clock = clock;
        this.language = language;
    }

    private static final Duration REHEARSAL_LIMIT = Duration.ofMinutes(2);

    @Parameters(paramLabel = "FILE", descriptionKey = "archive")
    Path archive;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "lang")
    String lang;

    /** Set on the JVM this command starts: run the rehearsal itself, in this process. */
    @Option(names = "--rehearse", hidden = true)
    boolean rehearse;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Messages say = Messages.of("commands", language(lang));
        boolean french = say.french();
        PrintWriter out = spec.commandLine().getOut();
        if (rehearse) {
            return rehearse(say);
        }
        Path jar = runningJar().orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.USAGE, say.get("archive.from.jar", archive)));
        Path target = archive.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Written beside the target and moved over it: a running daemon keeps the archive it mapped.
        Path partial = dir.resolve(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        out.println(say.get("archive.rehearsing", jar));
        out.flush();
        List<String> record = java("-XX:ArchiveClassesAtExit=" + partial, "-jar", jar.toString(), "class-archive", "--rehearse",
                "--lang", french ? "fr" : "en", target.toString());
        String recorded = runJava(record, REHEARSAL_LIMIT.plusMinutes(1), say);
        if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
            Files.deleteIfExists(partial);
            throw new ExitCodes.CommandFailure(ExitCodes.SOFTWARE, say.get("archive.none.written", recorded));
        }
        // The JVM refuses to start (-Xshare:on) if the archive does not map: the proof it is usable.
        runJava(java("-Xshare:on", "-XX:SharedArchiveFile=" + partial, "-jar", jar.toString(), "--version"), Duration.ofMinutes(1), say);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long megabytes = Math.round(Files.size(target) / 1e6);
        out.println(say.get("archive.written", target, megabytes));
        return ExitCodes.OK;
    }

    private int rehearse(Messages say) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dir = PrivateFiles.createTempFolder("rebond-rehearsal-");
        try {
            Rehearsal.Outcome outcome = Rehearsal.run(dir, REHEARSAL_LIMIT, clock);
            if (!outcome.complete()) {
                throw new ExitCodes.CommandFailure(ExitCodes.SOFTWARE, say.get("archive.rehearsal.unfinished",
                        say.get(outcome.interviewTaken() ? "yes" : "no"), say.get(outcome.briefDelivered() ? "yes" : "no")));
            }
            return ExitCodes.OK;
        } finally {
            deleteTree(dir);
        }
    }

    /** The jar this class was loaded from, if it was loaded from a jar file. */
    static Optional<Path> runningJar() {
        try {
            var source = ClassArchiveCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")
                    ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a JVM to its end; its output if it exited 0, else a failure that shows it. */
    private static String runJava(List<String> command, Duration limit, Messages say) throws IOException, InterruptedException {
        Path output = Files.createTempFile("rebond-class-archive-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ExitCodes.CommandFailure(ExitCodes.SOFTWARE, say.get("archive.jvm.timeout", String.join(" ", command), limit.toSeconds()));
            }
            String said = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new ExitCodes.CommandFailure(ExitCodes.SOFTWARE, said.isEmpty()
                        ? say.get("archive.jvm.failed", String.join(" ", command), process.exitValue())
                        : say.get("archive.jvm.failed.said", String.join(" ", command), process.exitValue(), said));
            }
            return said;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The language of {@code --lang}, else the environment's. */
    private Locale language(String lang) {
        if (lang != null) {
            if (!lang.equals("en") && !lang.equals("fr")) {
                throw new ExitCodes.CommandFailure(ExitCodes.USAGE, language.of("commands").get("archive.lang", lang));
            }
            return lang.equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
        }
        return language.current();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
