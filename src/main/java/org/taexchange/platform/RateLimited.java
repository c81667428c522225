package org.taexchange.platform;

/**
 * A request was refused by a rate limit (429), told at most once per limit and key per period of the
 * limit, so that a flood of refused requests makes one line of the security trail, not one per request.
 * Published while the refused request is served, so a listener may read the request and the person
 * signed in.
 *
 * @param limit the limit's name, as in {@code app.rate-limits.*} (e.g. {@code sign-in-per-address})
 * @param addressTyped the email address typed on the form (trimmed, lower case), or null
 * @param request the method and path refused, e.g. {@code POST /login}
 */
public record RateLimited(String limit, String addressTyped, String request) {
}
