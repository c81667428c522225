package org.taexchange.platform;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinator's home: what waits for them, and the way to every admin page. */
@Controller
class AdminHomeController {

	private final List<AdminTiles> tiles;

	AdminHomeController(List<AdminTiles> tiles) {
		this.tiles = tiles;
	}

	@GetMapping("/admin")
	String home(Model model) {
		model.addAttribute("tiles", this.tiles.stream().map(AdminTiles::tile).toList());
		return "platform/admin-home";
	}
}
