package org.rebond.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a password lives, read from a section's {@code password_file}, {@code password_credential},
 * {@code password_command} or {@code oauth2_token_command} (at most one of them). The password
 * itself is never in the file: {@link SecretReader} reads it later.
 */
final class PasswordSources {
    private final ConfigPaths paths;
    private final ConfigProblems problems;

    PasswordSources(ConfigPaths paths, ConfigProblems problems) {
        this.paths = paths;
        this.problems = problems;
    }

    /** The one source set in {@code s}, or null when none is (a problem unless {@code optional}) or it is unusable. */
    RebondConfig.Secret secret(YamlSection s, boolean optional) {
        List<String> set = new ArrayList<>();
        for (String k : List.of("password_file", "password_credential", "password_command", "oauth2_token_command")) {
            if (s.has(k)) set.add(k);
        }
        if (set.size() > 1) {
            s.problem(set.get(1), "password.two.sources", set.get(0), set.get(1));
            return null;
        }
        if (set.isEmpty()) {
            if (!optional) {
                problems.add(s.line(), "mailbox", "password.none");
            }
            return null;
        }
        switch (set.get(0)) {
            case "password_file": {
                Path p = paths.path(s, "password_file");
                return p == null ? null : new RebondConfig.Secret(p, null, null);
            }
            case "password_credential": {
                String name = s.line("password_credential");
                if (name == null) return null;
                if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..") || name.length() > 255) {
                    s.problem("password_credential", "password.credential.name");
                    return null;
                }
                return new RebondConfig.Secret(null, name, null);
            }
            case "oauth2_token_command": {
                if (!s.isList("oauth2_token_command")) {
                    s.problem("oauth2_token_command", "oauth2.command.list");
                    return null;
                }
                List<String> argv = s.lines("oauth2_token_command", "[oama, access, camille@gmail.com]");
                if (argv == null || argv.isEmpty()) {
                    s.problem("oauth2_token_command", "oauth2.command.empty");
                    return null;
                }
                return new RebondConfig.Secret(null, null, List.copyOf(argv));
            }
            default: {
                if (!s.isList("password_command")) {
                    s.problem("password_command", "password.command.list");
                    return null;
                }
                List<String> argv = s.lines("password_command", "[pass, show, mail/imap]");
                if (argv == null || argv.isEmpty()) {
                    s.problem("password_command", "password.command.empty");
                    return null;
                }
                return new RebondConfig.Secret(null, null, List.copyOf(argv));
            }
        }
    }
}
