package org.taexchange.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the pager ({@code fragments/forms :: pager}): the address of the list being shown with
 * another page number, so that every filter in it is kept (lists are read with GET: their parameters
 * are their filters). Templates call it as {@code @pageLinks}.
 */
@Component("pageLinks")
public class PageLinks {

	public String to(int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!"page".equals(name)) {
				link.queryParam(name, (Object[]) values);
			}
		});
		return link.queryParam("page", page).build().encode().toUriString();
	}
}
