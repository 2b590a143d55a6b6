package org.rebond.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.Invitation;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Verdict;

/**
 * What rebond makes of one calendar part of a message, before any interview is looked up: the one
 * reading that the daemon acts on ({@link MessageArrivals}) and that {@code rebond inspect} prints.
 *
 * <p>A part that cannot be read, or that cannot be acted upon as an iTIP message (a REQUEST without
 * ORGANIZER, without DTSTART, or carrying two UIDs: {@link Invitation#schedulingProblem()}), is set
 * aside with its reason: the daemon quarantines it. Every event of any other part gets the
 * detector's verdict (detected or not, why, the contact, the referrer). The method acted on is the
 * calendar's own METHOD when it has one, whatever the mail's {@code method=} says; a disagreement
 * is kept in the triage, to be logged or printed.
 */
public final class InvitationTriage {

    /**
     * The triage of one part.
     *
     * @param invitation the part as read, empty when it could not be read
     * @param setAside   why the whole part is set aside (unreadable, or not schedulable), empty when it is not
     * @param events     every event of the part in file order, none when it could not be read
     */
    public record PartVerdict(Optional<Invitation> invitation, Optional<String> setAside, List<EventVerdict> events) {

        public PartVerdict {
            events = List.copyOf(events);
        }

        /** How the mail and the calendar disagree on the method, empty when they do not. */
        public Optional<String> methodMismatch() {
            return invitation.flatMap(Invitation::methodMismatch);
        }
    }

    /**
     * One event of a part: either set aside with its part, or judged by the detector.
     *
     * @param event    the event, carrying the method acted on
     * @param setAside the reason its part is set aside, empty when the event was judged
     * @param verdict  the detector's verdict; for an event set aside, "not detected" with the reason {@code set aside: …}
     */
    public record EventVerdict(CalendarEvent event, Optional<String> setAside, Verdict verdict) {}

    private final CalendarReader reader;
    private final InterviewDetector detector;

    /**
     * @param reader   reads the calendar part (the calendar adapter)
     * @param detector the detection rules, the user's own addresses and the contacts suggested in earlier debriefs
     */
    public InvitationTriage(CalendarReader reader, InterviewDetector detector) {
        this.reader = reader;
        this.detector = detector;
    }

    /**
     * Reads and judges one calendar part.
     *
     * @param content    the part's transfer-decoded bytes (a whole {@code .ics} file for {@code inspect})
     * @param mimeMethod the {@code method=} parameter of the part's Content-Type, empty when none
     */
    public PartVerdict triage(byte[] content, String mimeMethod) {
        Invitation invitation;
        try {
            invitation = reader.invitation(content, mimeMethod);
        } catch (CalendarReader.Rejected unreadable) {
            return new PartVerdict(Optional.empty(), Optional.of(unreadable.getMessage()), List.of());
        }
        Optional<String> problem = invitation.schedulingProblem();
        List<EventVerdict> events = new ArrayList<>(invitation.events().size());
        for (CalendarEvent event : invitation.events()) {
            events.add(problem.isPresent()
                    ? new EventVerdict(event, problem, Verdict.no("set aside: " + problem.get()))
                    : new EventVerdict(event, Optional.empty(), detector.detect(event)));
        }
        return new PartVerdict(Optional.of(invitation), problem, events);
    }
}
