package org.taexchange.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.platform.LocaleChosen;

/** Remembers the language a signed-in person picks, for their next session and their mail. */
@Component
class LanguagePreferences {

	private final Accounts accounts;

	LanguagePreferences(Accounts accounts) {
		this.accounts = accounts;
	}

	@EventListener
	@Transactional
	void on(LocaleChosen event) {
		this.accounts.findByEmail(event.username()).ifPresent(account -> {
			account.changeLanguage(event.locale());
			this.accounts.save(account);
		});
	}
}
