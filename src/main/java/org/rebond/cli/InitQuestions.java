package org.rebond.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rebond.config.Loopback;
import org.rebond.config.RebondConfig.Security;
import org.rebond.i18n.Messages;
import org.rebond.i18n.UserLanguage;

/**
 * The questions of {@code rebond init}, each answered by its flag or, in a terminal, typed. A
 * typed answer that does not fit is asked again with the reason; a flag that does not fit, or
 * a missing answer without a terminal, ends the command with exit code 64 naming the flags.
 */
final class InitQuestions {

    /** A host name or an IP address, without scheme nor port (as mailbox.host wants it). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\\.?|\\[?[0-9A-Fa-f:.]+]?");

    private final InitCommand flags;
    private final UserTerminal terminal;
    private final PrintWriter out;
    private final boolean asking;
    private final List<String> missing = new ArrayList<>();
    private Messages m;

    InitQuestions(InitCommand flags, UserTerminal terminal, PrintWriter out, boolean asking) {
        this.flags = flags;
        this.terminal = terminal;
        this.out = out;
        this.asking = asking;
    }

    /** The language first, so that every later question is in it. */
    Messages language() {
        Locale fromEnvironment = UserLanguage.fromEnvironment(terminal.environment());
        String given = flags.language;
        if (given == null && asking) {
            String d = fromEnvironment.getLanguage();
            while (given == null) {
                String typed = line("Language / langue (en, fr) [" + d + "]: ");
                given = typed.isBlank() ? d : parseLanguage(typed);
            }
        } else if (given != null && parseLanguage(given) == null) {
            throw usage(Messages.of("init", fromEnvironment).get("bad.language", given));
        }
        Locale chosen = given == null ? fromEnvironment : Locale.forLanguageTag(parseLanguage(given));
        m = Messages.of("init", chosen);
        return m;
    }

    private static String parseLanguage(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        if (t.equals("fr") || t.startsWith("fran") || t.equals("french")) return "fr";
        if (t.equals("en") || t.startsWith("engl") || t.startsWith("angl")) return "en";
        return null;
    }

    SetupAnswers ask(Path configFolder) {
        if (asking) out.println(m.get("intro"));
        String name = text("--name", flags.name, "ask.name", true);
        List<String> addresses = addresses();
        ZoneId zone = answer("--time-zone", flags.timeZone, "ask.zone", ZoneId.systemDefault().getId(), this::zone,
                t -> m.get("bad.zone", t));
        String objective = text("--objective", flags.objective, "ask.objective", false);
        String pitch = text("--pitch", flags.pitch, "ask.pitch", false);
        String first = addresses.isEmpty() ? "" : addresses.get(0);
        Server server = server(first);
        String username = flags.username != null ? flags.username
                : server == null ? null
                : answer("--username", null, "ask.username", server.preset.map(p -> p.defaultUsername(first)).orElse(first), Optional::of);
        SetupAnswers.PasswordPlan password = password(server, configFolder);
        if (!missing.isEmpty()) {
            throw usage(m.get("missing", String.join(", ", missing)));
        }
        return new SetupAnswers(m.language(), name, addresses, zone, objective, pitch,
                server.preset.map(MailProviders.Preset::label).orElse(null), server.host, server.port, server.security,
                username, password, flags.caFile, flags.database);
    }

    private List<String> addresses() {
        if (flags.addresses != null && !flags.addresses.isEmpty()) {
            for (String a : flags.addresses) {
                if (badAddress(a) != null) throw usage(m.get("bad.flag", "--address", badAddress(a)));
            }
            return List.copyOf(flags.addresses);
        }
        if (!asking) {
            missing.add("--address");
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add(answer("--address", null, "ask.address", null, a -> Optional.ofNullable(badAddress(a) == null ? a : null), this::badAddress));
        String others = answer("--address", null, "ask.more.addresses", "", Optional::of);
        for (String a : others.split("[,;\\s]+")) {
            if (a.isBlank()) continue;
            if (badAddress(a) != null) {
                out.println(m.get("skipped.address", a));
            } else if (!all.contains(a)) {
                all.add(a);
            }
        }
        return List.copyOf(all);
    }

    private String badAddress(String a) {
        String s = a.strip();
        return s.matches("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+") ? null : m.get("bad.address", a);
    }

    private Optional<ZoneId> zone(String typed) {
        try {
            return Optional.of(ZoneId.of(typed.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The IMAP server: a preset by number or key, guessed from the address, or typed by hand. */
    private record Server(Optional<MailProviders.Preset> preset, String host, int port, Security security) {}

    private Server server(String address) {
        Optional<MailProviders.Preset> preset = Optional.empty();
        if (flags.provider != null) {
            preset = MailProviders.find(flags.provider);
            if (preset.isEmpty()) throw usage(m.get("bad.provider", flags.provider, MailProviders.keys()));
        } else if (flags.imapHost == null) {
            Optional<MailProviders.Preset> guessed = MailProviders.guess(address);
            if (!asking) {
                preset = guessed;
                if (guessed.isEmpty()) missing.add("--provider / --imap-host");
            } else {
                out.println(m.get("ask.provider.list"));
                for (int i = 0; i < MailProviders.ALL.size(); i++) {
                    out.printf("  %2d  %s%n", i + 1, MailProviders.ALL.get(i).label());
                }
                out.printf("  %2d  %s%n", 0, m.get("provider.other"));
                String d = guessed.map(p -> String.valueOf(MailProviders.ALL.indexOf(p) + 1)).orElse("0");
                preset = answer("--provider", null, "ask.provider", d,
                        t -> t.strip().equals("0") ? Optional.of(Optional.<MailProviders.Preset>empty())
                                : MailProviders.find(t).map(Optional::of));
            }
        }
        if (preset.isPresent() && flags.imapHost == null) {
            MailProviders.Preset p = preset.get();
            if (p.note() != null) out.println(m.get("provider.note." + p.note()));
            return new Server(preset, p.host(), flags.imapPort != null ? flags.imapPort : p.port(),
                    flags.imapSecurity != null ? security(flags.imapSecurity) : p.security());
        }
        if (flags.imapHost == null && !asking) return null;
        String host = answer("--imap-host", flags.imapHost, "ask.host", null,
                t -> Optional.of(t.strip()).filter(h -> HOST.matcher(h).matches()), t -> m.get("bad.host", t));
        if (host == null) return null;
        Security security = answer("--imap-security", flags.imapSecurity, "ask.security", "tls",
                t -> Optional.ofNullable(securityOrNull(t)).filter(s -> s != Security.NONE || Loopback.isLoopback(host)),
                t -> securityOrNull(t) == null ? m.get("bad.security", t) : m.get("bad.plaintext", host));
        int defaultPort = security == Security.TLS ? 993 : 143;
        int port = answer("--imap-port", flags.imapPort == null ? null : String.valueOf(flags.imapPort), "ask.port",
                String.valueOf(defaultPort), InitQuestions::port);
        return new Server(Optional.empty(), host, port, security);
    }

    private Security security(String given) {
        Security s = securityOrNull(given);
        if (s == null) throw usage(m.get("bad.flag", "--imap-security", m.get("bad.security", given)));
        return s;
    }

    private static Security securityOrNull(String t) {
        return switch (t.strip().toLowerCase(Locale.ROOT)) {
            case "tls", "ssl", "ssl/tls" -> Security.TLS;
            case "starttls" -> Security.STARTTLS;
            case "none" -> Security.NONE;
            default -> null;
        };
    }

    private static Optional<Integer> port(String t) {
        try {
            int p = Integer.parseInt(t.strip());
            return p >= 1 && p <= 65535 ? Optional.of(p) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private SetupAnswers.PasswordPlan password(Server server, Path folder) {
        SetupAnswers.Keeping keeping = flags.keeping(m);
        if (keeping == null && !asking) {
            missing.add("--password-file / --password-stdin / --credential / --password-command / --token-command");
            return null;
        }
        if (keeping == null) {
            out.println(m.get("ask.keeping.list"));
            boolean oauth2 = server != null && server.preset.map(MailProviders.Preset::oauth2Only).orElse(false);
            keeping = answer("--password-file", null, "ask.keeping", oauth2 ? "4" : "1", t -> switch (t.strip()) {
                case "1" -> Optional.of(SetupAnswers.Keeping.FILE);
                case "2" -> Optional.of(SetupAnswers.Keeping.CREDENTIAL);
                case "3" -> Optional.of(SetupAnswers.Keeping.COMMAND);
                case "4" -> Optional.of(SetupAnswers.Keeping.OAUTH2);
                default -> Optional.empty();
            });
        }
        switch (keeping) {
            case COMMAND, OAUTH2: {
                boolean token = keeping == SetupAnswers.Keeping.OAUTH2;
                String given = token ? flags.tokenCommand : flags.passwordCommand;
                String command = text(token ? "--token-command" : "--password-command", given, token ? "ask.token.command" : "ask.command", true);
                List<String> argv = Arrays.stream(command.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
                return new SetupAnswers.PasswordPlan(keeping, null, null, argv, null);
            }
            default: {
                String credential = keeping == SetupAnswers.Keeping.CREDENTIAL ? flags.credential == null ? "imap-password" : flags.credential : null;
                if (credential != null && (credential.isBlank() || credential.contains("/") || credential.startsWith("."))) {
                    throw usage(m.get("bad.flag", "--credential", m.get("bad.credential", credential)));
                }
                Path file = keeping == SetupAnswers.Keeping.FILE && flags.passwordFile != null ? flags.passwordFile.toAbsolutePath()
                        : folder.resolve(credential != null ? credential : "imap-password");
                char[] secret = null;
                boolean kept = Files.exists(file) && !flags.force;
                if (flags.passwordStdin) {
                    secret = terminal.secretLine();
                    if (secret == null || secret.length == 0) throw usage(m.get("no.stdin.password"));
                } else if (kept) {
                    out.println(m.get("kept.password", file));
                } else if (keeping == SetupAnswers.Keeping.CREDENTIAL || flags.passwordFile == null) {
                    if (!asking) {
                        missing.add("--password-stdin");
                    } else {
                        out.println(m.get(keeping == SetupAnswers.Keeping.CREDENTIAL ? "explain.credential" : "explain.file", file));
                        while (secret == null || secret.length == 0) {
                            secret = terminal.askSecret(out, m.get("prompt", m.get("ask.password")));
                            if (secret == null) throw usage(m.get("input.ended"));
                        }
                    }
                }
                return new SetupAnswers.PasswordPlan(keeping, file, credential, null, secret);
            }
        }
    }

    private String text(String flag, String given, String key, boolean required) {
        if (given != null) {
            if (required && given.isBlank()) throw usage(m.get("bad.flag", flag, m.get("empty")));
            return given.strip();
        }
        if (!asking) {
            if (required) missing.add(flag);
            return required ? null : "";
        }
        return answer(flag, null, key, required ? null : "", Optional::of);
    }

    private <T> T answer(String flag, String given, String key, String byDefault, Function<String, Optional<T>> parse) {
        return answer(flag, given, key, byDefault, parse, t -> m.get("not.understood", t));
    }

    /**
     * The flag's value if given (exit 64 when it does not fit), else the typed answer, asked again
     * until it fits; Enter takes {@code byDefault} (null: an answer is required).
     */
    private <T> T answer(String flag, String given, String key, String byDefault, Function<String, Optional<T>> parse,
                         Function<String, String> why) {
        if (given != null) {
            return parse.apply(given).orElseThrow(() -> usage(m.get("bad.flag", flag, why.apply(given))));
        }
        if (!asking) {
            if (byDefault != null) return parse.apply(byDefault).orElseThrow();
            missing.add(flag);
            return null;
        }
        while (true) {
            String typed = line(m.get("prompt", m.get(key) + (byDefault == null || byDefault.isEmpty() ? "" : " [" + byDefault + "]"))).strip();
            if (typed.isEmpty() && byDefault != null) {
                Optional<T> taken = parse.apply(byDefault);
                if (taken.isPresent()) return taken.get();
            }
            if (typed.isEmpty()) {
                out.println(m.get("required"));
                continue;
            }
            Optional<T> parsed = parse.apply(typed);
            if (parsed.isPresent()) return parsed.get();
            out.println(why.apply(typed));
        }
    }

    private String line(String prompt) {
        String typed = terminal.ask(out, prompt);
        if (typed == null) {
            throw usage(m == null ? "the input ended before init was done / l'entrée s'est terminée avant la fin" : m.get("input.ended"));
        }
        return typed;
    }

    private static ExitCodes.CommandFailure usage(String message) {
        return new ExitCodes.CommandFailure(ExitCodes.USAGE, message);
    }
}
