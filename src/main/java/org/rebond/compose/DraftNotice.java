package org.rebond.compose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.domain.JobAsk;

/**
 * The first line of a draft that still needs the user (M1, I4): what rebond left out because it
 * would ask for a job, and how many places are left to fill, marked {@code [[ … ]]}. The line is
 * itself marked for deletion, so a draft cannot go out with a place unfilled without the user
 * having read, right above the greeting, that it has some.
 */
final class DraftNotice {

    private static final Pattern MARKER = Pattern.compile("\\[\\[\\s*(.*?)\\s*]]", Pattern.DOTALL);

    private DraftNotice() {
    }

    /** The places left to fill in a rendered draft, in order. */
    static List<String> placesToFill(String text) {
        List<String> places = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            places.add(m.group(1));
        }
        return places;
    }

    /** The draft with its notice line first, or as it is when it needs nothing. */
    static RenderedMessage prepend(RenderedMessage draft, List<String> leftOut, Locale lang) {
        int places = placesToFill(draft.text()).size();
        if (places == 0 && leftOut.isEmpty()) {
            return draft;
        }
        String line = line(leftOut, places, lang);
        if ("fr".equals(lang.getLanguage())) {
            line = FrenchTypography.apply(line);
        }
        String html = "<p style=\"border:2px solid #b00;padding:6px;color:#b00;font-weight:bold\">"
                + escape(line) + "</p>\n" + draft.html();
        return new RenderedMessage(draft.subject(), line + "\n\n" + draft.text(), html);
    }

    static String line(List<String> leftOut, int places, Locale lang) {
        boolean french = "fr".equals(lang.getLanguage());
        Set<String> quoted = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (String item : leftOut) {
            quoted.add(french ? "« " + item + " »" : "\u201c" + item + "\u201d");
            JobAsk.in(item, lang).ifPresent(ask -> reasons.add(ask.reason()));
        }
        StringBuilder s = new StringBuilder(french ? "[[ SUPPRIMEZ CETTE LIGNE AVANT D'ENVOYER." : "[[ DELETE THIS LINE BEFORE SENDING.");
        if (!quoted.isEmpty()) {
            String why = reasons.isEmpty() ? (french ? "demander un poste fait d'un entretien d'information une demande d'emploi"
                    : "asking for a job turns an information interview into a job request") : String.join("; ", reasons);
            s.append(french ? " Laissé hors de ce brouillon : " + String.join(", ", quoted) + ". Pourquoi : " + why + "."
                    : " Left out of this draft: " + String.join(", ", quoted) + ". Why: " + why + ".");
        }
        if (places > 0) {
            s.append(french
                    ? " " + (places == 1 ? "Un passage reste" : places + " passages restent") + " à compléter plus bas, entre doubles crochets."
                    : " " + (places == 1 ? "One place is" : places + " places are") + " left to fill in below, between double brackets.");
        }
        return s.append(" ]]").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
