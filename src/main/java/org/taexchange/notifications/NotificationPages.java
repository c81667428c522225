package org.taexchange.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.accounts.AccountUser;
import org.taexchange.platform.NotFound;

/**
 * The bell: every page tells a signed-in person how many notifications they have not read, and
 * {@code /notifications} lists them, marking them read as it shows them. Without an SMTP server (the
 * embedded default) coordinators see every mail the portal would have sent in {@code /admin/mailbox}.
 */
@Controller
@ControllerAdvice
class NotificationPages {

	private final Notifications notifications;

	private final ObjectProvider<JavaMailSender> smtp;

	private final MessageSource messages;

	private final Clock clock;

	NotificationPages(Notifications notifications, ObjectProvider<JavaMailSender> smtp, MessageSource messages,
			Clock clock) {
		this.notifications = notifications;
		this.smtp = smtp;
		this.messages = messages;
		this.clock = clock;
	}

	/** The count under the bell, on every page a signed-in person opens. */
	@ModelAttribute("unreadNotifications")
	Long unread(@AuthenticationPrincipal AccountUser user) {
		return user == null ? null : this.notifications.countByRecipientIdAndReadAtIsNull(user.id());
	}

	/** Whether the dev mailbox exists (no SMTP server configured): the admin home then links to it. */
	@ModelAttribute("devMailbox")
	boolean devMailbox() {
		return this.smtp.getIfAvailable() == null;
	}

	/** A notification as the list shows it: its sentence in the reader's language. */
	record Line(Notification notification, String text, boolean wasUnread) {
	}

	/** The latest notifications, the new ones marked; opening the list changes nothing (a GET never does). */
	@GetMapping("/notifications")
	@Transactional(readOnly = true)
	String list(@AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		List<Line> lines = this.notifications.findTop50ByRecipientIdOrderByCreatedAtDescIdDesc(user.id())
			.stream()
			.map(n -> new Line(n, this.messages.getMessage("notice." + n.getKind() + ".text", n.getArguments().toArray(),
					locale), !n.isRead()))
			.toList();
		model.addAttribute("lines", lines);
		return "notifications/list";
	}

	/** The person has read their notifications: the bell stops counting them. */
	@PostMapping("/notifications/read")
	@Transactional
	String markRead(@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		this.notifications.markAllRead(user.id(), this.clock.instant());
		redirect.addFlashAttribute("flash", "flash.notifications.read");
		return "redirect:/notifications";
	}

	@GetMapping("/admin/mailbox")
	@Transactional(readOnly = true)
	String mailbox(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String to, Model model) {
		if (!devMailbox()) {
			// a real SMTP server sends the mail: nothing is kept here
			throw new NotFound("mailbox");
		}
		PageRequest request = PageRequest.of(Math.max(page, 0), 20);
		String address = to == null ? "" : to.strip();
		Page<Notification> mails = address.isEmpty() ? this.notifications.findAllByOrderByCreatedAtDescIdDesc(request)
				: this.notifications.findByMailToIgnoreCaseOrderByCreatedAtDescIdDesc(address, request);
		model.addAttribute("mails", mails);
		model.addAttribute("to", address.isEmpty() ? null : address);
		return "notifications/mailbox";
	}
}
