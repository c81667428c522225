package org.taexchange.audit;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The decision log for coordinators: who decided what, when, from what to what, and why. */
@Controller
class DecisionLogController {

	static final int PAGE_SIZE = 50;

	private final DecisionLog log;

	DecisionLogController(DecisionLog log) {
		this.log = log;
	}

	@GetMapping("/admin/log")
	String list(@RequestParam(name = "type", required = false) String subjectType,
			@RequestParam(name = "subject", required = false) String subjectId,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		String type = StringUtils.hasText(subjectType) ? subjectType.trim() : null;
		String subject = StringUtils.hasText(subjectId) ? subjectId.trim() : null;
		model.addAttribute("entries", this.log.search(type, subject, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("types", this.log.subjectTypes());
		model.addAttribute("type", type);
		model.addAttribute("subject", subject);
		return "audit/log";
	}
}
