package org.taexchange.participants;

/** How assistance is given (DESIGN §2). Shared reference data of requests and offers. */
public enum Modality {
	EXPERT_MISSION, STUDY_VISIT, WORKSHOP, ASSESSMENT_MISSION, EMBEDDED_ADVISER, REMOTE_ADVISORY, DOCUMENTS_AND_TOOLS
}
