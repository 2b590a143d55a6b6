package org.rebond.compose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.rebond.application.InterviewStore;
import org.rebond.application.KeepPostedNews;
import org.rebond.application.NewsKeeper;
import org.rebond.application.MessageComposer;
import org.rebond.application.MessageHistory;
import org.rebond.application.OutgoingMessage;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewSequence;
import org.rebond.domain.JobAsk;
import org.rebond.domain.NotesParser;
import org.rebond.domain.ObjectiveSentence;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.domain.PrepEvent;
import org.rebond.domain.Questions;
import org.rebond.domain.RelativeDay;
import org.rebond.vocabulary.Background;
import org.rebond.vocabulary.Term;
import org.rebond.vocabulary.Vocabulary;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * Builds the data model of each message from the store (plain values only: DESIGN I4) and renders
 * it with the user's language. Drafts go from the user to the contact, threaded to the last message
 * with them; the brief and the debrief prompt go to the user.
 */
public final class TemplateComposer implements MessageComposer {

    /** Longer than this and the brief remarks on the twenty-minute promise (M4). */
    private static final Duration LONG_MEETING = Duration.ofMinutes(40);

    private final Templates templates;
    private final RebondConfig.Profile profile;
    private final Policy policy;
    private final InterviewStore store;
    private final MessageHistory history;
    private final NotesParser notesParser;
    private final VocabularyFinder vocabulary;
    private final Clock clock;
    private final BriefFacts facts;
    private final ThankYouFacts thanks;
    private final NewsFacts news;
    /** The mailbox's word counts, reused while the history grew little: counting 2,000 samples costs about half a second. */
    private final AtomicReference<CountedWords> mailboxWords = new AtomicReference<>();

    private record CountedWords(long newestRow, Instant at, Background words) {}

    public TemplateComposer(Templates templates, RebondConfig.Profile profile, Policy policy, InterviewStore store,
                            MessageHistory history, NotesParser notesParser, VocabularyFinder vocabulary, String draftsFolder,
                            Clock clock) {
        this(templates, profile, policy, store, history, notesParser, vocabulary, draftsFolder, clock, NewsKeeper.NONE);
    }

    /** {@code newsKeeper}: the user's milestones and what each keeping-you-posted draft told (M7). */
    public TemplateComposer(Templates templates, RebondConfig.Profile profile, Policy policy, InterviewStore store,
                            MessageHistory history, NotesParser notesParser, VocabularyFinder vocabulary, String draftsFolder,
                            Clock clock, NewsKeeper newsKeeper) {
        this.templates = templates;
        this.profile = profile;
        this.policy = policy;
        this.store = store;
        this.history = history;
        this.notesParser = notesParser;
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.facts = new BriefFacts(profile, store, draftsFolder);
        this.thanks = new ThankYouFacts(profile);
        this.news = new NewsFacts(profile, new KeepPostedNews(store, newsKeeper, new Planner(policy), profile.timeZone()));
    }

    /**
     * The words of the latest 2,000 messages kept, counted again once 200 more were kept or after
     * an hour: a tenth of the background changes the scores of a contact's words very little.
     */
    private Background mailboxWords() {
        long newest = history.newestRow();
        Instant now = clock.instant();
        CountedWords counted = mailboxWords.get();
        if (counted != null && newest - counted.newestRow() < 200 && newest >= counted.newestRow()
                && Duration.between(counted.at(), now).abs().compareTo(Duration.ofHours(1)) < 0) {
            return counted.words();
        }
        Background fresh = vocabulary.background(history.samples(2000));
        mailboxWords.set(new CountedWords(newest, now, fresh));
        return fresh;
    }

    @Override
    public OutgoingMessage compose(Interview interview, Action action, String token, String messageId) {
        RenderedMessage rendered = render(interview, action);
        if (action.kind() == Action.Kind.KEEP_POSTED) {
            news.told(interview, action, clock.instant());
        }
        Interview.Person user = new Interview.Person(profile.primaryAddress(), profile.name());
        if (!action.isDraft()) {
            Interview.Person rebond = new Interview.Person(profile.primaryAddress(), "rebond");
            String calendar = null;
            Instant prepStart = interview.start().minus(policy.prepDuration());
            if (action.kind() == Action.Kind.BRIEF) {
                calendar = PrepEvent.write(interview.uid(), interview.recurrenceId(), interview.sequence(), clock.instant(), prepStart,
                        interview.start(), prepTitle(interview), rendered.text(), rendered.html(), policy.prepReminder());
            } else if (action.kind() == Action.Kind.BRIEF_UPDATE && interview.state() == Interview.State.CANCELLED) {
                // Same prep UID, higher SEQUENCE, STATUS:CANCELLED: the user's calendar drops the prep slot.
                calendar = PrepEvent.cancel(interview.uid(), interview.recurrenceId(), action.number(), clock.instant(), prepStart,
                        interview.start(), prepTitle(interview));
            } else if (action.kind() == Action.Kind.BRIEF_UPDATE) {
                // Same prep UID, higher SEQUENCE: the prep slot moves instead of being duplicated; the brief is attached afresh.
                RenderedMessage brief = render(interview, Action.BRIEF);
                calendar = PrepEvent.write(interview.uid(), interview.recurrenceId(), action.number(), clock.instant(), prepStart,
                        interview.start(), prepTitle(interview), brief.text(), brief.html(), policy.prepReminder());
            }
            // Threaded under the invitation, so the brief sits beside it in the user's mail client.
            List<String> references = invitationThread(interview);
            String inReplyTo = references.isEmpty() ? "" : references.get(references.size() - 1);
            return new OutgoingMessage(OutgoingMessage.Destination.INBOX, rebond, user, rendered.subject(), rendered.text(), rendered.html(),
                    messageId, inReplyTo, references, token, calendar);
        }
        List<MessageHistory.SeenMessage> last = history.with(interview.contact().email(), 1);
        String inReplyTo = "";
        List<String> references = new ArrayList<>();
        if (!last.isEmpty() && !last.get(0).messageId().isBlank()) {
            references.addAll(last.get(0).references());
            references.add(last.get(0).messageId());
            inReplyTo = last.get(0).messageId();
        } else if (!interview.sourceMessageId().isBlank()) {
            inReplyTo = interview.sourceMessageId();
            references.add(inReplyTo);
        }
        if (references.size() > 20) {
            references = new ArrayList<>(references.subList(references.size() - 20, references.size()));
        }
        return new OutgoingMessage(OutgoingMessage.Destination.DRAFTS, user, interview.contact(), rendered.subject(), rendered.text(),
                rendered.html(), messageId, inReplyTo, references, token, null);
    }

    /** The prep event's title: who, without a time (a calendar shows the time in its own zone). */
    public String prepTitle(Interview interview) {
        String who = interview.contact().displayName();
        return "fr".equals(profile.language().getLanguage()) ? "Préparation\u00a0: entretien d'information avec " + who
                : "Prepare: information interview with " + who;
    }

    /** The invitation's References and its Message-ID, oldest first; empty when the invitation came by another way. */
    private List<String> invitationThread(Interview interview) {
        String invitation = interview.sourceMessageId();
        if (invitation == null || invitation.isBlank()) {
            return List.of();
        }
        List<String> references = new ArrayList<>();
        history.with(interview.contact().email(), 50).stream().filter(m -> m.messageId().equals(invitation)).findFirst()
                .ifPresent(m -> references.addAll(m.references()));
        references.add(invitation);
        return references.size() > 20 ? List.copyOf(references.subList(references.size() - 20, references.size())) : references;
    }

    /** Renders without delivering (the {@code preview} command). */
    @Override
    public Rendered preview(Interview interview, Action action) {
        RenderedMessage rendered = render(interview, action);
        return new Rendered(rendered.subject(), rendered.text(), rendered.html());
    }

    public RenderedMessage render(Interview interview, Action action) {
        Map<String, Object> model = model(interview, action);
        RenderedMessage rendered = templates.render(action.templateName(), profile.language(), model);
        if (!action.isDraft()) {
            return rendered;
        }
        // What was left out (M1) and what is left to fill, in a first line to delete.
        Object leftOut = model.get(action.kind() == Action.Kind.KEEP_POSTED ? "news" : "letter") instanceof Map<?, ?> letter
                ? letter.get("leftOut") : null;
        List<String> left = leftOut instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return DraftNotice.prepend(rendered, left, profile.language());
    }

    Map<String, Object> model(Interview interview, Action action) {
        Locale lang = profile.language();
        ZoneId zone = profile.timeZone();
        boolean french = lang.getLanguage().equals("fr");
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> ownQuestions = Questions.distinct(profile.questions());
        m.put("user", Map.of("name", profile.name(), "email", profile.primaryAddress(), "objective", profile.objective(),
                "objectiveSentence", ObjectiveSentence.of(profile.objective(), lang),
                "pitch", profile.pitch(), "signature", profile.signature(), "questions", ownQuestions));

        List<MessageHistory.SeenMessage> messages = history.with(interview.contact().email(), 50);
        List<MessageHistory.SeenMessage> exchanged = facts.exchanged(interview, messages);
        // The contact's own words: their messages and the invitation's description (which the history list leaves out).
        List<String> contactTexts = facts.fromContact(interview, messages).stream().map(MessageHistory.SeenMessage::sample).toList();
        // The signature from their messages, not from the invitation, whose meeting ID would read as a phone number.
        Signature signature = Signature.read(exchanged.stream().filter(x -> x.fromEmail().equalsIgnoreCase(interview.contact().email()))
                .map(MessageHistory.SeenMessage::sample).toList());
        String organization = signature.organization().isBlank() ? Signature.organizationOf(interview.contact().email()) : signature.organization();
        List<Interview> all = store.all();
        int ordinal = InterviewSequence.ordinal(interview, all, now);
        m.put("interview", interviewFacts(interview, organization, ordinal, now, zone, lang));

        Map<String, Object> contact = facts.contactCard(interview, signature, organization, contactTexts);
        m.put("contact", contact);
        m.put("caution", facts.caution(interview, (Boolean) contact.get("senior"), ordinal, all));
        Map<String, Object> referrer = facts.referrer(interview, messages, zone, lang);
        if (referrer != null) {
            m.put("referrer", referrer);
        }
        m.put("history", facts.history(interview, exchanged, zone, lang));
        DateTimeFormatter shortDate = BriefFacts.shortDate(lang);
        List<Map<String, Object>> earlier = new ArrayList<>();
        for (Interview other : all) {
            if (other.id() != interview.id() && other.start().isBefore(interview.start()) && !organization.isBlank()
                    && other.state() == Interview.State.SCHEDULED
                    && organization.equalsIgnoreCase(Signature.organizationOf(other.contact().email()))) {
                earlier.add(Map.of("date", shortDate.format(other.start().atZone(zone)), "contactName", other.contact().displayName(),
                        "organization", organization));
            }
        }
        m.put("earlier", earlier);
        boolean brief = action.kind() == Action.Kind.BRIEF || action.kind() == Action.Kind.BRIEF_UPDATE;
        Map<String, Object> vocabulary = brief ? vocabulary(interview, contactTexts) : Map.of("enough", false, "terms", List.of());
        m.put("vocabulary", vocabulary);
        m.put("keywords", ((List<?>) vocabulary.get("terms")).stream().map(t -> ((Map<?, ?>) t).get("term")).toList());
        List<String> builtIn = new ArrayList<>(Questions.distinct(ownQuestions, BriefFacts.builtInQuestions(lang)));
        builtIn.removeAll(ownQuestions);
        m.put("questions", builtIn);

        DebriefNotes notes = store.notes(interview.id()).orElse(null);
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("present", notes != null && !notes.isEmpty());
        DebriefNotes shown = notes == null ? DebriefNotes.NONE : notes;
        // A note asking for a job never reaches a template (M1); the thank-you reports it in its first line.
        n.put("points", shown.points().stream().filter(item -> JobAsk.in(item, lang).isEmpty()).toList());
        n.put("leads", shown.leads().stream().filter(item -> JobAsk.in(item, lang).isEmpty()).toList());
        List<Map<String, Object>> names = new ArrayList<>();
        for (DebriefNotes.NameGiven g : shown.names()) {
            names.add(Map.of("name", g.name(), "email", g.email(), "mayContact", g.mayContact(), "mayMention", g.mayMention()));
        }
        n.put("names", names);
        n.put("article", shown.article());
        m.put("notes", n);
        if (action.isDraft()) {
            m.put("letter", thanks.letter(interview, shown, exchanged, item -> JobAsk.in(item, lang).isPresent(), now,
                    zone, lang));
        }

        List<Map<String, Object>> met = new ArrayList<>();
        for (Interview later : store.metThanksTo(interview.contact().email())) {
            if (later.start().isBefore(now)) {
                met.add(Map.of("name", later.contact().displayName(), "date", shortDate.format(later.start().atZone(zone))));
            }
        }
        m.put("met", met);
        if (action.kind() == Action.Kind.BRIEF_UPDATE) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("cancelled", interview.state() == Interview.State.CANCELLED);
            update.put("prepSequence", action.number());
            store.prepUpdates(interview.id()).stream().filter(u -> u.prepSequence() == action.number()).findFirst().ifPresent(u -> {
                update.put("previousWhen", fullWhen(u.previousStart(), interview, zone, lang));
                update.put("moved", !u.previousStart().equals(interview.start()) || !u.previousEnd().equals(interview.end()));
            });
            m.put("update", update);
        }
        if (action.kind() == Action.Kind.KEEP_POSTED) {
            m.put("keepPosted", Map.of("number", action.number(),
                    "weeksSince", (int) Math.max(0, Duration.between(interview.end(), now).toDays() / 7)));
            m.put("news", news.model(interview, action, shown, exchanged.stream().map(MessageHistory.SeenMessage::sample).toList(),
                    item -> JobAsk.in(item, lang).isPresent(), now, lang));
        }
        m.put("warnings", warnings(shown, lang));
        m.put("prep", Map.of("minutes", (int) policy.prepDuration().toMinutes()));
        m.put("debrief", Map.of("replyHint", french
                ? "Répondez simplement à ce message : rebond lira vos puces et préparera le brouillon de remerciement."
                : "Just reply to this message: rebond reads your bullet points and drafts the thank-you from them."));
        return m;
    }

    private Map<String, Object> interviewFacts(Interview interview, String organization, int ordinal, Instant now, ZoneId zone, Locale lang) {
        ZonedDateTime start = interview.start().atZone(zone);
        ZonedDateTime end = interview.end().atZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(lang);
        long minutes = Duration.between(interview.start(), interview.end()).toMinutes();
        Map<String, Object> iv = new LinkedHashMap<>();
        iv.put("id", interview.id());
        iv.put("ordinal", ordinal);
        iv.put("held", ordinal - 1);
        iv.put("summary", interview.summary());
        iv.put("when", fullWhen(interview.start(), interview, zone, lang));
        iv.put("relative", relative(now, interview.start(), zone, lang));
        iv.put("subjectDay", DateTimeFormatter.ofPattern("EEE d MMM", lang).format(start) + ", " + time.format(start));
        iv.put("date", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", lang).format(start));
        iv.put("startTime", time.format(start));
        iv.put("endTime", time.format(end));
        iv.put("durationMinutes", (int) minutes);
        iv.put("location", interview.location());
        iv.put("floating", interview.floating());
        iv.put("zoneUnknown", false);
        iv.put("longMeeting", Duration.ofMinutes(minutes).compareTo(LONG_MEETING) > 0);
        iv.put("organization", organization);
        return iv;
    }

    /** "Thursday 10 December 2026, 10:00", with the interview's own zone when it is not the user's. */
    private static String fullWhen(Instant at, Interview interview, ZoneId zone, Locale lang) {
        ZonedDateTime local = at.atZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(lang);
        String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", lang).format(local) + ", " + time.format(local);
        ZoneId own = zoneOf(interview.zone());
        // A zone of its own only for a place (Europe/Paris), not for times written in UTC or as an offset.
        if (own != null && !(own instanceof java.time.ZoneOffset) && !own.normalized().equals(java.time.ZoneOffset.UTC)
                && !interview.floating() && !own.getRules().equals(zone.getRules())) {
            ZonedDateTime there = at.atZone(own);
            boolean french = lang.getLanguage().equals("fr");
            when += french ? " (" + time.format(there) + " à l'heure de " + own.getId() + ")"
                    : " (" + time.format(there) + " " + own.getId() + " time)";
        }
        return when;
    }

    private static ZoneId zoneOf(String id) {
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** "tomorrow at 10:00", "demain à 10:00", "on Thursday at 10:00"; empty beyond a week or in the past. */
    static String relative(Instant now, Instant start, ZoneId zone, Locale lang) {
        ZonedDateTime local = start.atZone(zone);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(lang).format(local);
        String weekday = DateTimeFormatter.ofPattern("EEEE", lang).format(local);
        boolean french = lang.getLanguage().equals("fr");
        return switch (RelativeDay.of(now, start, zone)) {
            case TODAY -> french ? "aujourd'hui à " + time : "today at " + time;
            case TOMORROW -> french ? "demain à " + time : "tomorrow at " + time;
            case THIS_WEEK -> french ? weekday + " à " + time : "on " + weekday + " at " + time;
            case PAST, LATER -> "";
        };
    }

    private static final int TERMS_SHOWN = 12;

    /** The contact's trade terms (M3), each with a line where they used it; "enough" is false when they wrote too little. */
    private Map<String, Object> vocabulary(Interview interview, List<String> contactTexts) {
        if (contactTexts.isEmpty()) {
            return Map.of("enough", false, "terms", List.of());
        }
        List<String> names = new ArrayList<>(List.of(profile.name(), interview.contact().name(), interview.contact().email()));
        if (interview.referrer() != null) {
            names.add(interview.referrer().name());
        }
        Vocabulary found = vocabulary.find(contactTexts, mailboxWords(), profile.language(), names, TERMS_SHOWN);
        List<Map<String, Object>> terms = new ArrayList<>();
        for (Term term : found.terms()) {
            terms.add(Map.of("term", term.shown(), "context", term.context(), "uses", term.uses()));
        }
        return Map.of("enough", found.enoughText(), "terms", terms);
    }

    /** M1: where the user's own words ask for a job, say so visibly, without touching their text. */
    private List<String> warnings(DebriefNotes notes, Locale lang) {
        List<String> out = new ArrayList<>();
        String own = String.join("\n", profile.questions()) + "\n" + String.join("\n", notes.points()) + "\n" + String.join("\n", notes.leads());
        List<String> asks = notesParser.jobRequestPhrases(own, lang);
        if (!asks.isEmpty()) {
            out.add(lang.getLanguage().equals("fr")
                    ? "Vos notes ou questions demandent un poste (« " + String.join(" », « ", asks) + " ») : un entretien d'information ne demande que de l'information."
                    : "Your notes or questions ask for a job (\"" + String.join("\", \"", asks) + "\"): an information interview asks for information only.");
        }
        return out;
    }
}
