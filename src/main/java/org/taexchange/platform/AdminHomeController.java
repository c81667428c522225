package org.taexchange.platform;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinator's home: what waits for them, the mails that could not be delivered, and the way to every admin page. */
@Controller
class AdminHomeController {

	private final List<AdminTiles> tiles;

	private final List<UndeliveredMails> mails;

	AdminHomeController(List<AdminTiles> tiles, List<UndeliveredMails> mails) {
		this.tiles = tiles;
		this.mails = mails;
	}

	@GetMapping("/admin")
	String home(Model model) {
		model.addAttribute("tiles", this.tiles.stream().map(AdminTiles::tile).toList());
		model.addAttribute("undeliveredMails", this.mails.stream().mapToLong(UndeliveredMails::undelivered).sum());
		return "platform/admin-home";
	}
}
