package org.rebond.log;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.rebond.domain.SingleLine;

/**
 * The {@code %msg} of every log line rebond writes: one line, control characters made spaces (a
 * header or a summary from a hostile message cannot forge a line of its own in the journal), and at
 * most {@value #MAX_CHARS} characters, the rest counted ("…(1234 more)") rather than written.
 */
public final class BoundedMessage extends MessageConverter {

    /** The longest message a log line carries. */
    public static final int MAX_CHARS = 2000;

    @Override
    public String convert(ILoggingEvent event) {
        return bounded(super.convert(event));
    }

    static String bounded(String message) {
        if (message == null) {
            return "";
        }
        String head = message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message;
        String line = SingleLine.of(head);
        return message.length() > MAX_CHARS ? line + "…(" + (message.length() - MAX_CHARS) + " more)" : line;
    }
}
