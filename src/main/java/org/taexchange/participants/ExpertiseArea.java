package org.taexchange.participants;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the two-level expertise taxonomy: a group (no parent) or an area under it, tagged
 * with the KP working group most concerned and the part of the scheme it helps implement.
 */
@Entity
@Table(name = "expertise_area")
class ExpertiseArea {

	@Id
	private String code;

	private String parentCode;

	private String nameEn;

	private String nameFr;

	private String workingGroup;

	private String kpcs;

	private int position;

	protected ExpertiseArea() {
	}

	String getCode() {
		return this.code;
	}

	String getParentCode() {
		return this.parentCode;
	}

	boolean isGroup() {
		return this.parentCode == null;
	}

	int getPosition() {
		return this.position;
	}

	String getWorkingGroup() {
		return this.workingGroup;
	}

	String getKpcs() {
		return this.kpcs;
	}

	/** The name in the reader's language; English where no translation exists. */
	String name(Locale locale) {
		return "fr".equals(locale.getLanguage()) ? this.nameFr : this.nameEn;
	}
}
