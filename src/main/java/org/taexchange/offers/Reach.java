package org.taexchange.offers;

/** Where an offer can be delivered: to every participant, to some regions, or to a list of participants. */
public enum Reach {
	ALL, REGIONS, PARTICIPANTS
}
