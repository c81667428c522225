package org.taexchange.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.taexchange.matching.MatchExamples;
import org.taexchange.offers.OfferExamples;
import org.taexchange.offers.OfferStatus;
import org.taexchange.requests.RequestExamples;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.taexchange.security.Outcome.ENDED;
import static org.taexchange.security.Outcome.ERROR_PAGE;
import static org.taexchange.security.Outcome.FORBIDDEN;
import static org.taexchange.security.Outcome.LOGIN;
import static org.taexchange.security.Outcome.NOT_FOUND;
import static org.taexchange.security.Outcome.OK;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Who may use which endpoint, as one table: a row per endpoint the application maps, a column per
 * kind of visitor. The table is checked against the running application in both directions: every
 * cell against a real request, and the rows against the endpoints Spring MVC actually maps, so a new
 * endpoint cannot ship without someone deciding who may use it.
 */
@IntegrationTest
class AuthorizationTableTests {

	/** Ids of things that exist, filled into the example paths. */
	record Known(long requesterAccountId, long organisationId, String participantCode, Requests requests,
			OfferIds offers, long acceptedMatch, long acceptedMatchVersion) {
	}

	/**
	 * Offers of the demo provider's organisation, made afresh for every use of the table.
	 *
	 * @param draft a complete draft
	 * @param withdrawable another draft, which the provider withdraws (a draft never sent is discarded)
	 * @param withdrawableVersion its version, as the provider's list would carry it
	 * @param published a published offer
	 * @param submitted an offer waiting for vetting
	 * @param submittedVersion its version, as its vetting page would carry it
	 */
	record OfferIds(long draft, long withdrawable, long withdrawableVersion, String published, String submitted,
			long submittedVersion) {
	}

	/**
	 * Requests of the requester's participant, made afresh for every use of the table so that the
	 * few examples that do change something (a file deleted, a message sent, a request withdrawn by
	 * the requester) never meet the leftovers of another test.
	 *
	 * @param draft the requester's draft, every step answered
	 * @param draftFile a file attached to that draft
	 * @param unfinishedDraft a draft of the requester with its first step only, which cannot be submitted
	 * @param unfinishedDraftVersion its version, as its review page would carry it
	 * @param submitted a request the requester submitted
	 * @param submittedId its id, which is also the id of the draft it was
	 * @param submittedFile a file of that request
	 * @param withdrawable another submitted request, which the requester withdraws
	 * @param withdrawableVersion its version, as its page would carry it
	 */
	record Requests(long draft, long draftFile, long unfinishedDraft, long unfinishedDraftVersion, String submitted,
			long submittedId, long submittedFile, String withdrawable, long withdrawableVersion) {
	}

	/**
	 * One endpoint: its mapping as Spring MVC knows it ({@code METHOD pattern}), an example request
	 * that reaches it, and the outcome for each visitor.
	 */
	record Row(String mapping, String examplePath, Map<Visitor, Outcome> expected) {

		String method() {
			return this.mapping.substring(0, this.mapping.indexOf(' '));
		}
	}

	/**
	 * The authorization table. Examples of state-changing POSTs send an empty form: the allowed roles
	 * get the form back with errors (or a redirect to the page they came from), so nothing changes,
	 * while refused roles never reach the controller. Where a controller checks the form before it
	 * checks who acts (an official's reply, a withdrawal) or has nothing to check (deleting a file),
	 * the example sends what a real page sends, on the table's own {@link Requests}: an empty form
	 * would be answered before the rule the row is about is applied.
	 */
	static List<Row> table(Known known) {
		long account = known.requesterAccountId();
		long organisation = known.organisationId();
		String participant = known.participantCode();
		Requests requests = known.requests();
		String draft = "/requests/drafts/" + requests.draft();
		String request = "/requests/" + requests.submitted();
		List<Row> rows = new ArrayList<>();
		//                                                                          anonymous  requester  provider   coordinator admin      pending-req pending-prov suspended disabled
		// public pages
		rows.add(row("GET /", "/",                                                  OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /accessibility", "/accessibility",                        OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /login", "/login",                                        OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /register", "/register",                                  OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("POST /register", "/register",                                 OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /registered", "/registered",                              OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /verify", "/verify?token=not-a-token",                    OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("POST /verify", "/verify",                                     OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("ANY /error", "/error",                                        ERROR_PAGE, ERROR_PAGE, ERROR_PAGE, ERROR_PAGE, ERROR_PAGE, ERROR_PAGE, ERROR_PAGE, ERROR_PAGE, ENDED));
		// coordinators (and admins, whose role implies it)
		rows.add(row("GET /admin", "/admin",                                        LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/accounts", "/admin/accounts",                      LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/accounts/{id}", "/admin/accounts/" + account,      LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/accounts/{id}/approve", "/admin/accounts/" + account + "/approve",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/accounts/{id}/reject", "/admin/accounts/" + account + "/reject",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// admins only: an account's access and where it belongs (an empty form gets the page back with the errors)
		for (String action : List.of("{access:disable|enable}", "reassign")) {
			rows.add(row("POST /admin/accounts/{id}/" + action, "/admin/accounts/" + account + "/" + (action.equals("reassign") ? action : "disable"),
			                                                                        LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK,        FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		}
		rows.add(row("GET /admin/log", "/admin/log",                                LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// admins only
		rows.add(row("GET /admin/participants", "/admin/participants",              LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/participants", "/admin/participants",             LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/participants/new", "/admin/participants/new",      LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/participants/{code}", "/admin/participants/" + participant,
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/participants/{code}", "/admin/participants/" + participant,
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/participants/{code}/status", "/admin/participants/" + participant + "/status",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/organisations", "/admin/organisations",            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/organisations", "/admin/organisations",           LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/organisations/new", "/admin/organisations/new",    LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/organisations/{id}", "/admin/organisations/" + organisation,
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/organisations/{id}", "/admin/organisations/" + organisation,
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/organisations/{id}/merge", "/admin/organisations/" + organisation + "/merge",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// asking for assistance: officials of a participant only, and a visitor may answer the first
		// step before signing in (signed in, /requests/new/account sends everyone on to /continue)
		rows.add(row("GET /requests/new", "/requests/new",                          OK,        OK,        FORBIDDEN, FORBIDDEN,  FORBIDDEN, OK, FORBIDDEN, OK, ENDED));
		rows.add(row("POST /requests/new", "/requests/new",                         OK,        OK,        FORBIDDEN, FORBIDDEN,  FORBIDDEN, OK, FORBIDDEN, OK, ENDED));
		rows.add(row("GET /requests/new/account", "/requests/new/account",          OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /requests/new/continue", "/requests/new/continue",        LOGIN,     OK,        FORBIDDEN, FORBIDDEN,  FORBIDDEN, OK, FORBIDDEN, OK, ENDED));
		// a draft exists for its author only; to anyone else it does not exist
		rows.add(row("GET /requests/drafts/{id}", draft,                            LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		for (String step : List.of("who", "need", "expertise", "practicalities", "attachments")) {
			rows.add(row("GET /requests/drafts/{id}/" + step, draft + "/" + step,
			                                                                        LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
			rows.add(row("POST /requests/drafts/{id}/" + step, draft + "/" + step,
			                                                                        LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		}
		rows.add(row("POST /requests/drafts/{id}/attachments/{attachmentId}/delete", draft + "/attachments/" + requests.draftFile() + "/delete",
		                                                                            LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		rows.add(row("POST /requests/drafts/{id}/attachments/done", draft + "/attachments/done",
		                                                                            LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		rows.add(row("GET /requests/drafts/{id}/review", draft + "/review",         LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		// submitting a draft that is not complete shows its review page with what is missing
		rows.add(row("POST /requests/drafts/{id}/submit", "/requests/drafts/" + requests.unfinishedDraft() + "/submit?version=" + requests.unfinishedDraftVersion(),
		                                                                            LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		// sending changes on a request nobody asked about changes nothing and shows the request
		rows.add(row("POST /requests/drafts/{id}/send-changes", "/requests/drafts/" + requests.submittedId() + "/send-changes?version=0",
		                                                                            LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		// a participant's requests: its officials see them, and the coordinators, who are sent from
		// the officials' list to the triage queue (a redirect: OK here, its target checked below)
		rows.add(row("GET /requests", "/requests",                                  LOGIN,     OK,        FORBIDDEN, OK,         OK, OK, FORBIDDEN, OK, ENDED));
		rows.add(row("GET /requests/{reference}", request,                          LOGIN,     OK,        NOT_FOUND, OK,         OK, NOT_FOUND, NOT_FOUND, OK, ENDED));
		rows.add(row("GET /requests/{reference}/submitted", request + "/submitted", LOGIN,     OK,        NOT_FOUND, OK,         OK, NOT_FOUND, NOT_FOUND, OK, ENDED));
		rows.add(row("GET /requests/{reference}/attachments/{attachmentId}", request + "/attachments/" + requests.submittedFile(),
		                                                                            LOGIN,     OK,        NOT_FOUND, OK,         OK, NOT_FOUND, NOT_FOUND, OK, ENDED));
		// only officials write in the thread from here and withdraw; coordinators act from triage
		rows.add(row("POST /requests/{reference}/messages", request + "/messages?text=Our+budget+is+confirmed.",
		                                                                            LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN, ENDED));
		rows.add(row("POST /requests/{reference}/withdraw", "/requests/" + requests.withdrawable() + "/withdraw?version=" + requests.withdrawableVersion(),
		                                                                            LOGIN,     OK,        NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN, ENDED));
		// triage: coordinators and admins (a decision that needs a reason gets the page back without one)
		rows.add(row("GET /admin/requests", "/admin/requests",                      LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/requests/{reference}", "/admin" + request,         LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/requests/{reference}/{decision}", "/admin" + request + "/reject?version=0",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// offering expertise: providers only, and a visitor may fill in the form before signing in;
		// sending an empty form for vetting gives it back with errors, so nothing is saved
		OfferIds offers = known.offers();
		String offerDraft = "/offers/edit/" + offers.draft();
		rows.add(row("GET /offers/new", "/offers/new",                              OK,        FORBIDDEN, OK,        FORBIDDEN,  FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, ENDED));
		rows.add(row("POST /offers/new", "/offers/new?action=submit",               OK,        FORBIDDEN, OK,        FORBIDDEN,  FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, ENDED));
		rows.add(row("GET /offers/new/account", "/offers/new/account",              OK,        OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /offers/new/continue", "/offers/new/continue",            LOGIN,     FORBIDDEN, OK,        FORBIDDEN,  FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, ENDED));
		// an organisation's offers are its providers' to change; to anyone else an offer id does not exist
		rows.add(row("GET /offers/mine", "/offers/mine",                            LOGIN,     FORBIDDEN, OK,        FORBIDDEN,  FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, ENDED));
		rows.add(row("GET /offers/edit/{id}", offerDraft,                           LOGIN,     NOT_FOUND, OK,        NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		rows.add(row("POST /offers/edit/{id}", offerDraft + "?action=submit",       LOGIN,     NOT_FOUND, OK,        NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		rows.add(row("POST /offers/edit/{id}/{action:pause|resume|withdraw}", "/offers/edit/" + offers.withdrawable() + "/withdraw?version=" + offers.withdrawableVersion(),
		                                                                            LOGIN,     NOT_FOUND, OK,        NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		// the catalogue: everyone signed in; an offer not yet published exists only for its
		// organisation's providers and the coordinators
		rows.add(row("GET /offers", "/offers",                                      LOGIN,     OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /offers/{reference}", "/offers/" + offers.published(),    LOGIN,     OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /offers/{reference}", "/offers/" + offers.submitted(),    LOGIN,     NOT_FOUND, OK,        OK,         OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		// vetting: coordinators and admins (declining without a reason gets the page back)
		rows.add(row("GET /admin/offers", "/admin/offers",                          LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/offers/{reference}", "/admin/offers/" + offers.submitted(),
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/offers/{reference}/{decision}", "/admin/offers/" + offers.submitted() + "/decline?version=" + offers.submittedVersion(),
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// matching: the coordinators' pages (proposing without an offer gets the page back with the error)
		rows.add(row("GET /admin/requests/{reference}/matching", "/admin" + request + "/matching",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/requests/{reference}/matching", "/admin" + request + "/matching",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/plan", "/admin/plan",                              LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/plan", "/admin/plan",                             LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("GET /admin/matches", "/admin/matches",                        LOGIN,     FORBIDDEN, FORBIDDEN, OK,         OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// a match the provider accepted: each side sees it; only the requester may confirm it, and does
		String match = "/matches/" + known.acceptedMatch();
		rows.add(row("GET /matches", "/matches",                                    LOGIN,     OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("GET /matches/{id}", match,                                    LOGIN,     OK,        OK,        OK,         OK, NOT_FOUND, NOT_FOUND, OK, ENDED));
		rows.add(row("POST /matches/{id}/{step}", match + "/confirm?version=" + known.acceptedMatchVersion(),
		                                                                            LOGIN,     OK,        FORBIDDEN, FORBIDDEN,  FORBIDDEN, NOT_FOUND, NOT_FOUND, FORBIDDEN, ENDED));
		// notifications: each person's own; the dev mailbox only without an SMTP server (tests have one: 404)
		rows.add(row("GET /notifications", "/notifications",                      LOGIN,     OK,        OK,        OK,         OK, OK, OK, OK, ENDED));
		rows.add(row("POST /notifications/read", "/notifications/read",                LOGIN,     OK,        OK,        OK,         OK,        OK,        OK,        OK,       ENDED));
		rows.add(row("GET /admin/mailbox", "/admin/mailbox",                        LOGIN,     FORBIDDEN, FORBIDDEN, NOT_FOUND,  NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// security audit trail: admins only
		rows.add(row("GET /admin/security", "/admin/security",                      LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK,        FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// passwords: forgotten password and mailed links (public), one's own account, staff invitations (admins)
		rows.add(row("GET /password/forgot", "/password/forgot",                    OK,        OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("POST /password/forgot", "/password/forgot",                   OK,        OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("GET /password/reset", "/password/reset?token=not-a-token",    OK,        OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("POST /password/reset", "/password/reset",                     OK,        OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("GET /account", "/account",                                    LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("POST /account", "/account",                                   LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("POST /account/password", "/account/password",                 LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("POST /account/sessions", "/account/sessions",                 LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("GET /admin/staff/invite", "/admin/staff/invite",              LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		rows.add(row("POST /admin/staff/invite", "/admin/staff/invite",             LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// second factor: the code page (those without an app are sent to set one up), the decision kept
		// for after the code (none here: back home), setting up an app (the demo staff have one already;
		// the QR code exists only while setting up)
		rows.add(row("GET /login/code", "/login/code",                              LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("POST /login/code", "/login/code",                             LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("GET /login/continue", "/login/continue",                      LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("GET /account/second-factor", "/account/second-factor",        LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("POST /account/second-factor", "/account/second-factor",       LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		rows.add(row("GET /account/second-factor/qr-code.png", "/account/second-factor/qr-code.png",
		                                                                            LOGIN,     NOT_FOUND, NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND,        NOT_FOUND,        NOT_FOUND,       ENDED));
		rows.add(row("GET /account/second-factor/recovery-codes", "/account/second-factor/recovery-codes",
		                                                                            LOGIN,     OK,        OK,        OK,         OK, OK,        OK,        OK,       ENDED));
		// account lifecycle: an admin removes someone else's lost second factor (an empty form gets the page back)
		rows.add(row("POST /admin/accounts/{id}/reset-factor", "/admin/accounts/" + account + "/reset-factor",
		                                                                            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN,  OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, ENDED));
		// passkeys (the WebAuthn endpoints themselves are Spring Security's filters: PasskeyTests); one's own only
		rows.add(row("POST /account/second-factor/passkeys/{id}/remove", "/account/second-factor/passkeys/bm8tc3VjaC1wYXNza2V5/remove",
		                                                                            LOGIN,     NOT_FOUND, NOT_FOUND, NOT_FOUND,  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ENDED));
		return rows;
	}

	/**
	 * One row: the five roles, then the four standings (a pending official, a pending provider of the
	 * demo provider's organisation, the demo official while Sierra Leone is suspended, a disabled account).
	 */
	private static Row row(String mapping, String examplePath, Outcome anonymous, Outcome requester,
			Outcome provider, Outcome coordinator, Outcome admin, Outcome pendingRequester, Outcome pendingProvider,
			Outcome suspendedRequester, Outcome disabled) {
		Map<Visitor, Outcome> expected = new EnumMap<>(Visitor.class);
		expected.put(Visitor.ANONYMOUS, anonymous);
		expected.put(Visitor.REQUESTER, requester);
		expected.put(Visitor.PROVIDER, provider);
		expected.put(Visitor.COORDINATOR, coordinator);
		expected.put(Visitor.ADMIN, admin);
		expected.put(Visitor.PENDING_REQUESTER, pendingRequester);
		expected.put(Visitor.PENDING_PROVIDER, pendingProvider);
		expected.put(Visitor.SUSPENDED_REQUESTER, suspendedRequester);
		expected.put(Visitor.DISABLED, disabled);
		return new Row(mapping, examplePath, expected);
	}

	/** A demo official of Côte d'Ivoire: the table's requests are Sierra Leone's. */
	static final String OFFICIAL_OF_ANOTHER_PARTICIPANT = "official.ci@example.org";

	/** An organisation other than the demo provider's (WCO), whose provider the tests register. */
	static final String PROVIDER_ORGANISATION_OF_ANOTHER = "GIZ";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	/**
	 * The accounts of the four standings, registered once for the test JVM through the public forms:
	 * two pending (address confirmed, not approved), an approved official of Sierra Leone (suspended
	 * around each of their requests), and one approved and then disabled by an admin.
	 */
	@BeforeEach
	void standings() throws Exception {
		if (Visitor.isRegistered(Visitor.DISABLED)) {
			return;
		}
		Registrations registrations = new Registrations(this.context);
		long wco = this.jdbc.queryForObject("select id from organisation where short_name = 'WCO'", Long.class);
		Visitor.register(Visitor.PENDING_REQUESTER,
				registrations.official("pending.official", "SL", "National Minerals Agency"));
		Visitor.register(Visitor.PENDING_PROVIDER, registrations.provider("pending.provider", wco));
		String suspended = registrations.official("suspended.official", "SL", "National Minerals Agency");
		registrations.approve(suspended);
		Visitor.register(Visitor.SUSPENDED_REQUESTER, suspended);
		String disabled = registrations.official("disabled.official", "SL", "National Minerals Agency");
		registrations.approve(disabled);
		Map<String, Object> account = this.jdbc.queryForMap("select id, version from account where email = ?",
				disabled);
		this.mvc
			.perform(post("/admin/accounts/{id}/disable", account.get("id")).with(csrf())
				.with(Visitor.ADMIN.as(this.people))
				.param("version", account.get("version").toString())
				.param("reason", "Left the National Minerals Agency"))
			.andExpect(redirectedUrl("/admin/accounts/" + account.get("id")));
		Visitor.register(Visitor.DISABLED, disabled);
	}

	/** Runs the visitor's request; the official of a suspended participant's while Sierra Leone is suspended. */
	private MockHttpServletResponse perform(Row row, Visitor visitor) throws Exception {
		if (visitor != Visitor.SUSPENDED_REQUESTER) {
			return this.mvc.perform(request(row).with(visitor.as(this.people))).andReturn().getResponse();
		}
		Long suspension = this.jdbc.queryForObject(
				"insert into participant_status (participant_code, status, effective_date, note) "
						+ "values ('SL', 'SUSPENDED', date '2026-01-02', 'Suspended for the authorization table') returning id",
				Long.class);
		try {
			return this.mvc.perform(request(row).with(visitor.as(this.people))).andReturn().getResponse();
		}
		finally {
			this.jdbc.update("delete from participant_status where id = ?", suspension);
		}
	}

	@Test
	void everyVisitorGetsWhatTheTableSaysFromEveryEndpoint() throws Exception {
		List<String> mismatches = new ArrayList<>();
		for (Row row : table(known())) {
			for (Visitor visitor : Visitor.values()) {
				Outcome expected = row.expected().get(visitor);
				try {
					MockHttpServletResponse response = perform(row, visitor);
					Outcome actual = Outcome.of(response);
					if (actual != expected) {
						mismatches.add(String.format("%-45s as %-11s expected %-10s got %-10s (%s)", row.mapping(),
								visitor, expected, actual, Outcome.describe(response)));
					}
				}
				catch (Exception ex) {
					mismatches.add(String.format("%-45s as %-11s expected %-10s got an exception: %s", row.mapping(),
							visitor, expected, ex));
				}
			}
		}
		assertThat(mismatches).as("cells of the authorization table that the application does not honour").isEmpty();
	}

	@Test
	void anOfficialOfAnotherParticipantIsToldTheRequestsAndDraftsOfTheTableDoNotExist() throws Exception {
		Known known = known();
		UserDetails otherOfficial = this.people.loadUserByUsername(OFFICIAL_OF_ANOTHER_PARTICIPANT);
		List<String> checked = new ArrayList<>();
		List<String> mismatches = new ArrayList<>();
		for (Row row : table(known)) {
			if (!row.mapping().matches("\\w+ /requests/(drafts/\\{id\\}|\\{reference\\}).*")) {
				continue;
			}
			checked.add(row.mapping());
			MockHttpServletResponse response = this.mvc.perform(request(row).with(signedIn(otherOfficial)))
				.andReturn()
				.getResponse();
			if (Outcome.of(response) != NOT_FOUND) {
				mismatches.add(String.format("%-45s expected %-10s got %-10s (%s)", row.mapping(), NOT_FOUND,
						Outcome.of(response), Outcome.describe(response)));
			}
		}
		assertThat(checked).as("rows about one request or draft").hasSizeGreaterThan(15);
		assertThat(mismatches).as("pages of another participant's requests that an official can open").isEmpty();
		String list = this.mvc.perform(get("/requests").with(signedIn(otherOfficial)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).as("the other official's list")
			.contains("/requests/new")
			.doesNotContain(known.requests().submitted(), known.requests().withdrawable());
	}

	@Test
	void aProviderOfAnotherOrganisationIsToldTheOffersOfTheTableThatAreNotPublishedDoNotExist() throws Exception {
		Known known = known();
		OfferIds offers = known.offers();
		OfferExamples examples = new OfferExamples(this.context);
		UserDetails otherProvider = this.people
			.loadUserByUsername(examples.anotherApprovedProvider(PROVIDER_ORGANISATION_OF_ANOTHER));
		long draftVersion = examples.versionOf(offers.draft());
		long submittedId = examples.idOf(offers.submitted());
		List<String> checked = new ArrayList<>();
		List<String> mismatches = new ArrayList<>();
		for (Row row : table(known)) {
			boolean anOffersId = row.mapping().matches("\\w+ /offers/edit/\\{id\\}.*");
			boolean notPublished = row.examplePath().equals("/offers/" + offers.submitted());
			if (!anOffersId && !notPublished) {
				continue;
			}
			checked.add(row.mapping());
			MockHttpServletResponse response = this.mvc.perform(request(row).with(signedIn(otherProvider)))
				.andReturn()
				.getResponse();
			if (Outcome.of(response) != NOT_FOUND) {
				mismatches.add(String.format("%-45s expected %-10s got %-10s (%s)", row.mapping(), NOT_FOUND,
						Outcome.of(response), Outcome.describe(response)));
			}
		}
		assertThat(checked).as("rows about one offer of the demo provider's organisation").hasSize(4);
		assertThat(mismatches).as("pages of another organisation's offers that a provider can open").isEmpty();
		assertThat(examples.statusOf(offers.draft())).isEqualTo(OfferStatus.DRAFT);
		assertThat(examples.versionOf(offers.draft())).as("the draft is unchanged").isEqualTo(draftVersion);
		assertThat(examples.statusOf(offers.withdrawable())).as("the draft is not withdrawn")
			.isEqualTo(OfferStatus.DRAFT);
		assertThat(examples.statusOf(submittedId)).isEqualTo(OfferStatus.SUBMITTED);
		String list = this.mvc.perform(get("/offers/mine").with(signedIn(otherProvider)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).as("the other provider's list")
			.contains("/offers/new")
			.doesNotContain(offerLink(offers.draft(), "\""), offerLink(offers.draft(), "/"),
					offerLink(offers.withdrawable(), "\""), offerLink(offers.withdrawable(), "/"), offers.submitted(),
					offers.published());
	}

	/** The start of a link to an offer's form ({@code "}) or to one of its actions ({@code /}). */
	private static String offerLink(long id, String followedBy) {
		return "/offers/edit/" + id + followedBy;
	}

	@Test
	void coordinatorsAndAdminsAreSentFromTheOfficialsListToTheTriageQueue() throws Exception {
		for (Visitor visitor : List.of(Visitor.COORDINATOR, Visitor.ADMIN)) {
			MockHttpServletResponse response = this.mvc.perform(get("/requests").with(visitor.as(this.people)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as("GET /requests as %s", visitor).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as("GET /requests as %s", visitor).isEqualTo("/admin/requests");
		}
	}

	@Test
	void theTableHasARowForEveryMappedEndpointAndNoRowForAnEndpointThatIsGone() {
		Set<String> mapped = mappedEndpoints();
		Set<String> inTable = table(known()).stream().map(Row::mapping).collect(Collectors.toCollection(TreeSet::new));
		assertThat(mapped).as("the application maps its own endpoints (sanity check of the lookup)")
			.contains("GET /", "POST /admin/accounts/{id}/approve", "ANY /error");
		Set<String> withoutRow = new TreeSet<>(mapped);
		withoutRow.removeAll(inTable);
		Set<String> withoutEndpoint = new TreeSet<>(inTable);
		withoutEndpoint.removeAll(mapped);
		assertThat(withoutRow).as("endpoints without a row in the authorization table: decide who may use them")
			.isEmpty();
		assertThat(withoutEndpoint).as("rows of the authorization table for endpoints that are not mapped").isEmpty();
	}

	@Test
	void aPathNoControllerMapsNeedsSigningInAndIsThenNotFound() throws Exception {
		for (Visitor visitor : Visitor.ROLES) {
			MockHttpServletResponse response = this.mvc.perform(get("/no-such-page").with(visitor.as(this.people)))
				.andReturn()
				.getResponse();
			assertThat(Outcome.of(response)).as("GET /no-such-page as %s (%s)", visitor, Outcome.describe(response))
				.isEqualTo(visitor.signedIn() ? NOT_FOUND : LOGIN);
		}
	}

	@Test
	void onlyHealthAndInfoOfTheActuatorAreExposedAndBothArePublic() throws Exception {
		for (Visitor visitor : Visitor.ROLES) {
			for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
					"/actuator/info")) {
				MockHttpServletResponse response = this.mvc.perform(get(path).with(visitor.as(this.people)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("GET %s as %s", path, visitor).isEqualTo(200);
			}
			String health = this.mvc.perform(get("/actuator/health").with(visitor.as(this.people)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(health).as("health as %s shows no details", visitor)
				.doesNotContain("components", "details", "db", "diskSpace");
		}
		List<String> notExposed = List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/mappings", "/actuator/loggers", "/actuator/metrics", "/actuator/heapdump",
				"/actuator/threaddump", "/actuator/shutdown", "/actuator/modulith", "/actuator/sbom");
		for (String path : notExposed) {
			for (Visitor visitor : Visitor.ROLES) {
				MockHttpServletResponse response = this.mvc.perform(get(path).with(visitor.as(this.people)))
					.andReturn()
					.getResponse();
				Outcome expected = switch (visitor) {
					case ANONYMOUS -> LOGIN;
					case ADMIN -> NOT_FOUND;
					default -> FORBIDDEN;
				};
				assertThat(Outcome.of(response)).as("GET %s as %s (%s)", path, visitor, Outcome.describe(response))
					.isEqualTo(expected);
			}
		}
		MockHttpServletResponse shutdown = this.mvc
			.perform(post("/actuator/shutdown").with(csrf()).with(Visitor.ADMIN.as(this.people)))
			.andReturn()
			.getResponse();
		assertThat(Outcome.of(shutdown)).as("POST /actuator/shutdown as admin (%s)", Outcome.describe(shutdown))
			.isEqualTo(NOT_FOUND);
	}

	@Test
	void theActuatorIndexListsNothingButHealthAndInfoAndOnlyForAnAdmin() throws Exception {
		for (Visitor visitor : Visitor.ROLES) {
			MockHttpServletResponse response = this.mvc.perform(get("/actuator").with(visitor.as(this.people)))
				.andReturn()
				.getResponse();
			Outcome expected = switch (visitor) {
				case ANONYMOUS -> LOGIN;
				case ADMIN -> OK;
				default -> FORBIDDEN;
			};
			assertThat(Outcome.of(response)).as("GET /actuator as %s (%s)", visitor, Outcome.describe(response))
				.isEqualTo(expected);
		}
		String index = this.mvc.perform(get("/actuator").with(Visitor.ADMIN.as(this.people)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> links = JsonPath.read(index, "$._links");
		Set<String> names = new TreeSet<>(links.keySet());
		assertThat(names).isNotEmpty().allMatch(name -> name.equals("self") || name.startsWith("health")
				|| name.equals("info"), "self, health or info");
	}

	@Test
	void signingInWithTheFormLandsCoordinatorsInTheAdminAreaAndOthersOnTheHomePage() throws Exception {
		for (Visitor visitor : List.of(Visitor.REQUESTER, Visitor.PROVIDER, Visitor.COORDINATOR, Visitor.ADMIN)) {
			// the demo staff have a second factor: the landing page comes after their code
			MvcResult result = visitor == Visitor.COORDINATOR || visitor == Visitor.ADMIN
					? SignIn.withCode(this.mvc, visitor.email(), Visitor.DEMO_PASSWORD)
					: this.mvc.perform(SignIn.form(visitor.email(), Visitor.DEMO_PASSWORD)).andReturn();
			assertThat(result.getResponse().getStatus()).as("sign-in of %s", visitor).isEqualTo(302);
			String landing = switch (visitor) {
				case COORDINATOR, ADMIN -> "/admin";
				default -> "/";
			};
			assertThat(result.getResponse().getRedirectedUrl()).as("landing page of %s", visitor).isEqualTo(landing);
			assertThat(SignIn.whoIsSignedIn(result.getRequest().getSession(false))).as("session of %s", visitor)
				.isEqualTo(visitor.email());
		}
	}

	@Test
	void signingInNeedsTheCsrfTokenOfTheForm() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("email", Visitor.COORDINATOR.email()).param("password", Visitor.DEMO_PASSWORD))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(SignIn.whoIsSignedIn(result.getRequest().getSession(false))).isNull();
	}

	@Test
	void signingOutTakesAPostWithTheCsrfTokenAndEndsTheSession() throws Exception {
		MvcResult signedIn = SignIn.withCode(this.mvc, Visitor.COORDINATOR.email(), Visitor.DEMO_PASSWORD);
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		assertThat(SignIn.whoIsSignedIn(session)).isEqualTo(Visitor.COORDINATOR.email());

		// a link (GET) cannot sign anyone out: otherwise any page could do it with an <img>
		MockHttpServletResponse getLogout = this.mvc.perform(get("/logout").session(session)).andReturn().getResponse();
		assertThat(getLogout.getRedirectedUrl()).as("GET /logout").isNotEqualTo("/?signedOut");
		assertThat(this.mvc.perform(get("/admin").session(session)).andReturn().getResponse().getStatus())
			.as("still signed in after GET /logout")
			.isEqualTo(200);

		// nor can a POST from another site, which has no CSRF token
		MockHttpServletResponse forged = this.mvc.perform(post("/logout").session(session)).andReturn().getResponse();
		assertThat(forged.getStatus()).as("POST /logout without a CSRF token").isEqualTo(403);
		assertThat(this.mvc.perform(get("/admin").session(session)).andReturn().getResponse().getStatus())
			.as("still signed in after a forged sign-out")
			.isEqualTo(200);

		MvcResult signedOut = this.mvc.perform(post("/logout").with(csrf()).session(session)).andReturn();
		assertThat(signedOut.getResponse().getStatus()).isEqualTo(302);
		assertThat(signedOut.getResponse().getRedirectedUrl()).isEqualTo("/?signedOut");
		assertThat(session.isInvalid()).as("the session is invalidated").isTrue();
		MockHttpServletResponse afterwards = this.mvc.perform(get("/admin").session(session)).andReturn().getResponse();
		assertThat(Outcome.of(afterwards)).as("GET /admin after signing out (%s)", Outcome.describe(afterwards))
			.isEqualTo(LOGIN);
	}

	@Test
	void signingOutWithoutBeingSignedInJustGoesToTheHomePage() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(post("/logout").with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/?signedOut");
	}

	private Known known() {
		long account = this.jdbc.queryForObject("select id from account where email = ?", Long.class,
				Visitor.REQUESTER.email());
		long organisation = this.jdbc.queryForObject("select id from organisation where short_name = 'WCO'",
				Long.class);
		RequestExamples examples = new RequestExamples(this.context);
		String official = Visitor.REQUESTER.email();
		long draft = examples.completeDraft(official);
		long draftFile = examples.attachFile(draft, official);
		long unfinished = examples.startedDraft(official);
		long submittedId = examples.completeDraft(official);
		long submittedFile = examples.attachFile(submittedId, official);
		String submitted = examples.submit(submittedId, official);
		String withdrawable = examples.submitted(official);
		Requests requests = new Requests(draft, draftFile, unfinished, examples.versionOf(unfinished), submitted,
				submittedId, submittedFile, withdrawable, examples.versionOf(examples.idOf(withdrawable)));
		OfferExamples offerExamples = new OfferExamples(this.context);
		String provider = Visitor.PROVIDER.email();
		long withdrawableOffer = offerExamples.draft(provider);
		String submittedOffer = offerExamples.submitted(provider);
		OfferIds offers = new OfferIds(offerExamples.draft(provider), withdrawableOffer,
				offerExamples.versionOf(withdrawableOffer), offerExamples.published(provider), submittedOffer,
				offerExamples.versionOf(offerExamples.idOf(submittedOffer)));
		MatchExamples matchExamples = new MatchExamples(this.context);
		long match = matchExamples.accepted();
		return new Known(account, organisation, "SL", requests, offers, match, matchExamples.versionOf(match));
	}

	private static MockHttpServletRequestBuilder request(Row row) {
		return switch (row.method()) {
			case "GET", "ANY" -> get(row.examplePath()).accept(MediaType.TEXT_HTML);
			case "POST" -> post(row.examplePath()).with(csrf()).accept(MediaType.TEXT_HTML);
			default -> throw new IllegalStateException("No example request for " + row.mapping());
		};
	}

	/** {@code METHOD pattern} of every endpoint of the application's own controllers, and of the error page. */
	private Set<String> mappedEndpoints() {
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<String> patterns = info.getPatternValues();
			boolean ours = entry.getValue().getBeanType().getPackageName().startsWith("org.taexchange");
			if (!ours && !patterns.contains("/error")) {
				continue;
			}
			Set<String> methods = info.getMethodsCondition()
				.getMethods()
				.stream()
				.map(Enum::name)
				.collect(Collectors.toCollection(TreeSet::new));
			if (methods.isEmpty()) {
				methods.add("ANY");
			}
			for (String method : methods) {
				for (String pattern : patterns) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		return endpoints;
	}


}
