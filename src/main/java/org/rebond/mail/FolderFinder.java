package org.rebond.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Finds the Drafts and Sent folders: the configured name first, then SPECIAL-USE, then
 * well-known names in several languages (DESIGN, BAD-INPUTS B41, B42). Deterministic: the first
 * match in that order wins.
 */
public final class FolderFinder {

    public enum Role {
        DRAFTS("\\Drafts", List.of("Drafts", "Brouillons", "Draft", "Entwürfe", "Borradores", "Bozze", "Rascunhos", "Concepten",
                "[Gmail]/Drafts", "[Gmail]/Brouillons", "INBOX.Drafts", "INBOX/Drafts", "INBOX.Brouillons")),
        SENT("\\Sent", List.of("Sent", "Sent Items", "Sent Messages", "Envoyés", "Éléments envoyés", "Messages envoyés", "Gesendet",
                "Enviados", "Inviata", "Posta inviata", "[Gmail]/Sent Mail", "[Gmail]/Messages envoyés", "INBOX.Sent", "INBOX/Sent")),
        /** A folder holding all mail (Gmail's All Mail): by SPECIAL-USE only, never guessed from a name. */
        ARCHIVE("\\All", List.of());

        private final String specialUse;
        private final List<String> names;

        Role(String specialUse, List<String> names) {
            this.specialUse = specialUse;
            this.names = names;
        }
    }

    /** A folder found, and how (for doctor and the logs). */
    public record Found(String name, String how) {}

    private FolderFinder() {}

    public static Optional<Found> find(Store store, Role role, String configured) throws MessagingException {
        if (configured != null && !configured.isBlank()) {
            Folder f = store.getFolder(configured);
            return f.exists() ? Optional.of(new Found(f.getFullName(), "configured")) : Optional.empty();
        }
        List<Folder> all = new ArrayList<>(List.of(store.getDefaultFolder().list("*")));
        for (Folder f : all) {
            if (f instanceof IMAPFolder imap) {
                for (String attribute : imap.getAttributes()) {
                    if (attribute.equalsIgnoreCase(role.specialUse)) {
                        return Optional.of(new Found(f.getFullName(), "SPECIAL-USE " + role.specialUse));
                    }
                }
            }
        }
        for (String name : role.names) {
            for (Folder f : all) {
                if (f.getFullName().equalsIgnoreCase(name) || f.getFullName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return Optional.of(new Found(f.getFullName(), "well-known name"));
                }
            }
        }
        return Optional.empty();
    }
}
