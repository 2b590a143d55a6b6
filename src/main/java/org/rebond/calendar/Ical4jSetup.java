package org.rebond.calendar;

/**
 * ical4j reads its switches from system properties held in static fields: set them once, before
 * the first ical4j class is touched, from the composition root (and from tests). The same values
 * ship in {@code src/main/resources/ical4j.properties} (BAD-INPUTS B75).
 */
public final class Ical4jSetup {
    private Ical4jSetup() {}

    /** Idempotent; never overrides a value the operator set explicitly with {@code -D}. */
    public static void configureOnce() {
        setIfAbsent("net.fortuna.ical4j.timezone.update.enabled", "false");
        setIfAbsent("net.fortuna.ical4j.timezone.cache.impl", "net.fortuna.ical4j.util.MapTimeZoneCache");
        setIfAbsent("ical4j.unfolding.relaxed", "true");
        setIfAbsent("ical4j.parsing.relaxed", "true");
        setIfAbsent("ical4j.validation.relaxed", "true");
        setIfAbsent("ical4j.compatibility.outlook", "true");
        setIfAbsent("ical4j.compatibility.notes", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
