package org.rebond.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The fingerprint of a draft as rebond wrote it: SHA-256 of its subject and text, each with every
 * run of white space folded into one space (NFC). What a server or a client does to white space
 * (CRLF, format=flowed soft breaks, space-stuffing, trailing blanks) does not change it; any change
 * of a word does. rebond keeps it with the draft's outbox row and compares it with the draft found
 * in the mailbox before it ever replaces one.
 */
public final class DraftDigest {

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private DraftDigest() {}

    public static String of(String subject, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(folded(subject).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(folded(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String folded(String s) {
        String text = s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
