package org.rebond.compose;

/**
 * One message rendered from its three templates.
 *
 * @param subject one line, never containing CR or LF
 * @param text    the plain-text body
 * @param html    the HTML body
 */
public record RenderedMessage(String subject, String text, String html) {
}
