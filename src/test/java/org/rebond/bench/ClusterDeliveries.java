package org.rebond.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rebond.bench.ClusterAccounts.Account;
import org.rebond.bench.ClusterAccounts.Interview;
import org.rebond.realserver.DovecotServer;

/**
 * The messages rebond put in the mailboxes of {@link ClusterIT}, read from Dovecot's maildirs; the
 * test answers each prompt with notes. A message counts while it is in the mailbox: a thank-you
 * draft that rebond replaced by its revision with the notes (DraftRevision) is gone, and counted
 * apart.
 */
final class ClusterDeliveries {

    enum Kind { BRIEF, PROMPT, THANK_YOU }

    /** A message rebond wrote, as first seen in a maildir. */
    record Seen(String account, Kind kind, int interview, Instant at, String file, String messageId, String subject, boolean withNotes) {}

    private final Session session = Session.getInstance(new Properties());
    private final DovecotServer dovecot;
    private final ClusterReport report;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    /** Maildir file (its name before the flags) → what it is; only rebond's. */
    private final Map<String, Seen> seen = new LinkedHashMap<>();
    private final Set<String> looked = new HashSet<>();
    /** Files of rebond's missing from a listing, by key: how many listings in a row. */
    private final Map<String, Integer> absent = new HashMap<>();
    /** Files of rebond's gone from the mailbox (missing from two listings in a row: a rename can hide a file from one). */
    private final Map<String, Seen> gone = new LinkedHashMap<>();
    private long changes;
    private final List<Seen> unexpected = new ArrayList<>();
    private final Set<String> answered = new HashSet<>();

    ClusterDeliveries(DovecotServer dovecot, List<Account> accounts, ClusterReport report) {
        this.dovecot = dovecot;
        this.report = report;
        accounts.forEach(a -> this.accounts.put(a.name, a));
    }

    void poll() {
        for (Account account : accounts.values()) {
            Path maildir = dovecot.maildir(account.name);
            scan(account, maildir, false);
            scan(account, maildir.resolve(".Drafts"), true);
        }
    }

    private void scan(Account account, Path folder, boolean drafts) {
        String prefix = account.name + "/" + (drafts ? "Drafts/" : "INBOX/");
        Set<String> listed = new HashSet<>();
        for (String sub : List.of("new", "cur")) {
            Path dir = folder.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.toList();
            } catch (IOException e) {
                return; // nothing said of what is gone without a whole listing
            }
            for (Path file : files) {
                String base = file.getFileName().toString();
                int colon = base.indexOf(':');
                String key = prefix + (colon < 0 ? base : base.substring(0, colon));
                listed.add(key);
                if (looked.contains(key)) {
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (NoSuchFileException renamed) {
                    continue; // moved to cur/ or its flags changed: seen at the next look
                } catch (IOException e) {
                    continue;
                }
                looked.add(key);
                try {
                    read(account, key, bytes, drafts);
                } catch (MessagingException | IOException e) {
                    throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        }
        for (String key : seen.keySet()) {
            if (key.startsWith(prefix) && !gone.containsKey(key)) {
                if (listed.contains(key)) {
                    absent.remove(key);
                } else if (absent.merge(key, 1, Integer::sum) >= 2) {
                    gone.put(key, seen.get(key));
                    changes++;
                }
            }
        }
    }

    private void read(Account account, String key, byte[] bytes, boolean drafts) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(bytes));
        String token = header(m, "X-Rebond-Token");
        String messageId = header(m, "Message-ID");
        boolean rebonds = drafts ? messageId != null && messageId.startsWith("<rebond.") : token != null;
        if (!rebonds && !drafts) {
            return; // the user's own mail, the invitations, the notes the test sent
        }
        String subject = m.getSubject();
        String raw = new String(bytes, StandardCharsets.UTF_8);
        Kind kind = null;
        int interview = -1;
        if (drafts) {
            String to = m.getRecipients(Message.RecipientType.TO) == null ? ""
                    : ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            kind = rebonds ? Kind.THANK_YOU : null;
            for (Interview iv : account.interviews) {
                if (iv.contactEmail().equalsIgnoreCase(to)) {
                    interview = iv.number();
                }
            }
        } else {
            kind = raw.contains("text/calendar") ? Kind.BRIEF : Kind.PROMPT;
            for (Interview iv : account.interviews) {
                if (subject != null && subject.contains(iv.contactName())) {
                    interview = iv.number();
                }
            }
        }
        Seen s = new Seen(account.name, kind, interview, Instant.now(), key, messageId, subject, raw.contains("FHIR"));
        if (kind == null || interview < 0) {
            unexpected.add(s);
            report.note("unexpected message of rebond's: " + s);
            return;
        }
        seen.put(key, s);
        changes++;
        if (kind == Kind.PROMPT && answered.add(account.name + "/" + interview)) {
            answer(account, m, messageId);
        }
    }

    /** The user answers the prompt with notes, as NotesFromMailAndCommandLineIT does: a reply to it in INBOX. */
    private void answer(Account account, MimeMessage prompt, String promptId) throws MessagingException, IOException {
        String id = "<notes-" + account.name + "-" + Long.toHexString(System.nanoTime()) + "@example.org>";
        MimeMessage reply = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        reply.setFrom(new InternetAddress(MailboxGenerator.USER_EMAIL, MailboxGenerator.USER_NAME, "UTF-8"));
        reply.setRecipients(Message.RecipientType.TO, MailboxGenerator.USER_EMAIL);
        reply.setSubject("Re: " + prompt.getSubject(), "UTF-8");
        reply.setSentDate(new Date());
        reply.setHeader("In-Reply-To", promptId);
        reply.setHeader("References", promptId);
        reply.setText(account.french
                ? "Points abordés :\n- La feuille de route FHIR décide des recrutements de l'an prochain\n"
                        + "Noms :\n- Lou Kim <lou.kim@medi.example> — je peux la contacter\n"
                : "Points discussed:\n- The FHIR roadmap decides next year's hires\n"
                        + "Names:\n- Lou Kim <lou.kim@medi.example> — may contact\n", "UTF-8");
        reply.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reply.writeTo(out);
        dovecot.deliver(account.name, "INBOX", out.toByteArray());
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null ? null : values[0];
    }

    long count(Kind kind) {
        return all().stream().filter(s -> s.kind() == kind).count();
    }

    /** How many times a message of rebond's came or went so far. */
    long changes() {
        return changes;
    }

    /** rebond's messages in the mailboxes now. */
    List<Seen> all() {
        return seen.entrySet().stream().filter(e -> !gone.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
    }

    /** rebond's messages that were in the mailboxes and are no longer. */
    List<Seen> gone() {
        return new ArrayList<>(gone.values());
    }

    List<Seen> unexpected() {
        return unexpected;
    }

    /** account/interview/action of each action not (yet) in the mailbox. */
    List<String> missing() {
        Map<String, Integer> counts = counts();
        List<String> out = new ArrayList<>();
        for (Account a : accounts.values()) {
            for (Interview iv : a.interviews) {
                for (Kind kind : Kind.values()) {
                    String key = a.name + "/" + iv.number() + "/" + kind;
                    if (counts.getOrDefault(key, 0) == 0) {
                        out.add(key);
                    }
                }
            }
        }
        return out;
    }

    /** account/interview/action → copies, for each action in the mailbox more than once. */
    Map<String, Integer> doubled() {
        Map<String, Integer> out = new TreeMap<>();
        counts().forEach((k, v) -> {
            if (v > 1) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> out = new HashMap<>();
        for (Seen s : all()) {
            out.merge(s.account() + "/" + s.interview() + "/" + s.kind(), 1, Integer::sum);
        }
        return out;
    }
}
