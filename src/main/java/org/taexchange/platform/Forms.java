package org.taexchange.platform;

import java.util.Set;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Small helpers shared by the portal's forms. */
public final class Forms {

	/** The codes of the checks that only say "this is required". */
	private static final Set<String> REQUIRED = Set.of("NotBlank", "NotEmpty", "NotNull");

	private Forms() {
	}

	/** Trimmed text, or {@code null} when nothing was typed. */
	public static String text(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

	/**
	 * Whether every error only says a field is still empty. Going back a step, or saving to finish
	 * later, keeps such an answer as it is; anything that could not be stored (too long, not a date)
	 * is shown instead.
	 */
	public static boolean onlyMissingAnswers(BindingResult result) {
		return result.getGlobalErrors().isEmpty() && result.getFieldErrors()
			.stream()
			.allMatch(error -> error.getCode() != null && REQUIRED.contains(error.getCode()));
	}

	/** Shows the form again as typed but without its checks: a quick pick is not a failed save. */
	public static void withoutErrors(Model model, String name, Object form) {
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + name);
		model.addAttribute(name, form);
	}
}
