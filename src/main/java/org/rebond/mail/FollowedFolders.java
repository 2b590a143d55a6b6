package org.rebond.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.rebond.config.RebondConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders followed besides INBOX (Sent, an archive), and one read of all the followed folders
 * after their cursors: INBOX on the calling (mailbox) thread, and meanwhile the others on
 * {@code rebond-mailbox-folders}, each opened on a connection of its own from Angus' pool only
 * while it is read: a folder left open holds a connection that sees no traffic between syncs, and
 * servers and NAT boxes close such quiet connections.
 */
final class FollowedFolders implements AutoCloseable {

    /** The watcher's log (the journal names it as before the watcher was split). */
    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

    private final FolderOpener opener;
    private final FolderScan scan;
    private final BooleanSupplier running;
    /**
     * Reads the folders other than INBOX (Sent, an archive) on a connection of their own while the
     * mailbox thread reads INBOX: the server works on both at once (on a first read, while rebond
     * waits for INBOX's next responses, the other core would otherwise sit idle). Their batches go
     * to the same intake thread, each folder through its own {@link IntakeLane.Feed}.
     */
    private final ExecutorService otherFolders = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebond-mailbox-folders");
        t.setDaemon(true);
        return t;
    });

    FollowedFolders(FolderOpener opener, FolderScan scan, BooleanSupplier running) {
        this.opener = opener;
        this.scan = scan;
        this.running = running;
    }

    /**
     * The folders followed besides INBOX, by name: Sent, and an archive unless it is {@code none},
     * as configured or found ({@link FolderFinder}); neither twice, nor INBOX again.
     */
    static List<String> others(Store store, RebondConfig.Mailbox config, String inbox) throws MessagingException {
        List<String> others = new ArrayList<>();
        var sent = FolderFinder.find(store, FolderFinder.Role.SENT, config.sent());
        String archiveName = config.archive();
        var archive = "none".equalsIgnoreCase(archiveName) ? Optional.<FolderFinder.Found>empty()
                : FolderFinder.find(store, FolderFinder.Role.ARCHIVE, archiveName);
        for (var found : List.of(sent, archive)) {
            if (found.isPresent() && !found.get().name().equalsIgnoreCase(inbox)
                    && others.stream().noneMatch(name -> name.equalsIgnoreCase(found.get().name()))) {
                others.add(found.get().name());
            }
        }
        return others;
    }

    /**
     * Reads INBOX on this thread and, meanwhile, the other folders on {@link #otherFolders}. When
     * either fails, the other is still waited for (it stops at its next batch if the connection
     * went away, or reads on to its end, its cursor moving), so no read outlives this pass.
     */
    void readAll(Store store, IMAPFolder inbox, List<String> others) throws MessagingException {
        Future<Void> othersRead = others.isEmpty() ? null : otherFolders.submit(() -> {
            for (String name : others) {
                if (running.getAsBoolean()) {
                    syncClosed(store, name);
                }
            }
            return null;
        });
        try {
            scan.readAfterCursor(inbox);
        } catch (MessagingException | RuntimeException e) {
            if (othersRead != null) {
                try {
                    waitFor(othersRead);
                } catch (MessagingException | RuntimeException other) {
                    e.addSuppressed(other);
                }
            }
            throw e;
        }
        if (othersRead != null) {
            waitFor(othersRead);
        }
    }

    private static void waitFor(Future<Void> read) throws MessagingException {
        try {
            read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while the other folders were read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MessagingException m) {
                throw m;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Opens a folder, reads it after its cursor and closes it. */
    private void syncClosed(Store store, String name) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(name);
        try {
            opener.open(folder);
        } catch (MessagingException staleConnection) {
            // The pooled connection handed out may have been closed by the server while it sat
            // unused; the failed one is discarded, so a second open gets a fresh connection.
            log.debug("reopening {} on a fresh connection: {}", name, staleConnection.getMessage());
            folder = (IMAPFolder) store.getFolder(name);
            opener.open(folder);
        }
        try {
            scan.sync(folder);
        } finally {
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
    }

    /** Stops the other folders' thread (interrupting a read under way). */
    @Override
    public void close() {
        otherFolders.shutdownNow();
    }
}
