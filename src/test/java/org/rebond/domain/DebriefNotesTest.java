package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.rebond.domain.DebriefNotes.NameGiven;

/** Notes given in several goes (a reply, another reply, {@code rebond notes}) add up. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DebriefNotesTest {

    private static final NameGiven JULIE = new NameGiven("Julie Bernard", "julie@example.com", true, true, false, false);

    private final DebriefNotes first = new DebriefNotes(List.of("Clinicians review every release", "FHIR is the hard part"),
            List.of("The HealthTech meetup"), List.of(JULIE, new NameGiven("Thomas Petit", "", true, false)),
            "https://example.org/first", List.of("Read the guide"));

    @Test
    void new_items_are_appended_and_the_same_item_written_differently_is_kept_once() {
        DebriefNotes later = new DebriefNotes(List.of("clinicians REVIEW every release.", "Regulation takes a third of the week"),
                List.of("The Healthtech Meetup!", "Le guide de la HAS"), List.of(), "", List.of("read  the guide", "Écrire à Julie"));

        DebriefNotes merged = first.merge(later);

        assertThat(merged.points()).containsExactly("Clinicians review every release", "FHIR is the hard part",
                "Regulation takes a third of the week");
        assertThat(merged.leads()).containsExactly("The HealthTech meetup", "Le guide de la HAS");
        assertThat(merged.nextSteps()).containsExactly("Read the guide", "Écrire à Julie");
        assertThat(merged.article()).as("no new article: the first stays").isEqualTo("https://example.org/first");
    }

    @Test
    void a_name_given_again_takes_the_later_permissions_in_its_place_matched_by_address_or_by_name() {
        DebriefNotes later = new DebriefNotes(List.of(), List.of(), List.of(
                new NameGiven("Julie B.", "JULIE@example.com", true, true, true, true),
                new NameGiven("thomas petit", "thomas@example.com", false, true, false, false),
                new NameGiven("Sara Kim", "", true, true, true, false)), "https://example.org/second", List.of());

        DebriefNotes merged = first.merge(later);

        assertThat(merged.names()).containsExactly(
                new NameGiven("Julie Bernard", "julie@example.com", true, true, true, true),
                new NameGiven("Thomas Petit", "thomas@example.com", false, true, false, false),
                new NameGiven("Sara Kim", "", true, true, true, false));
        assertThat(merged.article()).as("a new article replaces the first").isEqualTo("https://example.org/second");
    }

    @Test
    void adding_nothing_changes_nothing_and_notes_added_to_none_are_those_notes() {
        assertThat(first.merge(DebriefNotes.NONE)).isEqualTo(first);
        assertThat(DebriefNotes.NONE.merge(first)).isEqualTo(first);
        assertThat(first.merge(first)).isEqualTo(first);
    }
}
