package org.rebond.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rebond.application.Quarantine;
import org.rebond.calendar.JsonLine;
import org.rebond.application.AccountLeases;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;

/**
 * {@code rebond status --json}: the same facts as the text, as one JSON document for scripts
 * (docs/status-json.md). Keys and enum values are in English whatever the user's language, times
 * are ISO-8601 with the offset of the user's zone, and reasons are as rebond recorded them.
 */
final class StatusJson {

    /** The version of the document's shape; raised when a key changes meaning or goes away. */
    static final int VERSION = 1;

    private final DateTimeFormatter iso;
    private final ZoneId zone;

    StatusJson(ZoneId zone) {
        this.zone = zone;
        this.iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT).withZone(zone);
    }

    String document(StatusFacts facts) {
        boolean running = facts.daemonRuns();
        JsonLine daemon = new JsonLine().put("running", running)
                .put("pid", running && facts.holder().get().pid() >= 0 ? facts.holder().get().pid() : null)
                .put("since", running ? time(facts.holder().get().since()) : null)
                .put("node", facts.lease().map(AccountLeases.Lease::node).orElse(null))
                .put("lease_until", facts.lease().map(l -> time(l.expiresAt())).orElse(null));
        return new JsonLine().put("version", VERSION).put("generated_at", time(facts.now())).put("time_zone", zone.getId())
                .put("daemon", daemon)
                .put("servers", facts.servers().stream().map(s -> server(s, running)).toList())
                .put("next_due", facts.next().map(n -> new JsonLine().put("interview", n.interview().id())
                        .put("kind", kind(n.action().action())).put("number", number(n.action().action()))
                        .put("due", time(n.action().at()))).orElse(null))
                .put("interviews", facts.interviews().stream().map(this::interview).toList())
                .put("quarantined", facts.quarantined().stream().map(this::quarantined).toList())
                .put("seen", facts.seen().stream().map(this::seen).toList())
                .text();
    }

    private JsonLine server(ServerLines.Server s, boolean running) {
        return new JsonLine().put("kind", s.kind()).put("name", s.name()).put("last_contact", time(s.lastContact()))
                .put("connected_since", time(s.connectedSince()))
                .put("problem", s.troubled() ? s.problem() : null).put("problem_since", time(s.problemSince()))
                .put("failures", s.failures()).put("login_refused", s.loginRefused())
                .put("next_attempt", running ? time(s.nextAttempt()) : null);
    }

    private JsonLine interview(StatusFacts.InterviewFacts f) {
        Interview i = f.interview();
        return new JsonLine().put("id", i.id()).put("start", time(i.start())).put("end", time(i.end())).put("summary", i.summary())
                .put("contact", person(i.contact())).put("referrer", i.referrer() == null ? null : person(i.referrer()))
                .put("state", i.state().name().toLowerCase(Locale.ROOT)).put("reason", i.reason())
                .put("actions", f.actions().stream().map(this::action).toList());
    }

    private JsonLine action(StatusFacts.ActionFacts a) {
        boolean settled = a.state() == StatusFacts.ActionState.DONE || a.state() == StatusFacts.ActionState.SKIPPED
                || a.state() == StatusFacts.ActionState.PENDING;
        return new JsonLine().put("kind", kind(a.action())).put("number", number(a.action()))
                .put("state", a.state().name().toLowerCase(Locale.ROOT))
                .put("due", settled ? null : time(a.at())).put("at", settled ? time(a.at()) : null)
                .put("reason", a.reason().isEmpty() ? null : a.reason()).put("attempts", a.attempts());
    }

    private JsonLine quarantined(Quarantine.Item q) {
        return new JsonLine().put("source", q.source()).put("item", q.item()).put("reason", q.reason()).put("at", time(q.at()));
    }

    private JsonLine seen(SeenEvent e) {
        return new JsonLine().put("id", e.label()).put("start", time(e.start())).put("summary", e.summary()).put("reason", e.reason())
                .put("contact", person(e.contact()));
    }

    private static JsonLine person(Interview.Person p) {
        return new JsonLine().put("name", p.name()).put("email", p.email());
    }

    private static String kind(Action action) {
        return action.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The number of a keep-posted, a brief update or a thank-you revision; null for the others. */
    private static Integer number(Action action) {
        return switch (action.kind()) {
            case KEEP_POSTED, BRIEF_UPDATE, THANK_YOU_REVISION -> action.number();
            default -> null;
        };
    }

    private String time(Instant at) {
        return at == null ? null : iso.format(at);
    }
}
