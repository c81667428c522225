package org.taexchange.participants;

/** What kind of KP member a participant is. */
public enum ParticipantType {

	/** A country. */
	STATE,

	/** A regional economic integration organisation: the European Union. */
	REIO,

	/** A trading entity that meets the requirements without being a state. */
	ENTITY
}
