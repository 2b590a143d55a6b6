package org.rebond.cli;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import org.rebond.App;
import org.rebond.Host;
import org.rebond.config.HostConfig;
import org.rebond.config.RebondConfig;
import org.rebond.config.SecretReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The daemon: follows the mailbox (or each account of a configuration that names several) and fires actions until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public RunCommand(Clock clock) {
        this.clock = clock;
    }

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        AutoCloseable daemon;
        if (config.namesAccounts()) {
            HostConfig host = config.loadHost();
            List<HostConfig.Account> chosen = config.chosen(host);
            chosen.forEach(a -> checkPasswordSource(a.config().mailbox()));
            daemon = Host.start(new HostConfig(host.storage(), chosen, host.source()), App.Options.production(clock));
        } else {
            RebondConfig loaded = config.load();
            checkPasswordSource(loaded.mailbox());
            daemon = App.start(loaded, App.Options.production(clock));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                stopped.countDown();
            }
        }, "rebond-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * Reads the password once before starting, so that a missing, exposed (B69) or failing password source
     * stops rebond with exit 78 and its message, instead of a daemon that retries the login for ever.
     */
    private static void checkPasswordSource(RebondConfig.Mailbox mailbox) {
        if (mailbox.password() == null) {
            return;
        }
        char[] secret = new SecretReader().read(mailbox.password());
        Arrays.fill(secret, '\0');
    }
}
