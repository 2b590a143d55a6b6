package org.rebond.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The words that make an event an information interview, in French and English.
 *
 * @param markers      explicit markers the user puts in a title, matched as written (case and accents ignored), e.g. {@code [info]}
 * @param includeWords phrases that mean an information interview, matched as whole words in title, description and categories
 * @param excludeWords phrases that mean a job interview or a recruitment step (METHOD M1); they win over everything else
 * @param categories   CATEGORIES values that mark an information interview
 */
public record DetectionRules(List<String> markers, List<String> includeWords, List<String> excludeWords, List<String> categories) {

    public DetectionRules {
        markers = List.copyOf(markers);
        includeWords = List.copyOf(includeWords);
        excludeWords = List.copyOf(excludeWords);
        categories = List.copyOf(categories);
    }

    /** The built-in rules. */
    public static DetectionRules defaults() {
        return new DetectionRules(
                List.of("[info]", "(info)", "[ii]", "[entretien info]", "[rebond]", "#rebond"),
                List.of(
                        "information interview", "informational interview", "info interview", "informational meeting",
                        "informational chat", "informational call", "information call", "career conversation", "career chat",
                        "career advice call", "career advice chat", "advice call", "exploratory chat about your job",
                        "entretien d'information", "entretien d'informations", "entretien informatif", "entretien info",
                        "entretien d'info", "rendez-vous d'information", "rdv d'information", "rdv info", "rencontre d'information",
                        "enquête métier", "enquête métiers", "enquête de métier", "enquête terrain métier", "entretien réseau",
                        "entretien de réseau", "rendez-vous réseau", "rdv réseau", "entretien exploratoire",
                        "échange sur le métier", "échange sur votre métier", "échange métier", "découverte métier",
                        "découverte du métier"),
                List.of(
                        "job interview", "hiring interview", "interview for the position", "interview for the role",
                        "interview for the job", "position interview", "phone screen", "phone screening", "recruiter screen",
                        "recruiter call", "recruiter screening", "screening call", "screening interview", "technical interview",
                        "tech interview", "coding interview", "onsite interview", "on-site interview", "final interview",
                        "final round", "panel interview", "behavioral interview", "behavioural interview", "hr interview",
                        "hiring manager", "job offer", "offer call", "case interview", "assessment centre", "assessment center",
                        "entretien d'embauche", "entretien de recrutement", "entretien d'embauche", "entretien rh",
                        "entretien technique", "entretien final", "entretien de sélection", "recrutement", "candidature",
                        "poste de", "offre d'emploi", "préqualification", "pré-qualification", "test technique"),
                List.of("information interview", "informational interview", "entretien d'information", "info interview", "rebond"));
    }

    /** These rules with more words (from the configuration) added. */
    public DetectionRules plus(List<String> moreMarkers, List<String> moreInclude, List<String> moreExclude, List<String> moreCategories) {
        return new DetectionRules(join(markers, moreMarkers), join(includeWords, moreInclude), join(excludeWords, moreExclude),
                join(categories, moreCategories));
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        if (b != null) {
            b.stream().filter(s -> s != null && !s.isBlank() && !all.contains(s)).forEach(all::add);
        }
        return all;
    }
}
