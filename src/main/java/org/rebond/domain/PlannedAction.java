package org.rebond.domain;

import java.time.Instant;

/** An action and the instant it is due. */
public record PlannedAction(Action action, Instant due) {}
