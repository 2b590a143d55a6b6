package org.rebond.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * rebond's logging, set up in code (found by logback through {@code META-INF/services}): every
 * line to standard error through {@link LogLayout}, which reads {@code JOURNAL_STREAM} to write for
 * journald or for a terminal; the libraries' chatter at WARN and above; the level of the rest from
 * {@code REBOND_LOG_LEVEL} (INFO when unset). Reading an XML file instead took some 40 ms of every
 * start, command line included.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** The libraries whose INFO lines say nothing a user of rebond needs; GreenMail's go to the demo's own file. */
    static final List<String> QUIET = List.of("net.fortuna.ical4j", "org.quartz", "com.zaxxer.hikari", "com.icegreen", "org.eclipse.angus");

    private final UnaryOperator<String> variables;

    /** Reads {@code JOURNAL_STREAM} and {@code REBOND_LOG_LEVEL} from the system properties, then the environment. */
    public LogConfigurator() {
        this(name -> System.getProperty(name, System.getenv(name)));
    }

    /** Reads the variables through {@code variables} (null when unset). */
    LogConfigurator(UnaryOperator<String> variables) {
        this.variables = variables;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getStatusManager().add(new NopStatusListener());
        LogLayout layout = new LogLayout();
        layout.setContext(context);
        layout.setJournalStream(variables.apply("JOURNAL_STREAM"));
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        for (String library : QUIET) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(variables.apply("REBOND_LOG_LEVEL"), Level.INFO));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
