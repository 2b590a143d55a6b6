package org.rebond.calendar;

import java.util.List;
import java.util.Optional;

/** A component (VCALENDAR, VEVENT, VTIMEZONE, STANDARD …) with its properties and sub-components. */
record IcsComponent(String name, List<IcsProperty> properties, List<IcsComponent> children) {

    IcsComponent {
        properties = List.copyOf(properties);
        children = List.copyOf(children);
    }

    Optional<IcsProperty> first(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    List<IcsProperty> all(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).toList();
    }

    /** The raw value of the first property with that name, or "". */
    String value(String propertyName) {
        return first(propertyName).map(IcsProperty::value).orElse("");
    }
}
