package org.rebond.mail;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan's reads, as plain IMAP commands on the folder's connection: one {@code UID FETCH} of
 * UID, size, BODYSTRUCTURE and the needed header fields for a whole batch, read response by
 * response as the server streams them, and then one {@code UID FETCH} per distinct section for
 * the few parts the intake asked for (calendar parts, a text part), each capped with a partial
 * fetch. No Jakarta Mail message object is made, so nothing piles up in the folder's message
 * cache, and a batch costs a handful of round trips whatever it holds (issue 3, "cheap reads").
 * Every body is fetched with {@code BODY.PEEK}: nothing sets {@code \Seen} (DESIGN I3).
 */
final class ImapBatchReader {

    private static final Logger log = LoggerFactory.getLogger(ImapBatchReader.class);
    /** Longest UID set written in one command (servers refuse lines of several hundred KB). */
    private static final int MAX_SET_CHARS = 8_000;

    private final String scanItems;

    ImapBatchReader(List<String> headerFields) {
        this.scanItems = "UID RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (" + String.join(" ", headerFields) + ")]";
    }

    /** The fetch items of a scan, as sent (for the benchmark's raw client and the tests). */
    String scanItems() {
        return scanItems;
    }

    /**
     * Describes the messages with these UIDs (ascending), in UID order. A message expunged
     * meanwhile is simply absent; one whose description the client cannot parse is returned
     * with its {@link ScannedMessage#problem()}, so the intake can quarantine it.
     */
    List<ScannedMessage> scan(IMAPFolder folder, long[] uids, int from, int to) throws MessagingException {
        return scan(folder, uids, from, to, described -> { });
    }

    /**
     * As {@link #scan(IMAPFolder, long[], int, int)}, handing each message to {@code described} as
     * soon as its description is read, while the server is still sending the rest of the batch:
     * the work done there overlaps the server's (on the connection's thread: it must not use the
     * connection).
     */
    List<ScannedMessage> scan(IMAPFolder folder, long[] uids, int from, int to, Consumer<ScannedMessage> described) throws MessagingException {
        return scan(folder, uids, from, to, described, null);
    }

    /**
     * As {@link #scan(IMAPFolder, long[], int, int, Consumer)}, running {@code onceAsked} once the
     * command is written and before its first response is read: what the caller does there (hand
     * the previous batch to the intake, which may wait) overlaps the server's work on this one. It
     * must not use the connection. What it throws is rethrown once the command's responses were
     * all read, so the connection stays usable.
     */
    List<ScannedMessage> scan(IMAPFolder folder, long[] uids, int from, int to, Consumer<ScannedMessage> described, Runnable onceAsked)
            throws MessagingException {
        Map<Long, ScannedMessage> found = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        Runnable[] pending = {onceAsked};
        for (String set : uidSets(uids, from, to)) {
            Runnable afterWrite = pending[0];
            pending[0] = null;
            fetch(folder, set, scanItems, afterWrite, response -> {
                if (response.uid() < 0) {
                    return false;
                }
                ScannedMessage message = describe(response);
                found.put(response.uid(), message);
                described.accept(message);
                return true;
            }, unreadable::add);
        }
        if (pending[0] != null) {
            pending[0].run(); // no command was needed (no UID): done here
        }
        List<ScannedMessage> out = new ArrayList<>(to - from);
        List<Long> missing = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ScannedMessage m = found.get(uids[i]);
            if (m != null) {
                out.add(m);
            } else if (!unreadable.isEmpty()) {
                missing.add(uids[i]);
            }
        }
        if (!missing.isEmpty()) {
            // A response the client could not parse names no UID: ask for each missing message alone.
            for (ScannedMessage message : one(folder, missing, unreadable.get(0))) {
                described.accept(message);
                out.add(message);
            }
            out.sort(Comparator.comparingLong(ScannedMessage::uid));
        }
        return out;
    }

    private List<ScannedMessage> one(IMAPFolder folder, List<Long> uids, String firstProblem) throws MessagingException {
        List<ScannedMessage> out = new ArrayList<>();
        for (long uid : uids) {
            ScannedMessage[] got = {null};
            String[] problem = {null};
            fetch(folder, Long.toString(uid), scanItems, null, response -> {
                if (response.uid() != uid) {
                    return false;
                }
                got[0] = describe(response);
                return true;
            }, p -> problem[0] = p);
            if (got[0] != null) {
                out.add(got[0]);
            } else if (problem[0] != null) {
                out.add(new ScannedMessage(uid, -1, null, BodyParts.NONE, "the server's description of this message could not be read ("
                        + problem[0] + ")"));
            }
            // neither: expunged meanwhile
        }
        log.debug("{} message(s) asked for one by one after an unreadable response: {}", uids.size(), firstProblem);
        return out;
    }

    private static ScannedMessage describe(ImapFetchParser.Fetched response) {
        return new ScannedMessage(response.uid(), response.size(), response.headers() == null ? HeaderFields.EMPTY : response.headers(),
                response.parts(), response.problem());
    }

    /** A part to download: at most {@code maxBytes} of one section of one message. */
    record PartRequest(long uid, String section, long maxBytes) {}

    /**
     * Downloads the requested parts, raw (still transfer-encoded), one command per distinct
     * section, capped at the largest cap asked for it: {@code UID FETCH 12,40:41 (BODY.PEEK[2]<0.65536>)}.
     * Keys are {@code uid + "/" + SECTION}; a part the server did not return is absent.
     */
    Map<String, byte[]> parts(IMAPFolder folder, List<PartRequest> requests) throws MessagingException {
        Map<String, List<Long>> bySection = new LinkedHashMap<>();
        Map<String, Long> capOf = new HashMap<>();
        for (PartRequest r : requests) {
            String section = r.section().toUpperCase(Locale.ROOT);
            bySection.computeIfAbsent(section, k -> new ArrayList<>()).add(r.uid());
            capOf.merge(section, Math.max(1, r.maxBytes()), Math::max);
        }
        Map<String, byte[]> out = new HashMap<>();
        for (var entry : bySection.entrySet()) {
            long[] uids = entry.getValue().stream().mapToLong(Long::longValue).sorted().distinct().toArray();
            String items = "UID BODY.PEEK[" + entry.getKey() + "]<0." + capOf.get(entry.getKey()) + ">";
            for (String set : uidSets(uids, 0, uids.length)) {
                fetch(folder, set, items, null, response -> {
                    if (response.uid() < 0 || response.sections().isEmpty()) {
                        return false;
                    }
                    response.sections().forEach((section, bytes) -> out.put(response.uid() + "/" + section, bytes));
                    return true;
                }, problem -> log.debug("a part could not be read: {}", problem));
            }
        }
        return out;
    }

    /**
     * The Message-ID header of one message, alone (no structure: a server that finds the file
     * changed under its cached structure may drop the connection), empty when it is gone.
     */
    Optional<String> messageIdHeader(IMAPFolder folder, long uid) throws MessagingException {
        String[] found = {null};
        fetch(folder, Long.toString(uid), "UID BODY.PEEK[HEADER.FIELDS (Message-ID)]", null, response -> {
            if (response.uid() != uid || response.headers() == null) {
                return false;
            }
            String value = response.headers().first("Message-ID");
            found[0] = value == null ? "" : value;
            return true;
        }, problem -> { });
        return Optional.ofNullable(found[0]);
    }

    /** INTERNALDATE of messages whose Date header is missing or unreadable, by UID. */
    Map<Long, Date> receivedDates(IMAPFolder folder, long[] uids) throws MessagingException {
        Map<Long, Date> out = new HashMap<>();
        for (String set : uidSets(uids, 0, uids.length)) {
            fetch(folder, set, "UID INTERNALDATE", null, response -> {
                if (response.uid() < 0 || response.internalDate() == null) {
                    return false;
                }
                out.put(response.uid(), response.internalDate());
                return true;
            }, problem -> { });
        }
        return out;
    }

    /** What a FETCH response led to: true when it was one of ours (else it goes to the folder, e.g. a flag change). */
    @FunctionalInterface
    private interface FetchHandler {
        boolean take(ImapFetchParser.Fetched response);
    }

    /**
     * One {@code UID FETCH set (items)}, read response by response. Untagged responses that are
     * not ours (EXISTS, EXPUNGE, flag changes) go to the folder as Angus would pass them; a BYE or
     * a broken connection ends the command with the exception Angus would raise.
     */
    private static void fetch(IMAPFolder folder, String set, String items, Runnable afterWrite, FetchHandler handler,
                              Consumer<String> unreadable) throws MessagingException {
        RuntimeException[] failed = {null};
        try {
            folder.doCommand(p -> {
                synchronized (p) {
                    read(p, "UID FETCH " + set + " (" + items + ")", afterWrite, failed, handler, unreadable);
                }
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            if (failed[0] != null) {
                e.addSuppressed(failed[0]);
            }
            throw e;
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private static void read(IMAPProtocol p, String command, Runnable afterWrite, RuntimeException[] failed, FetchHandler handler,
                             Consumer<String> unreadable) throws ProtocolException {
        if (!(p instanceof ScanImapStore.RawProtocol raw)) {
            throw new ProtocolException("this connection was not opened by rebond's IMAP store (ScanImapStore)");
        }
        List<Response> others = new ArrayList<>();
        String tag;
        try {
            tag = p.writeCommand(command, null);
        } catch (IOException e) {
            Response bye = Response.byeResponse(e);
            p.notifyResponseHandlers(new Response[] {bye});
            p.handleResult(bye);
            return;
        }
        if (afterWrite != null) {
            try {
                afterWrite.run(); // while the server works on the command; what it throws waits for the responses
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }
        byte[] tagged = (tag + " ").getBytes(StandardCharsets.US_ASCII);
        Response result;
        while (true) {
            ByteArray bytes;
            try {
                bytes = raw.readRawResponse();
            } catch (IOException e) {
                result = Response.byeResponse(e);
                break;
            }
            byte[] b = bytes.getBytes();
            int length = bytes.getCount();
            if (ImapFetchParser.isFetch(b, length)) {
                try {
                    if (handler.take(ImapFetchParser.parse(b, length))) {
                        continue;
                    }
                } catch (ImapFetchParser.Unreadable bad) {
                    unreadable.accept(bad.getMessage());
                    continue; // the whole response was read; the next one is
                }
            }
            // Not one of ours: made into the response Angus would have made, for the folder's handlers.
            Response r = angusResponse(p, b, length);
            if (r == null) {
                continue;
            }
            if (r.isBYE()) {
                result = r;
                break;
            }
            if (startsWith(b, length, tagged)) {
                result = r;
                break;
            }
            others.add(r);
        }
        others.add(result);
        p.notifyResponseHandlers(others.toArray(Response[]::new));
        if (result.isNO()) {
            // The server refused part of the command: what it did send was taken. A message
            // another client expunged meanwhile is simply gone; one the server cannot read is
            // reported, so the scan can quarantine it instead of failing the whole batch for ever.
            if (!result.toString().toUpperCase(Locale.ROOT).contains("EXPUNGEISSUED")) {
                unreadable.accept("the server answered: " + result.getRest());
            }
            return;
        }
        p.handleResult(result);
    }

    /** The response Angus' reader would have made of these bytes; null when it cannot read them either. */
    private static Response angusResponse(IMAPProtocol p, byte[] b, int length) {
        int end = length >= 2 && b[length - 2] == '\r' && b[length - 1] == '\n' ? length - 2 : length;
        try {
            IMAPResponse r = new IMAPResponse(new String(b, 0, end, StandardCharsets.UTF_8), true);
            return r.keyEquals("FETCH") ? new FetchResponse(r, p.getFetchItems(), p) : r;
        } catch (IOException | ProtocolException | RuntimeException unreadable) {
            log.debug("a response could not be read and was skipped: {}", unreadable.toString());
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** UID sets in IMAP syntax ({@code 1:5,9,12:14}), each short enough for one command line. */
    static List<String> uidSets(long[] uids, int from, int to) {
        List<String> sets = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        int i = from;
        while (i < to) {
            int j = i;
            while (j + 1 < to && uids[j + 1] == uids[j] + 1) {
                j++;
            }
            if (set.length() > MAX_SET_CHARS) {
                sets.add(set.toString());
                set.setLength(0);
            }
            if (set.length() > 0) {
                set.append(',');
            }
            set.append(uids[i]);
            if (j > i) {
                set.append(':').append(uids[j]);
            }
            i = j + 1;
        }
        if (set.length() > 0) {
            sets.add(set.toString());
        }
        return sets;
    }
}
