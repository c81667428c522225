package org.taexchange.matching;

/** The named parts of a score (DESIGN §3), in the order they are explained. */
enum Part {
	EXPERTISE, MODALITY, LANGUAGE, TIMING, FUNDING, RECORD, REGION
}
