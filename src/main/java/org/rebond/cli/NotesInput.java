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

    static Text read(Path file, UserTerminal terminal, String template, boolean fr) {
        if (file != null && !file.toString().equals("-")) {
            try (InputStream in = Files.newInputStream(file)) {
                return text(in, file.toString(), fr);
            } catch (NoSuchFileException e) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, fr ? "le fichier " + file + " n'existe pas ; rien n'a été enregistré"
                        : "the file " + file + " does not exist; nothing was recorded");
            } catch (IOException e) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, (fr ? "impossible de lire " + file + " (" : "cannot read " + file + " (")
                        + e.getMessage() + (fr ? ") ; rien n'a été enregistré" : "); nothing was recorded"));
            }
        }
        if (file != null || !terminal.interactive().getAsBoolean()) {
            try {
                return text(terminal.in(), fr ? "l'entrée standard" : "standard input", fr);
            } catch (IOException e) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, (fr ? "impossible de lire l'entrée standard (" : "cannot read standard input (")
                        + e.getMessage() + ")");
            }
        }
        return edited(terminal, template, fr);
    }

    private static Text text(InputStream in, String origin, boolean fr) throws IOException {
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
    private static Text edited(UserTerminal terminal, String template, boolean fr) {
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
                throw new IOException(fr ? "introuvable ou impossible à lancer" : "not found, or could not be run");
            }
            if (status != 0) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, fr
                        ? "l'éditeur (" + editor + ") s'est terminé avec le code " + status + " ; rien n'a été enregistré"
                        : "the editor (" + editor + ") exited with status " + status + "; nothing was recorded");
            }
            String written;
            try (InputStream in = Files.newInputStream(file)) {
                Text text = text(in, "", fr);
                written = text.text();
            }
            String kept = written.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
            return new Text(kept, fr ? "l'éditeur (" + editor + ")" : "the editor (" + editor + ")", false);
        } catch (IOException e) {
            throw new ExitCodes.CommandFailure(ExitCodes.CONFIG, fr
                    ? "impossible d'ouvrir l'éditeur (" + editor + ") : " + e.getMessage() + ". Indiquez le vôtre dans VISUAL ou EDITOR, "
                            + "ou donnez les notes avec --file ou sur l'entrée standard."
                    : "cannot open the editor (" + editor + "): " + e.getMessage() + ". Set VISUAL or EDITOR to yours, "
                            + "or give the notes with --file or on standard input.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExitCodes.CommandFailure(ExitCodes.DATA, fr ? "interrompu ; rien n'a été enregistré" : "interrupted; nothing was recorded");
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
