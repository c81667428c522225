package org.taexchange.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Deadlines count working days: Monday to Friday, without public holidays. */
public final class WorkingDays {

	private WorkingDays() {
	}

	/** The day that many working days after the given one. */
	public static LocalDate after(LocalDate from, int days) {
		LocalDate day = from;
		int added = 0;
		while (added < days) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return day;
	}
}
