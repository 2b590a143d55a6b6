package org.rebond.config;

import static org.rebond.config.YamlSection.or;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.rebond.domain.Circles;

/** Reads {@code profile:}: who the user is, their addresses, language and time zone, how they write. */
final class ProfileSection {
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private final ZoneId systemZone;

    /** @param systemZone the default for {@code profile.time_zone} */
    ProfileSection(ZoneId systemZone) {
        this.systemZone = systemZone;
    }

    RebondConfig.Profile read(YamlSection s) {
        String name = s.required("name", s.line("name"));
        List<String> addresses = s.lines("addresses", "[camille.martin@example.org]");
        if (addresses == null || addresses.isEmpty()) {
            if (!s.has("addresses") || addresses != null) {
                s.problem("addresses", "addresses.required");
            }
            addresses = List.of();
        } else {
            for (String a : addresses) {
                if (!ADDRESS.matcher(a).matches()) {
                    s.problem("addresses", a.contains("<") ? "address.invalid.bracket" : "address.invalid", s.got("addresses", a));
                }
            }
        }
        Locale language = or(s.choice("language", List.of("en", "fr"), Locale::forLanguageTag), Locale.ENGLISH);
        ZoneId zone = or(zone(s), systemZone);
        return new RebondConfig.Profile(name, List.copyOf(addresses), language, zone,
                or(s.paragraph("objective"), ""), or(s.paragraph("pitch"), ""),
                List.copyOf(or(s.lines("questions", "[\"What does a typical week look like?\"]"), List.of())),
                or(s.paragraph("signature"), ""), circles(s, language));
    }

    /** {@code profile.circles}: the circles contacts come from (M6), else the default list in the profile's language. */
    private static List<String> circles(YamlSection s, Locale language) {
        List<String> circles = s.lines("circles", "[former colleagues, alumni, friends and family]");
        if (circles == null || circles.isEmpty()) {
            return Circles.defaults(language);
        }
        List<String> kept = circles.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        return kept.isEmpty() ? Circles.defaults(language) : kept;
    }

    private ZoneId zone(YamlSection s) {
        String z = s.line("time_zone");
        if (z == null) return null;
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            var near = NearestName.among(z, ZoneId.getAvailableZoneIds());
            if (near.isPresent()) {
                s.problem("time_zone", "zone.unknown.near", s.got("time_zone", z), near.get());
            } else {
                s.problem("time_zone", "zone.unknown", s.got("time_zone", z));
            }
            return null;
        }
    }
}
