package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rebond.App;
import org.rebond.Offline;
import org.rebond.config.HostConfig;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Interview;
import org.rebond.domain.Planner;
import org.rebond.domain.Progress;
import org.rebond.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The progress of each account in figures only, one line each, for a coach who follows several
 * job seekers: interviews held and to come, held per week, names obtained per interview, names
 * that led to an interview, updates due. No contact's name, no subject, nothing from the mail.
 */
@Command(name = "progress", mixinStandardHelpOptions = true)
public final class ProgressCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public ProgressCommand(Clock clock) {
        this.clock = clock;
    }

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    /** One account's figures. */
    private record Row(String account, Progress progress) {}

    @Override
    public Integer call() {
        List<Row> rows = new ArrayList<>();
        if (config.namesAccounts()) {
            for (HostConfig.Account a : config.chosen(config.loadHost())) {
                rows.add(new Row(a.name(), progressOf(a.config())));
            }
        } else {
            RebondConfig loaded = config.load();
            rows.add(new Row(loaded.profile().primaryAddress(), progressOf(loaded)));
        }
        print(spec.commandLine().getOut(), rows, config.language().current());
        return ExitCodes.OK;
    }

    private Progress progressOf(RebondConfig loaded) {
        try (Offline state = Offline.open(loaded, clock)) {
            Instant now = clock.instant();
            List<Interview> interviews = state.store().all();
            return ProgressReport.gather(state.store(), state.outbox(), state.circles(), new Planner(App.policyOf(loaded)), interviews, now);
        }
    }

    private static void print(PrintWriter out, List<Row> rows, Locale language) {
        Messages m = Messages.of("status", language);
        out.println(m.get("figures.heading", Progress.WEEKS));
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {m.get("figures.account"), m.get("figures.held"), m.get("figures.toCome"), m.get("figures.perWeek"),
                m.get("figures.names"), m.get("figures.led"), m.get("figures.news")});
        for (Row r : rows) {
            Progress p = r.progress();
            table.add(new String[] {r.account(), String.valueOf(p.held()), String.valueOf(p.toCome()),
                    p.perWeek().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    p.withNotes() == 0 ? "–" : String.format(language, "%.1f", p.namesAverage()),
                    p.namesObtained() == 0 ? "–" : m.get("figures.ledOf", p.namesMet(), p.namesObtained()),
                    String.valueOf(p.dueNews().size())});
        }
        int[] width = new int[table.get(0).length];
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 || i == 3 ? pad(row[i], width[i], false) : pad(row[i], width[i], true);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String cell, int width, boolean right) {
        String space = " ".repeat(width - cell.length());
        return right ? space + cell : cell + space;
    }
}
