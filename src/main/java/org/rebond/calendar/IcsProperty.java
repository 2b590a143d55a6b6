package org.rebond.calendar;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One unfolded content line: name upper case, parameters (names upper case, values without
 * their DQUOTEs) and the raw value, not yet unescaped.
 */
record IcsProperty(String name, Map<String, List<String>> params, String value) {

    IcsProperty {
        params = Map.copyOf(params);
    }

    /** The first value of a parameter, or "" when absent. */
    String param(String paramName) {
        List<String> values = params.get(paramName.toUpperCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    boolean hasParam(String paramName) {
        return params.containsKey(paramName.toUpperCase(Locale.ROOT));
    }
}
