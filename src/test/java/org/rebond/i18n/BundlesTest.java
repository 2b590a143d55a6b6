package org.rebond.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d{1,2}}");

    @Test
    void everyAreaSaysTheSameThingsInFrenchAndInEnglish() throws IOException {
        List<String> areas = areas();
        assertFalse(areas.isEmpty(), "no bundle under " + BUNDLES);
        for (String area : areas) {
            Properties en = load(area + "_en.properties");
            Properties fr = load(area + "_fr.properties");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(fr.stringPropertyNames()),
                    area + ": the French and English bundles must hold the same keys");
            for (String key : en.stringPropertyNames()) {
                assertEquals(placeholders(en.getProperty(key)), placeholders(fr.getProperty(key)),
                        area + "." + key + ": both languages must use the same placeholders");
                assertFalse(fr.getProperty(key).isBlank(), area + "." + key + " is empty in French");
            }
        }
    }

    @Test
    void aSentenceComesInTheProfilesLanguageWithItsPlaceholdersFilled() {
        assertEquals("français", Messages.of("common", Locale.forLanguageTag("fr-BE")).get("language.name"));
        assertEquals("English", Messages.of("common", Locale.GERMAN).get("language.name"));
        assertEquals("l'entretien n°3 de Marc", Messages.fill("l'entretien n°{0} de {1}", 3, "Marc"));
        assertEquals("{name} stays {9}", Messages.fill("{name} stays {9}", "x"));
    }

    @Test
    void theEnvironmentsLocaleChoosesTheLanguageBeforeAProfileExists() {
        assertEquals(Locale.FRENCH, UserLanguage.fromEnvironment(Map.of("LANG", "fr_FR.UTF-8")));
        assertEquals(Locale.ENGLISH, UserLanguage.fromEnvironment(Map.of("LC_ALL", "C.UTF-8", "LANG", "fr_FR.UTF-8")));
        assertEquals(Locale.FRENCH, UserLanguage.fromEnvironment(Map.of("LC_MESSAGES", "fr_CA.UTF-8", "LANG", "en_US.UTF-8")));
        assertEquals(Locale.ENGLISH, UserLanguage.fromEnvironment(Map.of()));
    }

    private static List<String> areas() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties")).toList();
            Set<String> areas = new TreeSet<>();
            for (String n : names) {
                Matcher m = Pattern.compile("(.+)_(en|fr)\\.properties").matcher(n);
                assertTrue(m.matches(), n + ": a bundle is named AREA_en.properties or AREA_fr.properties");
                areas.add(m.group(1));
            }
            return List.copyOf(areas);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
