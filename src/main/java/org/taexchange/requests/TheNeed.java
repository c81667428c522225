package org.taexchange.requests;

/** Step 2: what the problem is, what should change, and the evidence behind it. */
record TheNeed(String title, String problemStatement, String objectives, String expectedOutcomes,
		String alreadyUnderway, Integer evidenceReportYear, String evidenceReviewVisit, String evidenceWdIndicator) {
}
