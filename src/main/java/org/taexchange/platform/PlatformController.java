package org.taexchange.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public pages that belong to no module: home and the accessibility statement. */
@Controller
class PlatformController {

	@GetMapping("/")
	String home() {
		return "platform/home";
	}

	@GetMapping("/accessibility")
	String accessibility() {
		return "platform/accessibility";
	}
}
