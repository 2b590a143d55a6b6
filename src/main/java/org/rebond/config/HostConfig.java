package org.rebond.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A configuration that names several accounts ({@code accounts:}), each with its own file
 * (profile, mailbox, calendars, secrets), and one {@code storage:} they share: on SQLite each
 * account has a database file of its own, on PostgreSQL a schema of its own (see
 * {@link RebondConfig.Storage#forAccount}).
 *
 * @param storage  the shared storage, as the file gives it
 * @param accounts in the file's order, each loaded with its own storage
 * @param source   the file
 */
public record HostConfig(RebondConfig.Storage storage, List<Account> accounts, Path source) {

    /** One account: its name in the host file and its configuration, storage included. */
    public record Account(String name, RebondConfig config) {}

    public HostConfig {
        accounts = List.copyOf(accounts);
    }

    public Optional<Account> account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return accounts.stream().map(Account::name).toList();
    }
}
