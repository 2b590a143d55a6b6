package org.rebond.config;

import static org.rebond.config.YamlSection.or;

import java.util.List;

/** Reads {@code detection:}: the words and categories added to the built-in interview detection rules. */
final class DetectionSection {
    private DetectionSection() {}

    static RebondConfig.Detection read(YamlSection s) {
        return new RebondConfig.Detection(
                List.copyOf(or(s.lines("marker", "[\"[info]\"]"), List.of("[info]"))),
                List.copyOf(or(s.lines("include_words", "[café, mentorat]"), List.of())),
                List.copyOf(or(s.lines("exclude_words", "[entretien d'embauche]"), List.of())),
                List.copyOf(or(s.lines("categories", "[Networking]"), List.of())));
    }
}
