package org.rebond.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a configured host names the local machine, decided from the text alone (no DNS lookup). */
public final class Loopback {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Loopback() {}

    /** {@code localhost}, 127.0.0.0/8 and {@code ::1} (in any of its spellings, with or without brackets). */
    public static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        Matcher m = IPV4.matcher(h);
        if (m.matches()) {
            for (int i = 1; i <= 4; i++) if (Integer.parseInt(m.group(i)) > 255) return false;
            return Integer.parseInt(m.group(1)) == 127;
        }
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return isIpv6Loopback(h);
    }

    private static boolean isIpv6Loopback(String h) {
        // Only a literal reaches InetAddress: with a colon and nothing but hex digits, colons and
        // dots, the JDK parses the text itself and never asks a resolver.
        if (!h.contains(":") || !h.matches("[0-9a-f:.]+")) return false;
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
