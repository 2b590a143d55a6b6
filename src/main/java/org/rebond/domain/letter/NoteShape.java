package org.rebond.domain.letter;

/**
 * One line of the user's notes, read for the sentence it can become in a letter to the contact.
 *
 * @param kind what the line is, grammatically
 * @param body the words to put in the sentence: for {@link Kind#ACTION} a verb phrase without its
 *             subject ("read the HAS guidelines", "lire le guide de la HAS"), for {@link Kind#STATEMENT}
 *             and {@link Kind#REALISATION} a clause ready to follow "that"/"que" with the contact as
 *             "you"/"vous", for {@link Kind#TOPIC} a noun phrase, for {@link Kind#UNSURE} the line as written
 */
public record NoteShape(Kind kind, String body) {

    public enum Kind {
        /** Something to do: "read the HAS guidelines", "she advised me to join the meetup". */
        ACTION,
        /** Something to do, as an English -ing form: "joining the FHIR meetup". */
        ONGOING_ACTION,
        /** Something that is so: "hospitals hire clinicians", "he said the market is tight". */
        STATEMENT,
        /** Something the user understood about themselves: "I need more SQL". */
        REALISATION,
        /** A subject talked about: "the role of the DPO", "le marquage CE". */
        TOPIC,
        /** A line that speaks of the contact in a way rebond cannot turn to "you" safely. */
        UNSURE
    }
}
