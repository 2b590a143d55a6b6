package org.rebond.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The lines rebond's own logging set-up writes, through a real logger: under systemd (JOURNAL_STREAM
 * set) each starts with its syslog priority and carries no time; elsewhere each reads
 * "HH:mm:ss LEVEL logger: message".
 */
class LogLayoutTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    /** A logger configured as the product configures its own, {@code JOURNAL_STREAM} as given, its lines (made by the product's encoder) caught in {@link #written}. */
    private Logger logger(String journalStream) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        new LogConfigurator(name -> name.equals("JOURNAL_STREAM") ? journalStream : null).configure(context);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");
        OutputStreamAppender<ILoggingEvent> captured = new OutputStreamAppender<>();
        captured.setContext(context);
        captured.setEncoder(console.getEncoder());
        captured.setOutputStream(written);
        captured.start();
        root.detachAppender(console);
        root.addAppender(captured);
        Logger logger = context.getLogger("org.rebond.mail.MailboxWatcher");
        logger.setLevel(Level.DEBUG);
        return logger;
    }

    private String lines() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void underSystemdEachLineStartsWithItsSyslogPriorityAndCarriesNoTime() throws Exception {
        Logger log = logger("8:123456");

        log.error("the database cannot be written");
        log.warn("cannot connect to imap.example.org:993");
        log.info("following [INBOX]");
        log.debug("IDLE renewed");

        assertThat(lines()).isEqualTo(String.join(System.lineSeparator(),
                "<3>MailboxWatcher: the database cannot be written",
                "<4>MailboxWatcher: cannot connect to imap.example.org:993",
                "<6>MailboxWatcher: following [INBOX]",
                "<7>MailboxWatcher: IDLE renewed", ""));
    }

    @Test
    void underSystemdEveryLineOfAStackTraceKeepsThePriorityOfItsError() throws Exception {
        Logger log = logger("8:123456");

        log.error("applying the command line's requests failed", new IOException("disk full"));

        String[] lines = lines().split("\\R");
        assertThat(lines.length).isGreaterThan(2);
        assertThat(lines[0]).isEqualTo("<3>MailboxWatcher: applying the command line's requests failed");
        assertThat(lines[1]).isEqualTo("<3>java.io.IOException: disk full");
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("<3>"));
    }

    @Test
    void elsewhereALineReadsTheTimeTheLevelTheLoggerAndTheMessage() throws Exception {
        Logger log = logger("");

        log.warn("cannot connect to imap.example.org:993");
        log.info("following [INBOX]");

        assertThat(lines().split("\\R")).satisfiesExactly(
                line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d WARN  MailboxWatcher: cannot connect to imap.example.org:993"),
                line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d INFO  MailboxWatcher: following \\[INBOX]"));
    }

    @Test
    void whenOneProcessFollowsSeveralAccountsEachLineOfAnAccountsThreadsNamesTheAccount() throws Exception {
        Logger log = logger("8:123456");
        Thread[] watcher = new Thread[1];

        AccountContext.within("camille", () -> {
            log.info("following [INBOX]");
            watcher[0] = new Thread(() -> log.warn("cannot connect to imap.example.org:993"));
        });
        watcher[0].start();
        watcher[0].join();
        log.info("rebond started for 2 accounts");

        assertThat(lines()).isEqualTo(String.join(System.lineSeparator(),
                "<6>[camille] MailboxWatcher: following [INBOX]",
                "<4>[camille] MailboxWatcher: cannot connect to imap.example.org:993",
                "<6>MailboxWatcher: rebond started for 2 accounts", ""));
    }
}
