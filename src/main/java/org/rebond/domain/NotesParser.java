package org.rebond.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.domain.DebriefNotes.NameGiven;

/**
 * Reads the short debrief notes a user sends back by replying to the debrief prompt (METHOD M5, M7).
 *
 * <p>The reply is read line by line: quoted lines ({@code >}) are skipped, reading stops at a
 * signature separator ({@code -- }) or at the header of the quoted original ("On … wrote:",
 * "Le … a écrit :"). Headings in English or French ("Points discussed", "Pistes", "Noms", "Article" …)
 * choose the section of the bullets below them; bullets before any heading are points. Reading
 * also stops at the line that opens a filled example ("Example of a filled reply:", "Exemple de
 * réponse remplie :"), so an example copied with the outline is not taken for the user's notes.
 * Name lines are read by {@link NamePermissions}.
 */
public final class NotesParser {

    /** At most this many items per section. */
    public static final int MAX_ITEMS = 50;
    /** Items are cut to this many characters. */
    public static final int MAX_ITEM_CHARS = 500;

    private static final int MAX_INPUT_CHARS = 200_000;

    private enum Section { POINTS, LEADS, NAMES, ARTICLE, NEXT_STEPS }

    private static final Pattern UNWANTED_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|\\p{Cf}");
    private static final Pattern QUOTED = Pattern.compile("^\\s*>.*");
    private static final Pattern REPLY_HEADER = Pattern.compile(
            "^\\s*(?:On\\s.+\\swrote\\s*:|Le\\s.+\\sa\\s+[ée]crit\\s*:"
                    + "|-{2,}\\s*(?:Original Message|Message d'origine|Forwarded message|Message transf[ée]r[ée])\\s*-{2,}"
                    + "|(?:From|De)\\s?:.*[@<].*)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern REPLY_HEADER_START = Pattern.compile("^\\s*(?:On|Le)\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(?:#+\\s*|\\*\\*)?"
                    + "(points?(?:\\s+(?:discussed|covered|abord[eé]s?|discut[eé]s?))?"
                    + "|leads?(?:\\s+(?:given|proposed|suggested))?"
                    + "|pistes?(?:\\s+(?:propos[eé]es?|sugg[eé]r[eé]es?|donn[eé]es?))?"
                    + "|names?(?:\\s+(?:given|suggested))?"
                    + "|noms?(?:\\s+(?:donn[eé]s|propos[eé]s|sugg[eé]r[eé]s))?"
                    + "|contacts?|people|personnes?"
                    + "|articles?|liens?|links?"
                    + "|next\\s+steps?|to-?\\s?dos?|follow-?\\s?ups?|prochaines?\\s+[eé]tapes?|[àa]\\s+faire|suites?(?:\\s+[àa]\\s+donner)?)"
                    + "\\s*(?:\\*\\*)?\\s*(?:\\([^)]*\\))?\\s*(?::\\s*(.*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The filled example of the debrief prompt, or of the notes template, starts here: not the user's notes. */
    private static final Pattern EXAMPLE = Pattern.compile(
            "^\\s*(?:#+\\s*|\\*\\*)?(?:(?:an?|for|un|par)\\s+)?ex[ea]mples?\\b[^:]*:\\s*(?:\\*\\*)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•–—+]|\\d{1,2}[.)])(?:\\s+(.*))?$");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

    /** Reads a reply to the debrief prompt; never fails, and returns {@link DebriefNotes#NONE} for nothing useful. */
    public DebriefNotes parse(String replyText) {
        if (replyText == null || replyText.isBlank()) {
            return DebriefNotes.NONE;
        }
        String text = clean(replyText);
        String[] lines = text.split("\n", -1);
        List<String> points = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        List<NameGiven> names = new ArrayList<>();
        List<String> nextSteps = new ArrayList<>();
        String articleUrl = "";
        String articleLine = "";
        Section section = Section.POINTS;
        boolean afterHeading = false;

        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean headingAbove = afterHeading;
            afterHeading = false;
            if (QUOTED.matcher(line).matches()) {
                continue;
            }
            if (line.equals("-- ") || line.strip().equals("--") || isReplyHeader(line, i + 1 < lines.length ? lines[i + 1] : "")
                    || EXAMPLE.matcher(line).matches()) {
                break;
            }
            String item;
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            if (heading.matches()) {
                section = sectionOf(heading.group(1));
                item = heading.group(2) == null ? "" : heading.group(2).strip();
                afterHeading = item.isEmpty();
            } else if (bullet.matches()) {
                item = bullet.group(1) == null ? "" : bullet.group(1).strip();
            } else if (section == Section.ARTICLE && (headingAbove || URL.matcher(line).find())) {
                // Plain lines count only right under the heading or when they hold a link,
                // so that a closing sentence or a signature is not taken for the article.
                item = line.strip();
            } else {
                continue;
            }
            if (item.isEmpty()) {
                continue;
            }
            item = cut(item);
            switch (section) {
                case POINTS -> addCapped(points, item);
                case LEADS -> addCapped(leads, item);
                case NEXT_STEPS -> addCapped(nextSteps, item);
                case NAMES -> {
                    if (names.size() < MAX_ITEMS) {
                        NameGiven name = nameOf(item);
                        if (!name.name().isEmpty()) {
                            names.add(name);
                        }
                    }
                }
                case ARTICLE -> {
                    Matcher url = URL.matcher(item);
                    if (articleUrl.isEmpty() && url.find()) {
                        articleUrl = trimUrl(url.group());
                    }
                    if (articleLine.isEmpty()) {
                        articleLine = item;
                    }
                }
            }
        }
        String article = articleUrl.isEmpty() ? articleLine : articleUrl;
        DebriefNotes notes = new DebriefNotes(points, leads, names, article, nextSteps);
        return notes.isEmpty() ? DebriefNotes.NONE : notes;
    }

    /**
     * Finds phrases asking for a job, an opening or a recommendation, or offering a CV (METHOD M1), so
     * the caller can warn the user; the text itself is never changed. Both languages are checked, since
     * notes often mix them ({@link JobAsk}).
     *
     * @return the phrases as they appear in the text, in order of appearance, without duplicates
     */
    public List<String> jobRequestPhrases(String text, Locale language) {
        return JobAsk.all(text, language).stream().map(JobAsk.Ask::phrase).distinct().toList();
    }

    private static boolean isReplyHeader(String line, String next) {
        if (REPLY_HEADER.matcher(line).matches()) {
            return true;
        }
        // Mail clients often wrap the "On … wrote:" line in two.
        return REPLY_HEADER_START.matcher(line).matches()
                && !next.isBlank()
                && REPLY_HEADER.matcher(line.strip() + " " + next.strip()).matches();
    }

    private static Section sectionOf(String heading) {
        String word = fold(heading);
        if (word.startsWith("point")) {
            return Section.POINTS;
        }
        if (word.startsWith("lead") || word.startsWith("piste")) {
            return Section.LEADS;
        }
        if (word.startsWith("article") || word.startsWith("lien") || word.startsWith("link")) {
            return Section.ARTICLE;
        }
        if (word.startsWith("next") || word.startsWith("to") || word.startsWith("follow") || word.startsWith("prochaine")
                || word.startsWith("a ") || word.startsWith("suite")) {
            return Section.NEXT_STEPS;
        }
        return Section.NAMES;
    }

    /** One item of the names section: see {@link NamePermissions}. */
    static NameGiven nameOf(String item) {
        return NamePermissions.read(item);
    }

    private static String clean(String text) {
        String limited = text.length() > MAX_INPUT_CHARS ? text.substring(0, MAX_INPUT_CHARS) : text;
        String normalized = Normalizer.normalize(limited, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n')
                .replace('\u00a0', ' ');
        return UNWANTED_CHARACTERS.matcher(normalized.replace('\t', ' ')).replaceAll("");
    }

    private static String cut(String item) {
        String oneSpaced = item.replaceAll("\\s{2,}", " ");
        return oneSpaced.length() <= MAX_ITEM_CHARS ? oneSpaced : oneSpaced.substring(0, MAX_ITEM_CHARS).strip();
    }

    private static String trimUrl(String url) {
        return url.replaceAll("[.,;:!?)\\]]+$", "");
    }

    private static void addCapped(List<String> list, String item) {
        if (list.size() < MAX_ITEMS) {
            list.add(item);
        }
    }

    /** Lower case without accents. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

}
