package org.rebond.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.rebond.i18n.Messages;

/**
 * Where {@code rebond notes} takes the notes from: a file ({@code --file F}, {@code -} for standard
 * input), standard input when it is a pipe or a file, or else the user's editor on a template to fill
 * in. The text is returned as the user wrote it (the editor's comment lines aside): reading it is
 * {@code NotesParser}'s work, as for a reply to the debrief prompt.
 */
final class NotesInput {

    /** As much as is read of a reply to the debrief prompt; the rest is left. */
    static final int MAX_BYTES = 256 * 1024;

    /** The text, where it came from in words, and whether it was cut at {@link #MAX_BYTES}. */
    record Text(String text, String origin, boolean cut) {}

    private NotesInput() {}

    static Text read(Path file, UserTerminal terminal, String template, Messages say) {
        if (file != null && !file.toString().equals("-")) {
            try (InputStream in = Files.newInputStream(file)) {
                return text(in, file.toString());
            } catch (NoSuchFileException e) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("file.missing", file));
            } catch (IOException e) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("file.unreadable", file, e.getMessage()));
            }
        }
        if (file != null || !terminal.interactive().getAsBoolean()) {
            try {
                return text(terminal.in(), say.get("standard.input"));
            } catch (IOException e) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("standard.input.unreadable", e.getMessage()));
            }
        }
        return edited(terminal, template, say);
    }

    private static Text text(InputStream in, String origin) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        boolean cut = bytes.length > MAX_BYTES;
        return new Text(decode(cut ? Arrays.copyOf(bytes, MAX_BYTES) : bytes), origin, cut);
    }

    /** UTF-8, a byte sequence that is not becoming U+FFFD (as for mail); a cut character at the end is dropped. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Opens {@code $VISUAL}, else {@code $EDITOR}, else {@code vi} on the template, in a file only
     * the user may read (0600) in a folder of its own (0700), deleted afterwards whatever happens.
     * Lines starting with {@code #} are the template's comments and are dropped.
     */
    private static Text edited(UserTerminal terminal, String template, Messages say) {
        String editor = editor(terminal);
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("rebond-notes-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            file = Files.createFile(dir.resolve("notes.txt"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, template, StandardCharsets.UTF_8);
            // Through the shell, as git does, so that EDITOR may carry options ("code --wait", "emacs -nw").
            Process process = new ProcessBuilder("/bin/sh", "-c", editor + " \"$@\"", editor, file.toString()).inheritIO().start();
            int status = process.waitFor();
            if (status == 126 || status == 127) { // the shell found no such command, or could not run it
                throw new IOException(say.get("editor.not.found"));
            }
            if (status != 0) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("editor.failed", editor, status));
            }
            String written;
            try (InputStream in = Files.newInputStream(file)) {
                Text text = text(in, "");
                written = text.text();
            }
            String kept = written.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
            return new Text(kept, say.get("editor", editor), false);
        } catch (IOException e) {
            throw new ExitCodes.CommandFailure(ExitCodes.CONFIG, say.get("editor.unopened", editor, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExitCodes.CommandFailure(ExitCodes.DATA, say.get("interrupted"));
        } finally {
            deleteQuietly(file);
            if (dir != null) {
                // Whatever the editor left beside it (a backup "notes.txt~", a swap file), then the folder.
                try (var left = Files.list(dir)) {
                    left.forEach(NotesInput::deleteQuietly);
                } catch (IOException ignored) {
                    // nothing more to do; the folder is only the user's
                }
                deleteQuietly(dir);
            }
        }
    }

    static String editor(UserTerminal terminal) {
        for (String name : new String[] {"VISUAL", "EDITOR"}) {
            String value = terminal.environment().get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "vi";
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // A temporary file of the user's own, in a folder only they can enter; nothing better to do.
            }
        }
    }
}
