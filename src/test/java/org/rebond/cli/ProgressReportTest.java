package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.domain.Progress;

/** How the progress block reads, singulars and plurals, in English and French. */
class ProgressReportTest {

    private static List<String> lines(String language, int held, int toCome, int withNotes, double average, int obtained, int met,
                                      Map<String, Integer> byCircle) {
        Progress p = new Progress(held, toCome, LocalDate.of(2025, 4, 21), List.of(0, 0, 0, 0, 0, 0, 0, held), withNotes, average,
                List.of(), obtained, met, byCircle, List.of());
        return new ProgressReport(Locale.forLanguageTag(language), ZoneId.of("Europe/Paris")).lines(p).stream().map(String::strip).toList();
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} held, {2} to come")
    @CsvSource(delimiter = '|', value = {
            "en|1|0|1 information interview held, none to come",
            "en|3|2|3 information interviews held, 2 to come",
            "fr|1|0|1 entretien d'information tenu, aucun à venir",
            "fr|3|1|3 entretiens d'information tenus, 1 à venir"})
    void theCountOfInterviewsHeldHasItsPluralRight(String language, int held, int toCome, String line) {
        assertThat(lines(language, held, toCome, 0, 0, 0, 0, Map.of())).contains(line);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} of {2}")
    @CsvSource(delimiter = '|', value = {
            "en|3|7|3 of 7 names led to an interview",
            "en|1|1|1 of 1 name led to an interview",
            "en|0|1|the name obtained has not led to an interview yet",
            "en|0|4|none of the 4 names obtained has led to an interview yet",
            "fr|3|7|3 noms sur 7 ont mené à un entretien",
            "fr|1|2|1 nom sur 2 a mené à un entretien",
            "fr|0|1|le nom obtenu n'a pas encore mené à un entretien",
            "fr|0|4|aucun des 4 noms obtenus n'a encore mené à un entretien"})
    void theNamesThatLedToAnInterviewReadAsASentence(String language, int met, int obtained, String line) {
        assertThat(lines(language, 2, 0, 1, obtained, obtained, met, Map.of())).contains(line);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|2.5|1|names obtained: 2.5 per interview on average over 1 interview with notes (the method aims for two or three)",
            "fr|2.5|1|noms obtenus : 2,5 par entretien en moyenne sur 1 entretien avec notes (la méthode en vise deux ou trois)",
            "fr|1.6666|3|noms obtenus : 1,7 par entretien en moyenne sur 3 entretiens avec notes (la méthode en vise deux ou trois) ; derniers : "})
    void theAverageOfNamesHasOneDecimalInTheUsersLanguage(String language, double average, int withNotes, String line) {
        assertThat(lines(language, 3, 0, withNotes, average, 0, 0, Map.of())).anySatisfy(l -> assertThat(l).startsWith(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"en|by circle: alumni (2), sports club (1)", "fr|par cercle : alumni (2), sports club (1)"})
    void interviewsByCircleShowOnlyOnceCirclesAreRecorded(String language, String line) {
        assertThat(lines(language, 3, 0, 0, 0, 0, 0, Map.of("sports club", 1, "alumni", 2))).contains(line);
        assertThat(lines(language, 3, 0, 0, 0, 0, 0, Map.of())).noneMatch(l -> l.contains("circle") || l.contains("cercle"));
    }
}
