package org.rebond.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rebond.App;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages (AsciiDoc, which Asciidoctor turns into troff) from the same command
 * definitions and help bundles as {@code --help}: {@code OUTDIR/en/rebond*.adoc} and
 * {@code OUTDIR/fr/rebond*.adoc}. Run at build time only (pom.xml, profile deb); picocli's code
 * generator is a provided dependency, never in the jar.
 */
public final class ManPages {

    private ManPages() {}

    /** {@code ManPages OUTDIR}: one folder of pages per language. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPages OUTDIR");
        }
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            CommandLine cli = Main.commandLine(App.systemClock(), UserTerminal.system(), new SpokenLanguage(language));
            File folder = new File(args[0], language.getLanguage());
            int written = ManPageGenerator.generateManPage(folder, null, new boolean[0], true, cli.getCommandSpec());
            if (written != 0) {
                throw new IOException("the man page generator failed (" + written + ") for " + language);
            }
            try (Stream<Path> pages = Files.list(folder.toPath())) {
                for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                    Files.write(page, inTheLanguage(Files.readAllLines(page, StandardCharsets.UTF_8), language), StandardCharsets.UTF_8);
                }
            }
        }
    }

    /**
     * The generator's own words, in the page's language: the manual's name, the first section's
     * title (Asciidoctor reads it through {@code manname-title}), and headings without the colon
     * that ends them in {@code --help}.
     */
    static List<String> inTheLanguage(List<String> lines, Locale language) {
        boolean french = language.getLanguage().equals("fr");
        return lines.stream().flatMap(line -> {
            if (line.startsWith(":manmanual:")) {
                return french ? Stream.of(":manmanual: manuel de rebond", ":manname-title: NOM") : Stream.of(":manmanual: rebond manual");
            }
            if (line.equals("== Name")) {
                return Stream.of(french ? "== Nom" : line);
            }
            if (line.startsWith("==")) {
                return Stream.of(line.replaceFirst("^==\\s+", "== ").replaceFirst("\\s*:\\s*$", ""));
            }
            return Stream.of(line);
        }).toList();
    }
}
