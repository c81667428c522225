package org.taexchange.participants;

import java.util.List;

/** A group of the expertise taxonomy with its areas, named in the reader's language. */
public record AreaGroup(String code, String name, List<AreaOption> areas) {

	public AreaGroup {
		areas = List.copyOf(areas);
	}
}
