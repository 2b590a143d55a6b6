package org.rebond.mail;

import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Properties;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Protocol;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.ResponseInputStream;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;
import org.slf4j.LoggerFactory;

/**
 * Angus' IMAP store, with connections that let the scan read a response's bytes as they came
 * ({@link RawProtocol#readRawResponse}) and parse them itself ({@link ImapFetchParser}). This is
 * the extension point Angus documents ({@code IMAPStore.newIMAPProtocol}); everything else —
 * login, TLS, IDLE, folders — is Angus' own. Used for {@code imap} and {@code imaps} alike.
 */
public final class ScanImapStore extends IMAPStore {

    /** The provider to give {@link Session#getStore(Provider)} for {@code imap} or {@code imaps}. */
    public static Provider provider(String protocol) {
        return new Provider(Provider.Type.STORE, protocol, ScanImapStore.class.getName(), "rebond", null);
    }

    public ScanImapStore(Session session, URLName url) {
        super(session, url, url == null ? "imap" : url.getProtocol(), url != null && "imaps".equalsIgnoreCase(url.getProtocol()));
    }

    @Override
    protected IMAPProtocol newIMAPProtocol(String host, int port) throws IOException, ProtocolException {
        return new RawProtocol(name, host, port, session.getProperties(), isSSL, logger);
    }

    /**
     * A connection whose responses can also be read as bytes, and are read a block at a time
     * ({@link BulkResponseStream}) instead of Angus' byte by byte. Angus keeps its reader in a
     * private field and makes a new one when the connection turns to TLS or compression; the
     * block reader is put in its place after each of these. Should a later Angus name its fields
     * otherwise, its own reader stays (slower, same bytes) and the log says so once per connection.
     */
    static final class RawProtocol extends IMAPProtocol {
        /** A buffer grown for one large response is not kept. */
        private static final int KEPT_BUFFER_BYTES = 256 * 1024;

        private ByteArray buffer = new ByteArray(16 * 1024);

        RawProtocol(String name, String host, int port, Properties props, boolean isSSL, MailLogger logger)
                throws IOException, ProtocolException {
            super(name, host, port, props, isSSL, logger);
            readInBlocks();
        }

        @Override
        public synchronized void startTLS(String command) throws IOException, ProtocolException {
            super.startTLS(command);
            readInBlocks();
        }

        @Override
        public synchronized void startCompression(String command) throws IOException, ProtocolException {
            super.startCompression(command);
            readInBlocks();
        }

        /** True when responses are read a block at a time (the tests check it, so an Angus upgrade that breaks it shows). */
        boolean readsInBlocks() {
            return getInputStream() instanceof BulkResponseStream;
        }

        private void readInBlocks() {
            if (readsInBlocks()) {
                return;
            }
            try {
                Field input = Protocol.class.getDeclaredField("input");
                Field traceInput = Protocol.class.getDeclaredField("traceInput");
                input.setAccessible(true);
                traceInput.setAccessible(true);
                // Nothing was left in Angus' reader: the server said its last word and waits for a command.
                if (((ResponseInputStream) input.get(this)).available() > 0) {
                    LoggerFactory.getLogger(ScanImapStore.class).debug("responses left unread; Angus' own reader is kept");
                    return;
                }
                input.set(this, new BulkResponseStream((InputStream) traceInput.get(this)));
            } catch (ReflectiveOperationException | RuntimeException | IOException e) {
                LoggerFactory.getLogger(ScanImapStore.class).info("IMAP responses read by Angus' own reader ({}); a first scan "
                        + "takes more processor", e.toString());
            }
        }

        /**
         * The next response, literals inline, its CRLF included: valid until the next call. The
         * caller holds this connection's lock, as for any read (Angus' rule).
         */
        ByteArray readRawResponse() throws IOException {
            if (buffer.getBytes().length > KEPT_BUFFER_BYTES) {
                buffer = new ByteArray(16 * 1024);
            }
            ByteArray read = getInputStream().readResponse(buffer);
            buffer = read;
            return read;
        }
    }
}
