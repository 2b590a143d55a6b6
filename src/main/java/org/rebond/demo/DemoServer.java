package org.rebond.demo;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.rebond.store.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's IMAP server (GreenMail, in this process, on 127.0.0.1), whose own messages stay out
 * of the narration: what it logs (the {@code com.icegreen} loggers) and what escapes its threads
 * (a client hanging up mid-command) go to a file of the demo's state folder, readable by its owner
 * alone. A mail client that stumbles on the demo mailbox is the server's business, not the story's.
 */
public final class DemoServer implements AutoCloseable {

    /** The loggers of the embedded server. */
    static final String SERVER_LOGGERS = "com.icegreen";

    private static final Logger escaped = LoggerFactory.getLogger(SERVER_LOGGERS + ".greenmail.threads");

    private final GreenMail greenMail;
    private final Path log;
    private final Runnable unroute;

    private DemoServer(GreenMail greenMail, Path log, Runnable unroute) {
        this.greenMail = greenMail;
        this.log = log;
        this.unroute = unroute;
    }

    /**
     * Starts the server on 127.0.0.1:{@code port} (0: any free port), its log in {@code log}
     * (made 0600). Throws {@link IllegalStateException} when the port cannot be served.
     */
    public static DemoServer start(int port, Path log) throws IOException {
        PrivateFiles.createFile(log);
        ServerThreads threads = new ServerThreads();
        Runnable unroute = route(log);
        // GreenMail's threads (the listener and one per client) are made in the group of the thread
        // that makes the server: made here, they report what escapes them to the log, not to stderr.
        AtomicReference<GreenMail> started = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread starter = new Thread(threads, () -> {
            try {
                GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
                server.start();
                started.set(server);
            } catch (RuntimeException e) {
                failed.set(e);
            }
        }, "rebond-demo-mailbox-start");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.compareAndSet(null, new IllegalStateException("interrupted while starting the demo mailbox", e));
        }
        if (started.get() == null) {
            unroute.run();
            throw failed.get() != null ? failed.get() : new IllegalStateException("the demo mailbox did not start");
        }
        return new DemoServer(started.get(), log, unroute);
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** The port the server listens on. */
    public int port() {
        return greenMail.getImap().getPort();
    }

    /** The file the server's own messages go to. */
    public Path log() {
        return log;
    }

    /** Stops the server; its later messages, if any, go where they went before. */
    @Override
    public void close() {
        try {
            greenMail.stop();
        } finally {
            unroute.run();
        }
    }

    /** Sends the server's loggers to {@code file} alone; returns what undoes it. */
    private static Runnable route(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> { };
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36}: %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("demo-mailbox-" + file);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger server = context.getLogger(SERVER_LOGGERS);
        server.addAppender(appender);
        server.setAdditive(false);
        return () -> {
            server.detachAppender(appender);
            server.setAdditive(true);
            appender.stop();
        };
    }

    /** The threads of one demo server: what escapes them is logged, not printed. */
    private static final class ServerThreads extends ThreadGroup {

        ServerThreads() {
            super("rebond-demo-mailbox");
        }

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            escaped.warn("{} ended on {}", thread.getName(), e.toString(), e);
        }
    }
}
