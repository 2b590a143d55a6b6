package org.rebond.bench;

import static org.rebond.bench.ClusterIT.ENDS_SPREAD;
import static org.rebond.bench.ClusterIT.FIRST_END;
import static org.rebond.bench.ClusterIT.FIRST_START;
import static org.rebond.bench.ClusterIT.KILL_AT;
import static org.rebond.bench.ClusterIT.STARTS_SPREAD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.rebond.realserver.DovecotServer;
import org.rebond.realserver.PostgresCluster;

/**
 * The accounts of {@link ClusterIT}: the users it adds to Dovecot, their mailboxes (ordinary
 * messages of {@link MailboxGenerator}, then the invitations to the interviews on the test's
 * timeline) and the configuration the nodes read (the host file and one file per account).
 */
final class ClusterAccounts {

    record Interview(int number, String contactName, String contactEmail, Instant start, Instant end) {}

    static final class Account {
        final String name;
        final String password;
        final boolean french;
        final List<Interview> interviews = new ArrayList<>();

        Account(String name, String password, boolean french) {
            this.name = name;
            this.password = password;
            this.french = french;
        }
    }

    private ClusterAccounts() {
    }

    /** {@code count} accounts ({@code user01}…), each a Dovecot user with {@code messages} ordinary messages in INBOX and Sent. */
    static List<Account> create(DovecotServer dovecot, int count, int messages) throws IOException {
        List<Account> accounts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Account account = new Account(String.format(Locale.ROOT, "user%02d", i), "pw-" + i + "-" + Long.toHexString(System.nanoTime()),
                    i % 2 == 0);
            accounts.add(account);
            dovecot.addUser(account.name, account.password);
            Path maildir = dovecot.maildir(account.name);
            new MailboxGenerator(7_000L + i).withPartsUpTo(60_000)
                    .write(maildir, maildir.resolve(".Sent"), messages, Instant.now().minus(60, ChronoUnit.DAYS));
        }
        return accounts;
    }

    /**
     * One invitation in each mailbox, two in every third: starts spread over
     * {@link ClusterIT#STARTS_SPREAD} from {@link ClusterIT#FIRST_START}, ends over
     * {@link ClusterIT#ENDS_SPREAD} from {@link ClusterIT#FIRST_END}, so the prompts come due one
     * after another around the kill, and every third at {@link ClusterIT#KILL_AT}. Written as an
     * MDA delivers (tmp, new).
     */
    static int writeInvitations(DovecotServer dovecot, List<Account> accounts, Instant t0) throws IOException {
        int total = accounts.stream().mapToInt(a -> 1 + (accountNumber(a) % 3 == 0 ? 1 : 0)).sum();
        int j = 0;
        for (Account account : accounts) {
            int i = accountNumber(account);
            MailboxGenerator generator = new MailboxGenerator(9_000L + i);
            int count = i % 3 == 0 ? 2 : 1;
            Set<String> names = new HashSet<>();
            for (int k = 0, c = 0; k < count; c++) {
                MailboxGenerator.Person contact = generator.contact(400 + 7 * i + 3 * c);
                if (names.stream().anyMatch(n -> n.contains(contact.name()) || contact.name().contains(n))) {
                    continue; // the contact's name tells the messages of the two interviews apart
                }
                names.add(contact.name());
                Instant start = t0.plus(FIRST_START).plusMillis(STARTS_SPREAD.toMillis() * j / total).truncatedTo(ChronoUnit.SECONDS);
                Instant end = j % 3 == 0 ? t0.plus(KILL_AT)
                        : t0.plus(FIRST_END).plusMillis(ENDS_SPREAD.toMillis() * j / total).truncatedTo(ChronoUnit.SECONDS);
                Interview interview = new Interview(k, contact.name(), contact.email(), start, end);
                account.interviews.add(interview);
                Instant sent = t0.minus(Duration.ofMinutes(20 + k));
                String message = generator.invitation(contact, sent, start, end, true, (i + k) % 3, "cluster-" + account.name + "-" + k);
                generator.deliver(dovecot.maildir(account.name), message.getBytes(StandardCharsets.UTF_8), sent);
                k++;
                j++;
            }
        }
        return total;
    }

    private static int accountNumber(Account a) {
        return Integer.parseInt(a.name.substring(4));
    }

    /** The host configuration (the shared storage and the list of accounts) and one file per account, as a coaching firm writes them. */
    static Path writeConfigs(Path dir, DovecotServer dovecot, String url, List<Account> accounts) throws IOException {
        Path accountsDir = Files.createDirectories(dir.resolve("accounts"));
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        StringBuilder host = new StringBuilder("""
                storage:
                  kind: postgresql
                  url: %s
                  username: %s
                  password_file: pg.secret
                  pool_size: 3
                accounts:
                """.formatted(url, PostgresCluster.USER));
        for (Account account : accounts) {
            Path secret = secrets.resolve(account.name);
            Files.writeString(secret, account.password + "\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            String yaml = """
                    profile:
                      name: %s
                      addresses: [%s]
                      language: %s
                      time_zone: Europe/Paris
                      objective: "%s"
                    """.formatted(MailboxGenerator.USER_NAME, MailboxGenerator.USER_EMAIL, account.french ? "fr" : "en",
                    account.french ? "rejoindre une équipe produit en santé numérique" : "join a product team in digital health")
                    + BenchDaemon.mailboxYaml(dovecot, account.name, "../secrets/" + account.name) + """
                    schedule:
                      brief_before: 24h
                      debrief_after_end: 0m
                      thank_you_after_end: 1m
                      human_hours: false
                      keep_posted_after_end: []
                    """;
            Path file = accountsDir.resolve(account.name + ".yaml");
            Files.writeString(file, yaml);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            host.append("  - name: ").append(account.name).append("\n    config: accounts/").append(account.name).append(".yaml\n");
        }
        Path file = dir.resolve("host.yaml");
        Files.writeString(file, host.toString());
        return file;
    }

    static Set<String> names(List<Account> accounts) {
        return accounts.stream().map(a -> a.name).collect(Collectors.toSet());
    }
}
