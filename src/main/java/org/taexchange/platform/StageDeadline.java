package org.taexchange.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A stage that must end within a number of working days (in UTC) of the moment it began: the due day,
 * whether it is overdue on a day, and the moment before which every stage still open is overdue (for a
 * query).
 */
public record StageDeadline(int workingDays) {

	/** The last day of a stage that began at that moment. */
	public LocalDate dueDate(Instant began) {
		return WorkingDays.after(LocalDate.ofInstant(began, ZoneOffset.UTC), this.workingDays);
	}

	/** Past its last day on that day. */
	public boolean isOverdueOn(Instant began, LocalDate day) {
		return day.isAfter(dueDate(began));
	}

	/** Whole days (calendar days, UTC) from the stage's first day to that day: "waiting for 12 days". */
	public static long daysSince(Instant began, LocalDate day) {
		return ChronoUnit.DAYS.between(LocalDate.ofInstant(began, ZoneOffset.UTC), day);
	}

	/** Stages that began before this moment are overdue on that day, if still open. */
	public Instant overdueBefore(LocalDate today) {
		LocalDate day = today;
		// the latest day whose due date is before today
		while (!WorkingDays.after(day, this.workingDays).isBefore(today)) {
			day = day.minusDays(1);
		}
		return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}
