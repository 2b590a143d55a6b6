package org.rebond.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.rebond.domain.Action;
import org.rebond.domain.Milestone;

/** Where the user's milestones are kept, and what each keeping-you-posted draft told each contact (METHOD M7). */
public interface NewsKeeper {

    /** Keeps a milestone; returns it with its number. */
    Milestone add(Milestone milestone);

    /** Every milestone, oldest first. */
    List<Milestone> milestones();

    /**
     * The items told to this contact by keeping-you-posted drafts that were delivered, other than
     * {@code draft} of {@code interviewId} (a retry of the same draft tells the same again).
     */
    Set<String> toldTo(String contactEmail, long interviewId, Action draft);

    /** Records what a draft tells (replacing what an earlier attempt of the same draft recorded). */
    void tell(String contactEmail, long interviewId, Action draft, List<String> items, Instant at);

    /** Nothing kept: no milestone, nothing told (the runners and composers that do not concern news). */
    NewsKeeper NONE = new NewsKeeper() {
        @Override
        public Milestone add(Milestone milestone) {
            throw new UnsupportedOperationException("no place to keep milestones");
        }

        @Override
        public List<Milestone> milestones() {
            return List.of();
        }

        @Override
        public Set<String> toldTo(String contactEmail, long interviewId, Action draft) {
            return Set.of();
        }

        @Override
        public void tell(String contactEmail, long interviewId, Action draft, List<String> items, Instant at) {
        }
    };
}
