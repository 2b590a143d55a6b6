package org.rebond.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rebond.config.HostConfig;
import org.rebond.config.RebondConfig;
import org.rebond.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The systemd drop-in that lets the hardened unit reach the servers of the configuration: the unit
 * denies every address but loopback ({@code IPAddressDeny=any}), and this adds the addresses of the
 * IMAP server, the CalDAV servers, the ICS feeds and the DNS resolvers ({@code IPAddressAllow=}).
 */
@Command(name = "allowlist", mixinStandardHelpOptions = true)
public final class AllowlistCommand implements Callable<Integer> {

    /** Where the drop-in goes for the system unit. */
    static final String DROP_IN = "/etc/systemd/system/rebond.service.d/addresses.conf";

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public AllowlistCommand(Clock clock) {
        this.clock = clock;
    }

    @Option(names = "--write", paramLabel = "FILE", arity = "0..1", fallbackValue = DROP_IN, descriptionKey = "write")
    Path write;

    @Option(names = "--resolv-conf", paramLabel = "FILE", defaultValue = "/etc/resolv.conf", descriptionKey = "resolv-conf")
    Path resolvConf;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<RebondConfig> configs = new ArrayList<>();
        RebondConfig.Storage storage;
        if (config.namesAccounts()) {
            HostConfig host = config.loadHost();
            config.chosen(host).forEach(a -> configs.add(a.config()));
            storage = host.storage();
        } else {
            configs.add(config.load());
            storage = configs.get(0).storage();
        }
        PrintWriter out = spec.commandLine().getOut();
        Messages say = config.say("commands");
        Map<String, String> hosts = new LinkedHashMap<>();
        for (RebondConfig loaded : configs) {
            hosts.putIfAbsent(loaded.mailbox().host(), say.get("allowlist.why.imap"));
            for (RebondConfig.Calendar calendar : loaded.calendars()) {
                URI url = calendar.url();
                if (url != null && url.getHost() != null) {
                    hosts.putIfAbsent(url.getHost().replaceAll("^\\[|]$", ""),
                            say.get("allowlist.why.calendar", calendar.type().name().toLowerCase(java.util.Locale.ROOT)));
                }
            }
        }
        if (storage.postgresql()) {
            String host = URI.create(storage.url().substring("jdbc:".length())).getHost();
            if (host != null) {
                hosts.putIfAbsent(host.replaceAll("^\\[|]$", ""), say.get("allowlist.why.database"));
            }
        }
        List<AddressAllowance.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> host : hosts.entrySet()) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host.getKey())) {
                    entries.add(new AddressAllowance.Entry(address, host.getKey() + ", " + host.getValue()));
                }
            } catch (UnknownHostException e) {
                throw new ExitCodes.CommandFailure(ExitCodes.UNAVAILABLE, say.get("allowlist.lookup.failed", host.getKey(), host.getValue(),
                        e.getMessage(), config.file()));
            }
        }
        for (InetAddress resolver : AddressAllowance.resolvers(read(resolvConf))) {
            entries.add(new AddressAllowance.Entry(resolver, say.get("allowlist.why.resolver", resolvConf)));
        }
        String dropIn = AddressAllowance.dropIn(entries, config.file(), LocalDate.ofInstant(clock.instant(), clock.getZone()), say);
        if (write == null) {
            out.print(dropIn);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            Files.createDirectories(write.toAbsolutePath().getParent());
            Files.writeString(write, dropIn, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(write, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new ExitCodes.CommandFailure(ExitCodes.IO, say.get("allowlist.unwritable", write, e.getMessage(), DROP_IN));
        }
        out.println(say.count("allowlist.written", AddressAllowance.allowed(entries).size(), write));
        out.println(say.get("allowlist.next"));
        return ExitCodes.OK;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
