package org.rebond.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.rebond.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What rebond says when it cannot understand a command line (exit 64): one sentence of its own for each
 * kind of mistake picocli finds, in the help's language, then where to read how the command is used.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    private final Messages messages;

    UsageErrors(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("rebond: " + sentence(e, args));
        err.println(messages.get("error.runHelp", failed.getCommandSpec().qualifiedName()));
        return ExitCodes.USAGE;
    }

    /** The mistake, said in the user's language. */
    String sentence(ParameterException e, String[] args) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        if (e instanceof MissingParameterException missing) {
            return missing(missing.getMissing(), args);
        }
        if (e instanceof OverwrittenOptionException twice) {
            return messages.get("error.givenTwice", name(twice.getOverwritten()));
        }
        if (e instanceof MaxValuesExceededException) {
            return messages.get("error.tooMany");
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            String expected = expected(e.getArgSpec().type());
            String value = "'" + e.getValue() + "'";
            return expected == null ? messages.get("error.badValue", name(e.getArgSpec()), value)
                    : messages.get("error.badValueOf", name(e.getArgSpec()), value, expected);
        }
        return messages.get("error.other", e.getMessage());
    }

    private String unmatched(UnmatchedArgumentException e) {
        List<String> words = e.getUnmatched();
        String listed = words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "));
        boolean command = !e.isUnknownOption() && !e.getCommandLine().getSubcommands().isEmpty();
        String key = e.isUnknownOption() ? (words.size() == 1 ? "error.unknownOption" : "error.unknownOptions")
                : command ? "error.unknownCommand"
                : words.size() == 1 ? "error.unexpectedArgument" : "error.unexpectedArguments";
        String sentence = messages.get(key, command ? "'" + words.get(0) + "'" : listed);
        List<String> suggestions = e.getSuggestions();
        if ((e.isUnknownOption() || command) && !suggestions.isEmpty()) {
            sentence += "; " + messages.get("error.didYouMean", suggestions.get(0));
        }
        return sentence;
    }

    private String missing(List<ArgSpec> missing, String[] args) {
        ArgSpec first = missing.get(0);
        if (first instanceof OptionSpec option) {
            boolean given = Arrays.stream(args).anyMatch(a -> Arrays.stream(option.names()).anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
            return given ? messages.get("error.needsValue", option.longestName(), option.longestName() + "=" + option.paramLabel())
                    : messages.get("error.missingOption", option.longestName() + "=" + option.paramLabel());
        }
        return messages.get("error.missingParameter", missing.stream().map(ArgSpec::paramLabel).collect(Collectors.joining(" ")));
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    private String expected(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return messages.get("type.number");
        }
        if (type == Path.class) {
            return messages.get("type.path");
        }
        return null;
    }
}
