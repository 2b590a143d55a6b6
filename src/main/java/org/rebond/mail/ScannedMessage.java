package org.rebond.mail;

/**
 * One message as the batch FETCH of a scan describes it: no body, no Jakarta Mail message object.
 *
 * @param uid     its UID in the folder
 * @param size    RFC822.SIZE, -1 when the server did not say
 * @param headers the header fields {@link MessageIntake#HEADERS} (HEADER.FIELDS)
 * @param parts   its calendar parts and first text part, from BODYSTRUCTURE
 * @param problem why the server's description could not be read, empty when it could
 */
public record ScannedMessage(long uid, long size, HeaderFields headers, BodyParts parts, String problem) {

    /** The first value of a header field, null when absent. */
    public String header(String name) {
        return headers == null ? null : headers.first(name);
    }

    /** All the values of a header field, null when absent. */
    public String[] headerValues(String name) {
        return headers == null ? null : headers.all(name);
    }
}
