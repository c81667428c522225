package org.taexchange.participants;

/** A duplicate organisation was folded into another: whatever belonged to the first now belongs to the second. */
public record OrganisationMerged(long mergedId, long intoId) {
}
