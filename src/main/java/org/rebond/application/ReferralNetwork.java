package org.rebond.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;

/**
 * The referral network as the user sees it (METHOD M5, M6): every contact met or named in a
 * debrief, under the person who introduced or suggested them, with the circle they came from
 * (their own, or inherited along the chain of referrers), where the interview stands, and
 * whether they are waiting for news (M7).
 *
 * <p>A contact is known by their address, or by their full name when a debrief gave no address
 * (then an interview contact with that full name is the same person). A contact's referrer is the
 * interview's referrer when it has one, else whoever first gave their name in a debrief. Contacts
 * nobody referred, and those introduced by someone who is not in the network (an introduction mail
 * from a friend), are the roots.
 */
public final class ReferralNetwork {

    private final InterviewStore store;
    private final ContactCircles circles;
    private final Outbox outbox;

    public ReferralNetwork(InterviewStore store, ContactCircles circles, Outbox outbox) {
        this.store = store;
        this.circles = circles;
        this.outbox = outbox;
    }

    /** Whether the referrer introduced the contact, or only suggested them. */
    public enum LinkKind { INTRODUCED, SUGGESTED }

    /**
     * How a contact was reached: {@code by} introduced or suggested them; {@code permissions} is the
     * name as given in a debrief (with what was agreed), or null when the link came from an
     * invitation or an introduction mail; {@code outside} when {@code by} is not in the network.
     */
    public record Link(LinkKind kind, Interview.Person by, DebriefNotes.NameGiven permissions, boolean outside) {}

    /** Where the interview with a contact stands. */
    public enum MeetingState { HELD, SCHEDULED, NOT_MET }

    /** The interview that tells where a contact stands (the latest held, else the next scheduled), or none. */
    public record Meeting(MeetingState state, Instant at, long interviewId) {}

    /**
     * One contact. {@code key} is the lower-case address (or full name) the circles are kept by;
     * {@code circleFrom} is the referrer the circle is inherited from, or null when it is the
     * contact's own (or there is none); {@code waitingSince} is set when a held interview has had no
     * keeping-you-posted draft delivered since then (or since someone they referred was met).
     */
    public record Node(String key, Interview.Person person, String circle, Interview.Person circleFrom, Meeting meeting, Link link,
                       Optional<Instant> waitingSince, List<Node> children) {

        /** This node and every node under it, depth first. */
        public List<Node> all() {
            List<Node> out = new ArrayList<>();
            out.add(this);
            children.forEach(c -> out.addAll(c.all()));
            return out;
        }
    }

    /** The network: its roots, oldest first. */
    public record Network(List<Node> roots) {
        public List<Node> all() {
            return roots.stream().flatMap(r -> r.all().stream()).toList();
        }

        public Optional<Node> find(String key) {
            String k = key.strip().toLowerCase(Locale.ROOT);
            return all().stream().filter(n -> n.key().equals(k)).findFirst();
        }
    }

    private static final class Draft {
        final String key;
        Interview.Person person;
        Meeting meeting = new Meeting(MeetingState.NOT_MET, null, 0);
        String parent;
        Link link;
        final List<String> children = new ArrayList<>();

        Draft(String key, Interview.Person person) {
            this.key = key;
            this.person = person;
        }
    }

    /** The network as the store knows it at {@code now}. */
    public Network read(Instant now) {
        List<Interview> interviews = store.all().stream().filter(Interview::active).toList();
        Map<String, Draft> nodes = new LinkedHashMap<>();
        Map<String, String> byName = new LinkedHashMap<>();
        for (Interview i : interviews) {
            Draft d = nodes.computeIfAbsent(key(i.contact()), k -> new Draft(k, i.contact()));
            if (!i.contact().name().isBlank()) {
                byName.putIfAbsent(i.contact().name().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), d.key);
                d.person = i.contact();
            }
            d.meeting = later(d.meeting, i, now);
        }
        List<InterviewStore.NameSuggested> names = store.namesGiven();
        for (InterviewStore.NameSuggested s : names) {
            String k = keyOfName(s.name(), byName);
            nodes.computeIfAbsent(k, x -> new Draft(x, new Interview.Person(s.name().email().toLowerCase(Locale.ROOT), s.name().name())));
        }
        for (Interview i : interviews) {
            Draft child = nodes.get(key(i.contact()));
            if (i.referrer() == null || child.parent != null || child.link != null) {
                continue;
            }
            String by = resolve(key(i.referrer()), i.referrer().name(), byName);
            Optional<InterviewStore.NameSuggested> given = names.stream()
                    .filter(s -> keyOfName(s.name(), byName).equals(child.key) && key(s.by()).equals(by)).reduce((a, b) -> b);
            LinkKind kind = given.map(s -> s.name().introduces() ? LinkKind.INTRODUCED : LinkKind.SUGGESTED).orElse(LinkKind.INTRODUCED);
            attach(nodes, child, by, new Link(kind, i.referrer(), given.map(InterviewStore.NameSuggested::name).orElse(null),
                    !nodes.containsKey(by)));
        }
        for (InterviewStore.NameSuggested s : names) {
            Draft child = nodes.get(keyOfName(s.name(), byName));
            if (child.parent != null || child.link != null) {
                continue;
            }
            String by = key(s.by());
            attach(nodes, child, by, new Link(s.name().introduces() ? LinkKind.INTRODUCED : LinkKind.SUGGESTED, s.by(), s.name(),
                    !nodes.containsKey(by)));
        }
        Map<String, String> own = circles.all();
        Comparator<Draft> order = Comparator.comparing((Draft d) -> d.meeting.at() == null ? Instant.MAX : d.meeting.at())
                .thenComparing(d -> d.person.displayName().toLowerCase(Locale.ROOT));
        List<Node> roots = nodes.values().stream().filter(d -> d.parent == null).sorted(order)
                .map(d -> build(d, nodes, own, null, null, order, now)).toList();
        return new Network(roots);
    }

    private Node build(Draft d, Map<String, Draft> nodes, Map<String, String> own, String inherited, Interview.Person inheritedFrom,
                       Comparator<Draft> order, Instant now) {
        String circle = own.get(d.key);
        Interview.Person from = null;
        if (circle == null && inherited != null) {
            circle = inherited;
            from = inheritedFrom;
        }
        String passed = circle;
        Interview.Person passedFrom = from == null ? d.person : from;
        List<Node> children = d.children.stream().map(nodes::get).sorted(order)
                .map(c -> build(c, nodes, own, passed, passedFrom, order, now)).toList();
        return new Node(d.key, d.person, circle, from, d.meeting, d.link, waiting(d, children, now), children);
    }

    /** Since when a contact met has had no news: their interview, or a later one with someone they referred, with no keep-posted draft delivered after it. */
    private Optional<Instant> waiting(Draft d, List<Node> children, Instant now) {
        if (d.meeting.state() != MeetingState.HELD) {
            return Optional.empty();
        }
        Instant since = d.meeting.at();
        for (Node c : children) {
            if (c.meeting().state() == MeetingState.HELD && c.meeting().at().isAfter(since)) {
                since = c.meeting().at();
            }
        }
        Instant from = since;
        boolean news = outbox.forInterview(d.meeting.interviewId()).stream()
                .anyMatch(e -> e.action().kind() == Action.Kind.KEEP_POSTED && e.state() == Outbox.State.DONE && e.updatedAt().isAfter(from));
        return news ? Optional.empty() : Optional.of(since);
    }

    /** Links a child under {@code by}, unless that would close a loop (then the child stays a root, its link kept as outside). */
    private static void attach(Map<String, Draft> nodes, Draft child, String by, Link link) {
        Set<String> seen = new HashSet<>();
        for (String up = by; up != null && nodes.containsKey(up) && seen.add(up); up = nodes.get(up).parent) {
            if (up.equals(child.key)) {
                child.link = new Link(link.kind(), link.by(), link.permissions(), true);
                return;
            }
        }
        child.link = link;
        if (nodes.containsKey(by)) {
            child.parent = by;
            nodes.get(by).children.add(child.key);
        }
    }

    private static Meeting later(Meeting known, Interview i, Instant now) {
        boolean held = !i.start().isAfter(now);
        Meeting m = new Meeting(held ? MeetingState.HELD : MeetingState.SCHEDULED, i.start(), i.id());
        return switch (known.state()) {
            case NOT_MET -> m;
            case HELD -> held && i.start().isAfter(known.at()) ? m : known;
            case SCHEDULED -> held || i.start().isBefore(known.at()) ? m : known;
        };
    }

    /** The key of a person: the address in lower case, else the full name. */
    public static String key(Interview.Person p) {
        return p.email() != null && !p.email().isBlank() ? p.email().strip().toLowerCase(Locale.ROOT)
                : p.name().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String keyOfName(DebriefNotes.NameGiven n, Map<String, String> byName) {
        return resolve(n.email().strip().toLowerCase(Locale.ROOT), n.name(), byName);
    }

    private static String resolve(String email, String name, Map<String, String> byName) {
        if (!email.isBlank()) {
            return email;
        }
        String full = name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return byName.getOrDefault(full, full);
    }
}
