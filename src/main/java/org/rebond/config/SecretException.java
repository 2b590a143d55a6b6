package org.rebond.config;

/**
 * The password could not be read from where the configuration says it lives. The message names
 * the source and the fix, never the secret nor a command's output. Like {@link ConfigException},
 * the command line maps it to exit status 78 (EX_CONFIG), so systemd does not restart in a loop.
 */
public final class SecretException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretException(String message) {
        super(message);
    }
}
