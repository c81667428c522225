package org.taexchange.requests;

/** How soon the requester needs the assistance. */
public enum Urgency {
	ROUTINE, SOON, URGENT
}
