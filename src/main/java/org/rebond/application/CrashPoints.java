package org.rebond.application;

/**
 * Named steps of a delivery where tests stop the daemon to prove restarts are free (DESIGN I2, I7).
 * Production passes {@link #NONE}.
 */
@FunctionalInterface
public interface CrashPoints {

    String AFTER_OUTBOX_COMMIT = "after-outbox-commit";
    String AFTER_APPEND = "after-append";

    CrashPoints NONE = step -> { };

    void reached(String step);
}
