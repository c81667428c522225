package org.taexchange.requests;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import org.taexchange.requests.RequestDrafts.NotAnOfficial;

/** Someone who is not an official opens an official's page: 403, saying who these pages are for. */
@ControllerAdvice(assignableTypes = { RequestFormController.class, RequestPagesController.class })
class RequestErrors {

	@ExceptionHandler(NotAnOfficial.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String notAnOfficial(Model model) {
		model.addAttribute("reason", "notAnOfficial");
		return "error/403";
	}
}
