package org.rebond.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;

/**
 * {@code %priority}: the sd-daemon prefix that tells journald a line's syslog priority (sd-daemon(3)):
 * {@code <3>} for an error, {@code <4>} a warning, {@code <6>} information, {@code <7>} debugging and
 * tracing.
 */
public final class SyslogPriority extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return prefix(event.getLevel());
    }

    static String prefix(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "<3>";
            case Level.WARN_INT -> "<4>";
            case Level.INFO_INT -> "<6>";
            default -> "<7>";
        };
    }

    /**
     * {@code %priorityEx}: an exception's stack trace with the event's prefix on each of its lines,
     * since journald reads the priority line by line (without it, the trace of an error would be
     * filed as information).
     */
    public static final class Trace extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            String trace = super.convert(event);
            if (trace.isEmpty()) {
                return trace;
            }
            String prefix = prefix(event.getLevel());
            StringBuilder lines = new StringBuilder(trace.length() + 64);
            for (String line : trace.split("\\R")) {
                if (!line.isEmpty()) {
                    lines.append(prefix).append(line).append(CoreConstants.LINE_SEPARATOR);
                }
            }
            return lines.toString();
        }
    }
}
