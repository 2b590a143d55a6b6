package org.rebond.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rebond.config.RebondConfig.Security;

/**
 * The IMAP settings of common mail providers, French and international, that {@code rebond init}
 * offers by number or guesses from the address's domain.
 *
 * <p>Where the values come from (checked on 2026-12-07): Thunderbird's provider database (ISPDB,
 * github.com/thunderbird/autoconfig, the settings Thunderbird fills in itself) for Gmail,
 * Outlook/Microsoft 365, Yahoo, iCloud, Fastmail, Orange, Free, SFR, La Poste, OVH and GMX;
 * Infomaniak's own help pages for Infomaniak. Proton Bridge could not be checked against Proton's
 * own documentation: 127.0.0.1:1143 with STARTTLS is Bridge's default as Thunderbird's old entry
 * for Proton and the users' guides give it; Bridge shows the actual port in its settings. The
 * domains of OVH and Infomaniak are their customers' own, so they are never guessed.
 */
final class MailProviders {

    /**
     * One provider's settings. {@code loginIsLocalPart}: the user name is the part of the address
     * before the {@code @}. {@code note}: the key of the sentence (area {@code init}, {@code provider.note.KEY})
     * saying what to know first (an app password, OAuth2, Bridge running), or null.
     */
    record Preset(String key, String label, String host, int port, Security security, boolean loginIsLocalPart,
                  boolean oauth2Only, List<String> domains, String note) {

        String defaultUsername(String address) {
            return loginIsLocalPart && address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
        }
    }

    static final List<Preset> ALL = List.of(
            new Preset("gmail", "Gmail", "imap.gmail.com", 993, Security.TLS, false, false,
                    List.of("gmail.com", "googlemail.com"), "app-password"),
            new Preset("outlook", "Outlook.com / Microsoft 365", "outlook.office365.com", 993, Security.TLS, false, true,
                    List.of("outlook.com", "outlook.fr", "hotmail.com", "hotmail.fr", "live.com", "live.fr", "msn.com"), "oauth2"),
            new Preset("yahoo", "Yahoo", "imap.mail.yahoo.com", 993, Security.TLS, false, false,
                    List.of("yahoo.com", "yahoo.fr", "ymail.com", "rocketmail.com"), "app-password"),
            new Preset("icloud", "iCloud", "imap.mail.me.com", 993, Security.TLS, true, false,
                    List.of("icloud.com", "me.com", "mac.com"), "app-password"),
            new Preset("fastmail", "Fastmail", "imap.fastmail.com", 993, Security.TLS, false, false,
                    List.of("fastmail.com", "fastmail.fm"), "app-password"),
            new Preset("proton", "Proton Mail (Bridge)", "127.0.0.1", 1143, Security.STARTTLS, false, false,
                    List.of("proton.me", "protonmail.com", "protonmail.ch", "pm.me"), "bridge"),
            new Preset("orange", "Orange", "imap.orange.fr", 993, Security.TLS, false, false,
                    List.of("orange.fr", "wanadoo.fr"), null),
            new Preset("free", "Free", "imap.free.fr", 993, Security.TLS, true, false, List.of("free.fr"), null),
            new Preset("sfr", "SFR", "imap.sfr.fr", 993, Security.TLS, false, false,
                    List.of("sfr.fr", "neuf.fr", "club-internet.fr"), null),
            new Preset("laposte", "La Poste", "imap.laposte.net", 993, Security.TLS, true, false, List.of("laposte.net"), null),
            new Preset("ovh", "OVH (MX Plan)", "ssl0.ovh.net", 993, Security.TLS, false, false, List.of(), null),
            new Preset("infomaniak", "Infomaniak", "mail.infomaniak.com", 993, Security.TLS, false, false, List.of(), null),
            new Preset("gmx", "GMX (gmx.com, gmx.fr)", "imap.gmx.com", 993, Security.TLS, false, false,
                    List.of("gmx.com", "gmx.fr", "gmx.co.uk", "gmx.us", "gmx.es", "gmx.it"), null),
            new Preset("gmx.net", "GMX (gmx.net, gmx.de)", "imap.gmx.net", 993, Security.TLS, false, false,
                    List.of("gmx.net", "gmx.de", "gmx.at", "gmx.ch"), null));

    private MailProviders() {}

    /** The preset named {@code answer}: its number in {@link #ALL} (from 1) or its key, any case. */
    static Optional<Preset> find(String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        if (a.matches("\\d{1,2}")) {
            int n = Integer.parseInt(a);
            return n >= 1 && n <= ALL.size() ? Optional.of(ALL.get(n - 1)) : Optional.empty();
        }
        return ALL.stream().filter(p -> p.key().equals(a)).findFirst();
    }

    /** The preset whose domain the address is at, if any. */
    static Optional<Preset> guess(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.domains().contains(domain)).findFirst();
    }

    /** The keys, for the option's help and the error naming them. */
    static String keys() {
        return String.join(", ", ALL.stream().map(Preset::key).toList());
    }
}
