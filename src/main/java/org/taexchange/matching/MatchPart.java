package org.taexchange.matching;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One part of a match's score, kept as it was explained when the match was proposed. */
@Embeddable
class MatchPart {

	@Enumerated(EnumType.STRING)
	private Part part;

	private int points;

	private int maxPoints;

	private String messageKey;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "arguments")
	private List<String> arguments = new ArrayList<>();

	protected MatchPart() {
	}

	MatchPart(Assessment.ScoredPart scored) {
		this.part = scored.part();
		this.points = scored.points();
		this.maxPoints = scored.max();
		this.messageKey = scored.reason().key();
		this.arguments = new ArrayList<>(scored.reason().arguments());
	}

	Assessment.ScoredPart scored() {
		return new Assessment.ScoredPart(this.part, this.points, this.maxPoints, new Reason(this.messageKey, this.arguments));
	}
}
