package org.taexchange.offers;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.taexchange.participants.Modality;

/** What an official looks for in the catalogue; every part optional, unknown values ignored. */
class CatalogueFilter {

	private String area;

	private String language;

	private Modality modality;

	private OfferFunding funding;

	private String month;

	public String getArea() {
		return this.area;
	}

	public void setArea(String area) {
		this.area = area == null || area.isBlank() ? null : area;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language == null || language.isBlank() ? null : language;
	}

	public Modality getModality() {
		return this.modality;
	}

	public void setModality(Modality modality) {
		this.modality = modality;
	}

	public OfferFunding getFunding() {
		return this.funding;
	}

	public void setFunding(OfferFunding funding) {
		this.funding = funding;
	}

	public String getMonth() {
		return this.month;
	}

	public void setMonth(String month) {
		this.month = month == null || month.isBlank() ? null : month.strip();
	}

	/** The first day of the chosen month, or {@code null} when none (or one that is not a month) was given. */
	LocalDate firstDayOfMonth() {
		if (this.month == null) {
			return null;
		}
		try {
			return YearMonth.parse(this.month).atDay(1);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
