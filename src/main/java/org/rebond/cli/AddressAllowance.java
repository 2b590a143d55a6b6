package org.rebond.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rebond.i18n.Messages;

/** The text of the systemd drop-in {@code rebond allowlist} writes: one {@code IPAddressAllow=} line per address, each explained. */
final class AddressAllowance {

    /** An address and why rebond connects to it. */
    record Entry(InetAddress address, String why) {}

    private AddressAllowance() {
    }

    /** The addresses to allow, without the machine's own (the unit allows loopback already) and without repeats. */
    static Map<String, String> allowed(List<Entry> entries) {
        Map<String, String> allowed = new LinkedHashMap<>();
        for (Entry entry : entries) {
            InetAddress address = entry.address();
            if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
                allowed.merge(address.getHostAddress().replaceAll("%.*$", ""), entry.why(), (a, b) -> a + "; " + b);
            }
        }
        return allowed;
    }

    /** The drop-in, its comments in the language of {@code say} (the {@code commands} sentences). */
    static String dropIn(List<Entry> entries, Path config, LocalDate on, Messages say) {
        Map<String, String> allowed = allowed(entries);
        StringBuilder s = new StringBuilder();
        say.get("allowlist.dropin.head", on, config).lines().forEach(line -> s.append("# ").append(line).append('\n'));
        s.append("[Service]\n");
        if (allowed.isEmpty()) {
            s.append("# ").append(say.get("allowlist.dropin.nothing")).append('\n');
        }
        for (Map.Entry<String, String> address : allowed.entrySet()) {
            s.append("# ").append(address.getValue()).append('\n');
            s.append("IPAddressAllow=").append(address.getKey()).append('\n');
        }
        return s.toString();
    }

    /** The name servers of a resolv.conf, as addresses (lines "nameserver ADDRESS"; others ignored). */
    static List<InetAddress> resolvers(String resolvConf) {
        List<InetAddress> out = new ArrayList<>();
        for (String line : resolvConf.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver") && words[1].matches("[0-9a-fA-F:.%\\w]+")
                    && (words[1].contains(".") || words[1].contains(":"))) {
                try {
                    // A literal address: no lookup happens.
                    out.add(InetAddress.getByName(words[1]));
                } catch (UnknownHostException e) {
                    // not an address: ignored, as the resolver library does
                }
            }
        }
        return out;
    }
}
