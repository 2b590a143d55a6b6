package org.rebond.log;

import ch.qos.logback.classic.PatternLayout;

/**
 * The shape of rebond's log lines, chosen by where they go. Under systemd (the unit's standard
 * error is a journal stream, {@code JOURNAL_STREAM} set), journald stamps each line itself and reads
 * its priority from an sd-daemon prefix, so a line is {@code <4>MessageIntake: message} and
 * {@code journalctl -p warning} shows warnings and errors only. Anywhere else (a terminal, a file),
 * a line reads {@code 14:03:27 WARN  MessageIntake: message}. When one process follows several
 * accounts, the account comes first: {@code 14:03:27 WARN  [camille] MessageIntake: message}
 * ({@link AccountContext}).
 *
 * <p>{@link LogConfigurator} hands over the variable. {@code %msg} is one line of at most
 * {@value BoundedMessage#MAX_CHARS} characters, whatever a message carries ({@link BoundedMessage}).
 */
public final class LogLayout extends PatternLayout {

    static final String TERMINAL = "%d{HH:mm:ss} %-5level %account%logger{0}: %msg%n";
    static final String JOURNAL = "%priority%account%logger{0}: %msg%n%priorityEx";

    private boolean journal;

    /** The value of {@code JOURNAL_STREAM}: empty or absent anywhere but under systemd. */
    public void setJournalStream(String journalStream) {
        this.journal = journalStream != null && !journalStream.isBlank();
    }

    boolean toJournal() {
        return journal;
    }

    @Override
    public void start() {
        getInstanceConverterMap().put("priority", SyslogPriority::new);
        getInstanceConverterMap().put("priorityEx", SyslogPriority.Trace::new);
        getInstanceConverterMap().put("account", AccountContext::new);
        getInstanceConverterMap().put("msg", BoundedMessage::new);
        setPattern(journal ? JOURNAL : TERMINAL);
        super.start();
    }
}
