package org.rebond.mail;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;

/**
 * Jakarta Mail 2.1 looks its {@link StreamProvider} up again on every call of
 * {@link StreamProvider#provider()}, and without a system property that is a
 * {@link ServiceLoader} search of the class path: every RFC 2047 word decoded, every body part
 * or calendar part read. During a scan that was about a third of the daemon's CPU. Naming the
 * provider in the property Jakarta Mail reads first turns each lookup into a cached class
 * lookup and a constructor call.
 */
public final class MailStreams {

    /** The system property {@code jakarta.mail.util.FactoryFinder} reads before searching. */
    public static final String PROPERTY = StreamProvider.class.getName();

    private MailStreams() { }

    /** Names the provider found on the class path, once; a value already set is kept. */
    public static void pinProvider() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        ServiceLoader.load(StreamProvider.class, MailStreams.class.getClassLoader()).findFirst()
                .ifPresent(provider -> System.setProperty(PROPERTY, provider.getClass().getName()));
    }
}
