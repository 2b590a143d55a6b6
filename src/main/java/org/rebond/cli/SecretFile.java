package org.rebond.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.rebond.store.PrivateFiles;

/**
 * Writes the IMAP password where rebond reads it: one line in a file only its owner can read
 * ({@code 0600}, in a folder created {@code 0700}), the file made private before a byte of the
 * secret goes in. The secret is never turned into a {@link String}, and is wiped once written.
 */
final class SecretFile {

    private SecretFile() {}

    static void write(Path file, char[] secret) throws IOException {
        PrivateFiles.createFolders(file.toAbsolutePath().getParent());
        PrivateFiles.createFile(file);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] line = new byte[bytes.remaining() + 1];
        bytes.get(line, 0, line.length - 1);
        line[line.length - 1] = '\n';
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(line);
        } finally {
            Arrays.fill(line, (byte) 0);
            if (bytes.hasArray()) Arrays.fill(bytes.array(), (byte) 0);
            Arrays.fill(secret, '\0');
        }
    }
}
