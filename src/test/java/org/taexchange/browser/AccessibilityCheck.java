package org.taexchange.browser;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * Runs Deque axe on the page as it is now and fails on any violation rated serious or critical.
 * Moderate and minor findings are left to review; they do not break the build.
 */
final class AccessibilityCheck {

	static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	private AccessibilityCheck() {
	}

	static void assertNoSeriousViolations(Page page) {
		AxeResults results = new AxeBuilder(page).analyze();
		if (results.isErrored()) {
			throw new AssertionError("axe could not check " + page.url() + ": " + results.getErrorMessage());
		}
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
			.toList();
		if (!blocking.isEmpty()) {
			throw new AssertionError(describe(page.url(), blocking));
		}
	}

	private static String describe(String url, List<Rule> violations) {
		StringBuilder text = new StringBuilder();
		text.append(violations.size())
			.append(" serious or critical accessibility violation(s) on ")
			.append(url)
			.append(':');
		for (Rule rule : violations) {
			text.append("\n- ")
				.append(rule.getId())
				.append(" (")
				.append(rule.getImpact())
				.append("): ")
				.append(rule.getHelp())
				.append(" <")
				.append(rule.getHelpUrl())
				.append('>');
			for (CheckedNode node : rule.getNodes()) {
				text.append("\n    at ")
					.append(node.getTarget())
					.append(": ")
					.append(node.getHtml());
				if (node.getFailureSummary() != null) {
					text.append("\n      ")
						.append(node.getFailureSummary().lines().collect(Collectors.joining("\n      ")));
				}
			}
		}
		return text.toString();
	}
}
