package org.rebond.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log lines rebond writes, through its own logging set-up: bounded, one line each. */
class BoundedMessageTest {

    private OutputStreamAppender<?> appender;
    private Logger logger;

    @BeforeEach
    void configuredAsTheProductConfiguresItself() throws Exception {
        LoggerContext context = new LoggerContext();
        new LogConfigurator(name -> null).configure(context);
        logger = context.getLogger("org.rebond.mail.MessageIntake");
        appender = (OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    }

    private String line(String message) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, null, null);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<LoggingEvent> typed = (OutputStreamAppender<LoggingEvent>) appender;
        return new String(typed.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void aHeaderBombBecomesALineOfAtMostTwoThousandCharactersThatCountsTheRest() {
        String bomb = "message INBOX:1:7 quarantined: Subject " + "A".repeat(65_000);

        String line = line(bomb);

        assertThat(line).endsWith("…(" + (bomb.length() - BoundedMessage.MAX_CHARS) + " more)" + System.lineSeparator());
        assertThat(line.length()).isLessThan(BoundedMessage.MAX_CHARS + 100);
    }

    @Test
    void controlCharactersInAMessageCannotStartALineOfTheirOwnInTheJournal() {
        String line = line("invitation \"Coffee\r\nERROR App: fake line\u0000\" from x@example.org");

        assertThat(line.strip()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000")
                .endsWith("invitation \"Coffee ERROR App: fake line \" from x@example.org");
    }

    @Test
    void anOrdinaryMessageIsWrittenAsItIs() {
        assertThat(line("mailbox read through; pending actions fire from now on"))
                .endsWith("MessageIntake: mailbox read through; pending actions fire from now on" + System.lineSeparator());
    }
}
