package org.rebond.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The circles a contact can come from (METHOD M6): the user's list ({@code profile.circles}), or
 * by default a list in the profile's language. A circle is kept as the list writes it; the user may
 * type it in any case and with or without accents.
 */
public record Circles(List<String> names) {

    /** The default list, in English. */
    public static final List<String> ENGLISH = List.of("former colleagues", "alumni", "friends and family", "clubs and associations",
            "professional bodies", "neighbours", "chance encounters");

    /** The default list, in French. */
    public static final List<String> FRENCH = List.of("anciens collègues", "anciens élèves", "amis et famille", "clubs et associations",
            "organismes professionnels", "voisins", "rencontres fortuites");

    public Circles {
        names = List.copyOf(names);
    }

    /** The default list in {@code language} (French for fr, English otherwise). */
    public static List<String> defaults(Locale language) {
        return language.getLanguage().equals("fr") ? FRENCH : ENGLISH;
    }

    /** The circle of the list that {@code typed} names (case, accents and spaces aside), if any. */
    public Optional<String> find(String typed) {
        String key = key(typed);
        return names.stream().filter(n -> key(n).equals(key)).findFirst();
    }

    /** The position of a circle in the list (for its colour), or -1 when it is not in it any more. */
    public int indexOf(String circle) {
        for (int i = 0; i < names.size(); i++) {
            if (key(names.get(i)).equals(key(circle))) {
                return i;
            }
        }
        return -1;
    }

    private static String key(String s) {
        String plain = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.strip().replaceAll("[\\s_-]+", " ").toLowerCase(Locale.ROOT);
    }
}
