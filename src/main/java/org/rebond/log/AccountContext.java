package org.rebond.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Which account a log line is about, when one process follows several: {@code [camille] } before
 * the logger's name. The account is set on the thread that starts the account's daemon, and every
 * thread that daemon makes (its mailbox watcher, scheduler, pool and timers, all made while it
 * starts or by threads made then) inherits it; nothing else needs to pass it along.
 */
public final class AccountContext extends ClassicConverter {

    private static final InheritableThreadLocal<String> ACCOUNT = new InheritableThreadLocal<>();

    /** Runs {@code work} (the start of an account's daemon) with {@code account} as the context of the threads it makes. */
    public static void within(String account, Runnable work) {
        String before = ACCOUNT.get();
        ACCOUNT.set(account);
        try {
            work.run();
        } finally {
            if (before == null) {
                ACCOUNT.remove();
            } else {
                ACCOUNT.set(before);
            }
        }
    }

    /** {@code %account}: {@code [NAME] }, or nothing outside an account's threads. */
    @Override
    public String convert(ILoggingEvent event) {
        String account = ACCOUNT.get();
        return account == null ? "" : "[" + account + "] ";
    }
}
