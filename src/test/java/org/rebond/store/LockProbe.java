package org.rebond.store;

import java.nio.file.Path;
import org.rebond.application.StoreException;

/** Run in a second JVM by {@link InstanceLockTest}: plays the second daemon started on the same database. */
public final class LockProbe {

    private LockProbe() {}

    public static void main(String[] args) {
        try (InstanceLock lock = InstanceLock.acquire(Path.of(args[0]))) {
            System.out.println("LOCKED");
            System.exit(0);
        } catch (StoreException e) {
            System.out.println(e.getMessage());
            InstanceLock.holder(Path.of(args[0])).ifPresent(h -> System.out.println("HOLDER pid=" + h.pid() + " since=" + h.since()
                    + " command=" + h.command()));
            System.exit(3);
        }
    }
}
