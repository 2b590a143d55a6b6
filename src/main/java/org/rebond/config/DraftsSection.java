package org.rebond.config;

import static org.rebond.config.YamlSection.or;

/** Reads {@code drafts:}: how drafts are written (one text/plain part unless {@code html: true}). */
final class DraftsSection {
    private DraftsSection() {}

    static RebondConfig.Drafts read(YamlSection s) {
        return new RebondConfig.Drafts(or(s.bool("html"), false));
    }
}
