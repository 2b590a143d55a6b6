package org.rebond.domain.letter;

import java.util.ArrayList;
import java.util.List;
import org.rebond.domain.DebriefNotes.NameGiven;

/**
 * Thanks for the names a contact gave (M5), by name: an introduction offered is thanked as such; a
 * name the user may contact gets "I will get in touch", with "I will say you suggested it" only where
 * the contact allowed it; a name the contact asked not to be noted is not written at all.
 */
final class NameThanks {

    private NameThanks() {
    }

    private static String firstName(NameGiven name) {
        String[] words = name.name().strip().split("\\s+");
        return words.length > 1 && words[0].length() > 1 && !words[0].endsWith(".") ? words[0] : name.name().strip();
    }

    static List<String> sentences(List<NameGiven> given, boolean french) {
        List<NameGiven> names = given.stream().filter(NameGiven::mayNote).filter(n -> !n.name().isBlank()).toList();
        List<String> introduced = names.stream().filter(NameGiven::introduces).map(NameGiven::name).toList();
        List<NameGiven> suggested = names.stream().filter(n -> !n.introduces()).toList();
        List<String> out = new ArrayList<>();
        if (!suggested.isEmpty()) {
            String and = french ? "et" : "and";
            List<String> all = suggested.stream().map(NameGiven::name).toList();
            // Named in full once, then by first name, as one writes.
            List<String> reachable = suggested.stream().filter(NameGiven::mayContact).map(NameThanks::firstName).toList();
            boolean mention = suggested.stream().filter(NameGiven::mayContact).allMatch(NameGiven::mayMention);
            List<String> mentionable = suggested.stream().filter(n -> n.mayContact() && n.mayMention()).map(NameThanks::firstName).toList();
            StringBuilder s = new StringBuilder(french
                    ? "Merci aussi de m'avoir suggéré de rencontrer " + Casing.list(all, and) + "."
                    : "Thank you also for suggesting I talk to " + Casing.list(all, and) + ".");
            if (!reachable.isEmpty()) {
                boolean everyone = reachable.size() == all.size();
                String whom = everyone && all.size() > 1 ? (french ? "les" : "them") : Casing.list(reachable, and);
                if (french) {
                    s.append(everyone && all.size() > 1 ? " Je vais les contacter" : " Je vais prendre contact avec " + whom);
                } else {
                    s.append(" I will get in touch with ").append(everyone && all.size() > 1 ? "each of them" : whom);
                }
                if (mention && !mentionable.isEmpty()) {
                    s.append(french ? " en précisant que je viens de votre part" : ", saying that you suggested it,");
                }
                s.append(french ? " et je vous dirai ce qu'il en ressort." : " and let you know how it goes.");
            }
            out.add(s.toString());
            if (!mention && !mentionable.isEmpty()) {
                out.add(french ? "Comme vous me l'avez permis, je dirai à " + Casing.list(mentionable, and) + " que je viens de votre part."
                        : "As you kindly allowed, I will tell " + Casing.list(mentionable, and) + " that you suggested we speak.");
            }
        }
        if (!introduced.isEmpty()) {
            String and = french ? "et" : "and";
            out.add(french ? "Merci également de me proposer de me mettre en relation avec " + Casing.list(introduced, and)
                    + " ; c'est très généreux de votre part."
                    : "Thank you too for offering to introduce me to " + Casing.list(introduced, and) + "; that is very kind of you.");
        }
        return out;
    }
}
