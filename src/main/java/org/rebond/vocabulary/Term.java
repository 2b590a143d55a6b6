package org.rebond.vocabulary;

/**
 * One word or expression of a contact's trade vocabulary.
 *
 * @param shown   the term as the contact wrote it most often: accents, case and acronyms kept
 *                ("FHIR", "données de santé", "Open Banking")
 * @param context one short line of the contact's own text where they used it (at most
 *                {@value Contexts#MAX_CHARS} characters, cut at word boundaries with "…")
 * @param uses    how many times the contact used it (a multi-word term counts whole; its words
 *                grouped by stem, so "donnée" and "données" are one term)
 */
public record Term(String shown, String context, int uses) {
}
