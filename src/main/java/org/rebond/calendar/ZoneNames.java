package org.rebond.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What IANA zone a TZID written by some producer means: IANA ids as they are, Windows names
 * through the CLDR {@code windowsZones} table (territory 001), Lotus' short Windows names, and
 * Outlook's display names such as {@code (UTC+01:00) Brussels, Copenhagen, Madrid, Paris}.
 */
final class ZoneNames {
    private ZoneNames() {}

    /** CLDR windowsZones.xml, territory 001, for the Windows names met in practice. */
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("dateline standard time", "Etc/GMT+12"),
            Map.entry("utc-11", "Etc/GMT+11"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("pacific standard time (mexico)", "America/Tijuana"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("mountain standard time (mexico)", "America/Mazatlan"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("central america standard time", "America/Guatemala"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("central standard time (mexico)", "America/Mexico_City"),
            Map.entry("canada central standard time", "America/Regina"),
            Map.entry("sa pacific standard time", "America/Bogota"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("us eastern standard time", "America/Indianapolis"),
            Map.entry("venezuela standard time", "America/Caracas"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("sa western standard time", "America/La_Paz"),
            Map.entry("pacific sa standard time", "America/Santiago"),
            Map.entry("newfoundland standard time", "America/St_Johns"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"),
            Map.entry("argentina standard time", "America/Buenos_Aires"),
            Map.entry("sa eastern standard time", "America/Cayenne"),
            Map.entry("greenland standard time", "America/Godthab"),
            Map.entry("utc-02", "Etc/GMT+2"),
            Map.entry("azores standard time", "Atlantic/Azores"),
            Map.entry("cape verde standard time", "Atlantic/Cape_Verde"),
            Map.entry("utc", "Etc/UTC"),
            Map.entry("coordinated universal time", "Etc/UTC"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("morocco standard time", "Africa/Casablanca"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("w. central africa standard time", "Africa/Lagos"),
            Map.entry("jordan standard time", "Asia/Amman"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("middle east standard time", "Asia/Beirut"),
            Map.entry("egypt standard time", "Africa/Cairo"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("syria standard time", "Asia/Damascus"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("israel standard time", "Asia/Jerusalem"),
            Map.entry("kaliningrad standard time", "Europe/Kaliningrad"),
            Map.entry("arabic standard time", "Asia/Baghdad"),
            Map.entry("turkey standard time", "Europe/Istanbul"),
            Map.entry("arab standard time", "Asia/Riyadh"),
            Map.entry("belarus standard time", "Europe/Minsk"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("e. africa standard time", "Africa/Nairobi"),
            Map.entry("iran standard time", "Asia/Tehran"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("caucasus standard time", "Asia/Yerevan"),
            Map.entry("afghanistan standard time", "Asia/Kabul"),
            Map.entry("west asia standard time", "Asia/Tashkent"),
            Map.entry("pakistan standard time", "Asia/Karachi"),
            Map.entry("india standard time", "Asia/Calcutta"),
            Map.entry("sri lanka standard time", "Asia/Colombo"),
            Map.entry("nepal standard time", "Asia/Katmandu"),
            Map.entry("central asia standard time", "Asia/Almaty"),
            Map.entry("bangladesh standard time", "Asia/Dhaka"),
            Map.entry("myanmar standard time", "Asia/Rangoon"),
            Map.entry("se asia standard time", "Asia/Bangkok"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("taipei standard time", "Asia/Taipei"),
            Map.entry("w. australia standard time", "Australia/Perth"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("korea standard time", "Asia/Seoul"),
            Map.entry("cen. australia standard time", "Australia/Adelaide"),
            Map.entry("aus central standard time", "Australia/Darwin"),
            Map.entry("e. australia standard time", "Australia/Brisbane"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("tasmania standard time", "Australia/Hobart"),
            Map.entry("west pacific standard time", "Pacific/Port_Moresby"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("tonga standard time", "Pacific/Tongatapu"));

    /** Outlook display names: the first city found (in this order) decides. */
    private static final List<Map.Entry<String, String>> DISPLAY_CITIES = List.of(
            Map.entry("sarajevo", "Europe/Warsaw"),
            Map.entry("warsaw", "Europe/Warsaw"),
            Map.entry("varsovie", "Europe/Warsaw"),
            Map.entry("belgrade", "Europe/Budapest"),
            Map.entry("prague", "Europe/Budapest"),
            Map.entry("brussels", "Europe/Paris"),
            Map.entry("bruxelles", "Europe/Paris"),
            Map.entry("paris", "Europe/Paris"),
            Map.entry("amsterdam", "Europe/Berlin"),
            Map.entry("berlin", "Europe/Berlin"),
            Map.entry("dublin", "Europe/London"),
            Map.entry("london", "Europe/London"),
            Map.entry("londres", "Europe/London"),
            Map.entry("helsinki", "Europe/Kiev"),
            Map.entry("athens", "Europe/Bucharest"),
            Map.entry("eastern time", "America/New_York"),
            Map.entry("central time", "America/Chicago"),
            Map.entry("mountain time", "America/Denver"),
            Map.entry("pacific time", "America/Los_Angeles"));

    /** The IANA zone meant by {@code tzid}, if any. */
    static Optional<ZoneId> iana(String tzid) {
        String name = tzid == null ? "" : tzid.strip();
        if (name.isEmpty()) return Optional.empty();
        if (name.contains("/") || name.equals("UTC") || name.equals("GMT")) {
            try {
                return Optional.of(ZoneId.of(name.startsWith("/") ? name.substring(1) : name));
            } catch (DateTimeException notIana) {
                // falls through to the other spellings
            }
        }
        String key = name.toLowerCase(Locale.ROOT);
        String windows = WINDOWS.get(key);
        if (windows == null) windows = WINDOWS.get(key + " standard time");
        if (windows != null) return Optional.of(ZoneId.of(windows));
        if (key.startsWith("(utc") || key.startsWith("(gmt") || key.contains(",")) {
            for (Map.Entry<String, String> city : DISPLAY_CITIES) {
                if (key.contains(city.getKey())) return Optional.of(ZoneId.of(city.getValue()));
            }
        }
        return Optional.empty();
    }
}
