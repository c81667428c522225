package org.taexchange.requests;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Modality;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Everything an official can type wrong on the request form, field by field: each mistake is
 * explained next to its field, nothing else typed is lost, and nothing is saved. Markup and
 * SQL-looking text are kept as typed and always shown as text. Files are recognised by their
 * content, and given back exactly as they came.
 */
@IntegrationTest
class RequestBadInputTests {

	static final String OFFICIAL = "official.sl@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String SQL = "'; drop table assistance_request; --";

	/** The application's clock is UTC; so are these dates. */
	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	static final LocalDate EARLIEST_START = TODAY.plusMonths(2);

	static final LocalDate LATEST_END = TODAY.plusMonths(8);

	static final int LAST_YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RequestDrafts drafts;

	@Autowired
	AssistanceRequests requests;

	@Autowired
	RequestAttachments attachments;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	// --- every field of every step -------------------------------------------------------------

	/** A complete, valid page of each step, as a browser posts it. */
	static Map<String, List<String>> validAnswers(String step) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		switch (step) {
			case "who" -> {
				answers.put("beneficiaryCountries", List.of("SL", "LR", "GN"));
				answers.put("focalName", List.of("Fatmata Koroma"));
				answers.put("focalPosition", List.of("Head of monitoring"));
				answers.put("focalEmail", List.of("focal@example.org"));
				answers.put("focalPhone", List.of("+232 76 123 456"));
			}
			case "need" -> {
				answers.put("title", List.of("Regional valuation training"));
				answers.put("problemStatement", List.of("Valuers lack practice with alluvial rough."));
				answers.put("objectives", List.of("Train twenty government valuers."));
				answers.put("expectedOutcomes", List.of("Valuations within five per cent of reference prices."));
				answers.put("alreadyUnderway", List.of("A small EU project on statistics."));
				answers.put("evidenceReportYear", List.of(String.valueOf(LAST_YEAR)));
				answers.put("evidenceReviewVisit", List.of("Recommendation 4 of the last review visit"));
				answers.put("evidenceWdIndicator", List.of("Indicator on registered diggers"));
			}
			case "expertise" -> {
				answers.put("primaryArea", List.of("VALUATION"));
				answers.put("areas", List.of("STATISTICS", "CERTIFICATES"));
				answers.put("modalities", List.of("WORKSHOP", "EXPERT_MISSION"));
			}
			case "practicalities" -> {
				answers.put("workingLanguages", List.of("en", "fr"));
				answers.put("interpretationNeeds", List.of("French for the Guinean participants"));
				answers.put("earliestStart", List.of(EARLIEST_START.toString()));
				answers.put("latestEnd", List.of(LATEST_END.toString()));
				answers.put("urgency", List.of("SOON"));
				answers.put("beneficiariesCount", List.of("20"));
				answers.put("beneficiariesProfile", List.of("Government valuers"));
				answers.put("funding", List.of("CAN_CO_FUND"));
			}
			default -> throw new IllegalArgumentException(step);
		}
		return answers;
	}

	static Stream<Arguments> badAnswers() {
		String emailTooLong = "x".repeat(243) + "@example.org";
		return Stream.of(
				// step 1: who is asking
				bad("who", "beneficiaryCountries", "request.beneficiaries.unknown", "ZZ"),
				bad("who", "beneficiaryCountries", "request.beneficiaries.unknown", "SL", "ZZ"),
				bad("who", "beneficiaryCountries", "request.beneficiaries.unknown", SCRIPT),
				bad("who", "beneficiaryCountries", "NotEmpty"),
				bad("who", "focalName", "NotBlank", ""),
				bad("who", "focalName", "Size", "n".repeat(121)),
				bad("who", "focalPosition", "Size", "p".repeat(121)),
				bad("who", "focalEmail", "NotBlank", ""),
				bad("who", "focalEmail", "Email", "not-an-address"),
				bad("who", "focalEmail", "Size", emailTooLong),
				bad("who", "focalPhone", "Pattern", "abc"),
				bad("who", "focalPhone", "Size", "1".repeat(41)),
				// step 2: the need
				bad("need", "title", "NotBlank", ""),
				bad("need", "title", "Size", "t".repeat(201)),
				bad("need", "problemStatement", "NotBlank", ""),
				bad("need", "problemStatement", "Size", "p".repeat(5001)),
				bad("need", "objectives", "NotBlank", ""),
				bad("need", "objectives", "Size", "o".repeat(5001)),
				bad("need", "expectedOutcomes", "NotBlank", ""),
				bad("need", "expectedOutcomes", "Size", "e".repeat(5001)),
				bad("need", "alreadyUnderway", "Size", "a".repeat(5001)),
				bad("need", "evidenceReportYear", "typeMismatch", "abc"),
				bad("need", "evidenceReportYear", "typeMismatch", "2025.5"),
				bad("need", "evidenceReportYear", "Min", "2002"),
				bad("need", "evidenceReportYear", "Max", "2101"),
				bad("need", "evidenceReportYear", "request.evidenceReportYear.future", String.valueOf(LAST_YEAR + 2)),
				bad("need", "evidenceReviewVisit", "Size", "r".repeat(2001)),
				bad("need", "evidenceWdIndicator", "Size", "w".repeat(2001)),
				// step 3: expertise
				bad("expertise", "primaryArea", "NotBlank", ""),
				bad("expertise", "primaryArea", "request.area.unknown", "NOPE"),
				bad("expertise", "primaryArea", "request.area.unknown", "DATA"),
				bad("expertise", "primaryArea", "request.area.unknown", SCRIPT),
				bad("expertise", "primaryArea", "Size", "A".repeat(41)),
				bad("expertise", "areas", "request.area.unknown", "NOPE"),
				bad("expertise", "areas", "request.area.unknown", "STATISTICS", "NOPE"),
				bad("expertise", "modalities", "typeMismatch", "TELEPORT"),
				bad("expertise", "modalities", "typeMismatch", "WORKSHOP", "TELEPORT"),
				bad("expertise", "modalities", "NotEmpty"),
				// step 4: practicalities
				bad("practicalities", "workingLanguages", "request.language.unknown", "xx"),
				bad("practicalities", "workingLanguages", "request.language.unknown", "en", "xx"),
				bad("practicalities", "workingLanguages", "NotEmpty"),
				bad("practicalities", "interpretationNeeds", "Size", "i".repeat(1001)),
				bad("practicalities", "earliestStart", "typeMismatch", "2027-13-45"),
				bad("practicalities", "earliestStart", "typeMismatch", "next spring"),
				bad("practicalities", "earliestStart", "request.window.past", TODAY.minusDays(1).toString()),
				bad("practicalities", "latestEnd", "typeMismatch", "2027-13-45"),
				bad("practicalities", "latestEnd", "request.window.order", EARLIEST_START.minusDays(1).toString()),
				bad("practicalities", "latestEnd", "request.window.past", TODAY.minusDays(1).toString()),
				bad("practicalities", "urgency", "typeMismatch", "SOMETIMES"),
				bad("practicalities", "urgency", "typeMismatch", SCRIPT),
				bad("practicalities", "urgency", "NotNull", ""),
				bad("practicalities", "beneficiariesCount", "typeMismatch", "abc"),
				bad("practicalities", "beneficiariesCount", "Min", "0"),
				bad("practicalities", "beneficiariesCount", "Max", "100001"),
				bad("practicalities", "beneficiariesProfile", "Size", "b".repeat(2001)),
				bad("practicalities", "funding", "typeMismatch", "FREE"),
				bad("practicalities", "funding", "NotNull", ""));
	}

	private static Arguments bad(String step, String field, String code, String... values) {
		String shown = values.length == 0 ? "nothing"
				: String.join(", ", Stream.of(values)
					.map(v -> v.length() > 30 ? v.length() + " characters" : "\"" + v + "\"")
					.toList());
		return Arguments.of(step, field, code, Named.of(shown, List.of(values)));
	}

	@ParameterizedTest(name = "{0}: {1} = {3} is refused with {2}")
	@MethodSource("badAnswers")
	void aBadAnswerIsExplainedAtItsFieldAndEverythingElseTypedIsKept(String step, String field, String code,
			List<String> values) throws Exception {
		long id = aDraftAtStepTwo();
		long versionBefore = version(id);
		Map<String, List<String>> answers = validAnswers(step);
		answers.put(field, values);

		MvcResult result = this.mvc.perform(page(post("/requests/drafts/{id}/" + step, id), answers).with(official()))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/" + step))
			.andReturn();

		assertFieldError(result, step, field, code);
		Document page = html(result);
		answers.forEach((name, typed) -> {
			if (!name.equals(field)) {
				assertThat(shown(page, name)).as("%s, typed beside the bad answer", name)
					.containsExactlyInAnyOrderElementsOf(typed);
			}
		});
		assertThat(shown(page, field)).as("the bad answer, as far as the field can show it")
			.containsExactlyInAnyOrderElementsOf(showable(page, field, values, code));
		assertThat(result.getResponse().getContentAsString()).doesNotContain(SCRIPT);
		assertThat(version(id)).as("nothing is saved").isEqualTo(versionBefore);
	}

	static Stream<Arguments> badVisitorAnswers() {
		return Stream.of(bad("who", "requestingParticipant", "request.participant.required", "ZZ"),
				bad("who", "requestingParticipant", "request.participant.required", ""),
				bad("who", "requestingParticipant", "Size", "ZZZ"),
				bad("who", "beneficiaryCountries", "request.beneficiaries.unknown", "CI", "ZZ"),
				bad("who", "focalEmail", "Email", "not-an-address"));
	}

	@ParameterizedTest(name = "a visitor's {1} = {3} is refused with {2}")
	@MethodSource("badVisitorAnswers")
	void aVisitorsBadFirstStepIsExplainedAndNotKeptForLater(String step, String field, String code,
			List<String> values) throws Exception {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		answers.put("requestingParticipant", List.of("CI"));
		answers.putAll(validAnswers(step));
		answers.put("beneficiaryCountries", List.of("CI", "GN"));
		answers.put(field, values);
		MockHttpSession session = new MockHttpSession();

		MvcResult result = this.mvc.perform(page(post("/requests/new"), answers).session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/who"))
			.andReturn();

		assertFieldError(result, step, field, code);
		Document page = html(result);
		answers.forEach((name, typed) -> {
			if (!name.equals(field)) {
				assertThat(shown(page, name)).as(name).containsExactlyInAnyOrderElementsOf(typed);
			}
		});
		assertThat(session.getAttribute(RequestFormController.PENDING_FIRST_STEP)).isNull();
	}

	// --- markup and SQL are text ----------------------------------------------------------------

	@Test
	void scriptsAndSqlTypedIntoEveryTextAreStoredAsTypedAndShownOnlyAsText() throws Exception {
		RequestPostProcessor official = official();
		String title = SCRIPT + " " + SQL;

		Map<String, List<String>> who = validAnswers("who");
		who.put("focalName", List.of(SCRIPT));
		who.put("focalPosition", List.of(SQL));
		String needPage = this.mvc.perform(page(post("/requests/new"), who).with(official))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(needPage.split("/")[3]);

		Map<String, List<String>> need = validAnswers("need");
		need.put("title", List.of(title));
		need.put("problemStatement", List.of(SCRIPT));
		need.put("objectives", List.of(SQL));
		need.put("expectedOutcomes", List.of(SCRIPT + "\n" + SQL));
		need.put("alreadyUnderway", List.of(SQL));
		need.put("evidenceReviewVisit", List.of(SCRIPT));
		need.put("evidenceWdIndicator", List.of(SQL));
		this.mvc.perform(page(post("/requests/drafts/{id}/need", id), need).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/expertise"));
		this.mvc.perform(page(post("/requests/drafts/{id}/expertise", id), validAnswers("expertise")).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/practicalities"));
		Map<String, List<String>> practicalities = validAnswers("practicalities");
		practicalities.put("interpretationNeeds", List.of(SCRIPT));
		practicalities.put("beneficiariesProfile", List.of(SQL));
		this.mvc.perform(page(post("/requests/drafts/{id}/practicalities", id), practicalities).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"));

		Map<String, Object> stored = this.jdbc.queryForMap("select * from assistance_request where id = ?", id);
		assertThat(stored).containsEntry("focal_name", SCRIPT)
			.containsEntry("focal_position", SQL)
			.containsEntry("title", title)
			.containsEntry("problem_statement", SCRIPT)
			.containsEntry("objectives", SQL)
			.containsEntry("expected_outcomes", SCRIPT + "\n" + SQL)
			.containsEntry("already_underway", SQL)
			.containsEntry("evidence_review_visit", SCRIPT)
			.containsEntry("evidence_wd_indicator", SQL)
			.containsEntry("interpretation_needs", SCRIPT)
			.containsEntry("beneficiaries_profile", SQL);
		assertThat(this.jdbc.queryForObject("select count(*) from assistance_request where id = ?", Long.class, id))
			.as("the table is still there")
			.isEqualTo(1);

		// the step forms give every answer back as typed, as text
		for (Map.Entry<String, Map<String, List<String>>> step : Map.of("who", who, "need", need, "practicalities",
				practicalities)
			.entrySet()) {
			MvcResult form = this.mvc.perform(get("/requests/drafts/{id}/" + step.getKey(), id).with(official))
				.andExpect(status().isOk())
				.andReturn();
			Document page = onlyText(form);
			step.getValue().forEach((name, typed) -> assertThat(shown(page, name)).as("%s on %s", name, step.getKey())
				.containsExactlyInAnyOrderElementsOf(typed));
		}

		// the review page and the list of drafts show it as text
		Document review = onlyText(this.mvc.perform(get("/requests/drafts/{id}/review", id).with(official))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(review.select("main").text()).contains(SCRIPT, SQL, title);
		Document list = onlyText(this.mvc.perform(get("/requests").with(official)).andReturn());
		assertThat(list.select("ul.drafts a").eachText()).contains(title);

		// once submitted, to the officials and to the coordinators
		this.drafts.attachmentsReviewed(id, account(OFFICIAL));
		String reference = this.drafts.submit(id, version(id), account(OFFICIAL)).value();
		this.mvc
			.perform(post("/requests/{ref}/messages", reference).with(csrf()).with(official).param("text", SCRIPT))
			.andExpect(redirectedUrl("/requests/" + reference + "#messages"));
		Document detail = onlyText(this.mvc.perform(get("/requests/{ref}", reference).with(official))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(detail.select("h1").text()).contains(title);
		assertThat(detail.select(".messages .prose").eachText()).containsExactly(SCRIPT);
		Document admin = onlyText(this.mvc.perform(get("/admin/requests/{ref}", reference).with(as(COORDINATOR)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(admin.select("main").text()).contains(title, SCRIPT, SQL);
		onlyText(this.mvc
			.perform(get("/admin/requests").param("participant", "SL").param("order", "RECENT").with(as(COORDINATOR)))
			.andExpect(status().isOk())
			.andReturn());
		this.mvc
			.perform(post("/requests/{ref}/withdraw", reference).with(csrf())
				.with(official)
				.param("version", String.valueOf(version(id)))
				.param("reason", SCRIPT + SQL))
			.andExpect(redirectedUrl("/requests/" + reference));
		Document withdrawn = onlyText(this.mvc.perform(get("/requests/{ref}", reference).with(official)).andReturn());
		assertThat(withdrawn.select(".timeline").text()).contains(SCRIPT + SQL);
	}

	@Test
	void aFormShownAgainWithErrorsGivesMarkupBackAsText() throws Exception {
		long id = aDraftAtStepTwo();
		Map<String, List<String>> need = validAnswers("need");
		need.put("title", List.of(SCRIPT));
		need.put("objectives", List.of("\"><img src=x onerror=alert(2)>"));
		need.put("problemStatement", List.of("p".repeat(5001)));

		MvcResult result = this.mvc.perform(page(post("/requests/drafts/{id}/need", id), need).with(official()))
			.andExpect(status().isOk())
			.andReturn();

		assertFieldError(result, "need", "problemStatement", "Size");
		Document page = onlyText(result);
		assertThat(page.getElementById("title").val()).isEqualTo(SCRIPT);
		assertThat(page.getElementById("objectives").wholeText()).isEqualTo("\"><img src=x onerror=alert(2)>");
		assertThat(page.select("img[onerror]")).isEmpty();
	}

	// --- attachments ---------------------------------------------------------------------------

	@Test
	void everyAcceptedKindOfFileIsAttachedAndDownloadedExactlyAsUploaded() throws Exception {
		long id = aCompleteDraft();
		List<Upload> uploads = List.of(new Upload("annual-report.pdf", pdf(), FileTypes.PDF, "annual-report.pdf"),
				new Upload("terms of reference.docx", docx(), FileTypes.DOCX, "terms of reference.docx"),
				new Upload("budget.xlsx", xlsx(), FileTypes.XLSX, "budget.xlsx"),
				new Upload("notes.odt", odt(), FileTypes.ODT, "notes.odt"),
				new Upload("buying-office.png", png(), FileTypes.PNG, "buying-office.png"),
				new Upload("sorting-table.jpeg", jpeg(), FileTypes.JPEG, "sorting-table.jpg"),
				// the content decides, not the name; folders are dropped, other letters kept
				new Upload("photo.pdf", png(), FileTypes.PNG, "photo.png"),
				new Upload("..\\..\\Windows\\rapport d'évaluation.pdf", pdf(), FileTypes.PDF,
						"rapport d'évaluation.pdf"));

		for (Upload upload : uploads) {
			this.mvc.perform(attach(id, upload.name(), upload.content()))
				.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"));
		}
		List<RequestAttachments.Listed> listed = this.attachments.listFor(id);
		assertThat(listed).extracting(RequestAttachments.Listed::mediaType)
			.containsExactlyElementsOf(uploads.stream().map(Upload::type).toList());
		assertThat(listed).extracting(RequestAttachments.Listed::fileName)
			.containsExactlyElementsOf(uploads.stream().map(Upload::storedName).toList());
		Document page = html(this.mvc.perform(get("/requests/drafts/{id}/attachments", id).with(official()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.select("table td:first-child").eachText())
			.containsExactlyElementsOf(uploads.stream().map(Upload::storedName).toList());

		String reference = this.drafts.submit(id, version(id), account(OFFICIAL)).value();
		for (int i = 0; i < uploads.size(); i++) {
			Upload upload = uploads.get(i);
			MockHttpServletResponse download = this.mvc
				.perform(get("/requests/{ref}/attachments/{aid}", reference, listed.get(i).id()).with(official()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			ContentDisposition disposition = ContentDisposition
				.parse(download.getHeader(HttpHeaders.CONTENT_DISPOSITION));
			assertThat(disposition.isAttachment()).as("%s is a download", upload.name()).isTrue();
			assertThat(disposition.getFilename()).isEqualTo(upload.storedName());
			assertThat(download.getContentType()).isEqualTo(upload.type());
			assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(download.getContentAsByteArray()).as("the bytes of %s", upload.name())
				.isEqualTo(upload.content());
		}
	}

	@Test
	void aFileThatIsNotWhatItsNameSaysIsRefusedAndTheDraftStaysAsItWas() throws Exception {
		long id = aCompleteDraft();
		this.mvc.perform(attach(id, "kept.pdf", pdf())).andExpect(status().is3xxRedirection());
		Map<String, Object> before = this.jdbc
			.queryForMap("select version, updated_at, step_reached from assistance_request where id = ?", id);

		Map<String, byte[]> impostors = new LinkedHashMap<>();
		impostors.put("report.pdf", "This is plain text, whatever the name says.".getBytes(StandardCharsets.UTF_8));
		impostors.put("page.pdf", "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
		impostors.put("letter.docx", zip(Map.of("readme.txt", "Not an office document.")));
		impostors.put("picture.png", "GIF89a not a PNG at all".getBytes(StandardCharsets.US_ASCII));
		impostors.put("<img src=x onerror=alert(3)>.pdf", "still just text".getBytes(StandardCharsets.UTF_8));

		for (Map.Entry<String, byte[]> impostor : impostors.entrySet()) {
			MvcResult result = refused(id, attach(id, impostor.getKey(), impostor.getValue()),
					"request.attachment.wrongType");
			assertThat(result.getModelAndView().getModel()).containsEntry("rejectedName", impostor.getKey());
			Document page = onlyText(result);
			assertThat(page.getElementById("file-error").text()).as(impostor.getKey())
				.contains(impostor.getKey())
				.contains(message("request.attachment.wrongType", result));
			assertThat(page.select("img[onerror]")).isEmpty();
		}

		assertThat(this.attachments.listFor(id)).extracting(RequestAttachments.Listed::fileName)
			.containsExactly("kept.pdf");
		assertThat(this.jdbc.queryForMap("select version, updated_at, step_reached from assistance_request where id = ?",
				id))
			.isEqualTo(before);
	}

	@Test
	void anEmptyFileIsRefusedAndSoIsAnUploadWithoutAFile() throws Exception {
		long id = aCompleteDraft();
		long versionBefore = version(id);

		refused(id, attach(id, "empty.pdf", new byte[0]), "request.attachment.empty");
		refused(id, attach(id, "", new byte[0]), "request.attachment.none");
		refused(id, multipart("/requests/drafts/{id}/attachments", id).with(csrf()).with(official()),
				"request.attachment.none");

		assertThat(this.attachments.countByRequestId(id)).isZero();
		assertThat(version(id)).isEqualTo(versionBefore);
	}

	@Test
	void aRequestTakesTenFilesAndRefusesTheEleventh() throws Exception {
		long id = aCompleteDraft();
		byte[] image = png();
		for (int i = 1; i <= RequestDrafts.MAX_ATTACHMENTS; i++) {
			this.mvc.perform(attach(id, "photo-" + i + ".png", image))
				.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"));
		}

		MvcResult eleventh = refused(id, attach(id, "photo-11.png", image), "request.attachment.tooMany");

		assertThat(html(eleventh).getElementById("file-error").text())
			.contains(message("request.attachment.tooMany", eleventh));
		assertThat(this.attachments.countByRequestId(id)).isEqualTo(10);
	}

	@Test
	void aFileLargerThanTenMegabytesIsRefused() throws Exception {
		long id = aCompleteDraft();
		byte[] large = new byte[(int) RequestDrafts.MAX_FILE_BYTES + 1];
		byte[] header = pdf();
		System.arraycopy(header, 0, large, 0, header.length);

		refused(id, attach(id, "scan.pdf", large), "request.attachment.tooLarge");
		assertThat(this.attachments.countByRequestId(id)).isZero();
	}

	// --- helpers -------------------------------------------------------------------------------

	record Upload(String name, byte[] content, String type, String storedName) {
	}

	private AccountUser account(String email) {
		return (AccountUser) this.users.loadUserByUsername(email);
	}

	/**
	 * A refused upload sends the person back to the attachments step (PRG), where the message shows
	 * next to the field; returns that page.
	 */
	private MvcResult refused(long id, RequestBuilder upload, String messageKey) throws Exception {
		MvcResult refusal = this.mvc.perform(upload)
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"))
			.andExpect(flash().attribute("fileError", messageKey))
			.andReturn();
		return this.mvc
			.perform(get("/requests/drafts/{id}/attachments", id).with(official()).flashAttrs(refusal.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/attachments"))
			.andExpect(model().attribute("fileError", messageKey))
			.andReturn();
	}

	private RequestPostProcessor official() {
		return as(OFFICIAL);
	}

	private RequestPostProcessor as(String email) {
		return signedIn(this.users.loadUserByUsername(email));
	}

	private long aDraftAtStepTwo() {
		return this.drafts.start(account(OFFICIAL),
				new WhoIsAsking("SL", List.of("SL"), "Fatmata Koroma", null, "focal@example.org", null));
	}

	private long aCompleteDraft() {
		AccountUser official = account(OFFICIAL);
		long id = aDraftAtStepTwo();
		this.drafts.save(id, official, new TheNeed("Files for the valuation training " + System.nanoTime(),
				"Valuers lack practice.", "Train valuers.", "Better valuations.", null, null, null, null));
		this.drafts.save(id, official,
				new ExpertiseWanted(List.of("VALUATION"), "VALUATION", List.of(Modality.WORKSHOP)));
		this.drafts.save(id, official,
				new Practicalities(List.of("en"), null, null, null, Urgency.ROUTINE, null, null, Funding.IN_KIND));
		this.drafts.attachmentsReviewed(id, official);
		return id;
	}

	private long version(long id) {
		return this.requests.findById(id).orElseThrow().getVersion();
	}

	private RequestBuilder attach(long id, String name, byte[] content) {
		return multipart("/requests/drafts/{id}/attachments", id)
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.with(csrf())
			.with(official());
	}

	/** A step's form as a browser posts it; a group of boxes with none ticked sends nothing. */
	private static MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request,
			Map<String, List<String>> answers) {
		request.with(csrf());
		answers.forEach((name, values) -> {
			if (!values.isEmpty()) {
				request.param(name, values.toArray(String[]::new));
			}
		});
		return request;
	}

	private void assertFieldError(MvcResult result, String form, String field, String code) throws Exception {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + form);
		assertThat(errors).as("the form's checks").isNotNull();
		List<FieldError> fieldErrors = errors.getFieldErrors(field);
		assertThat(fieldErrors).extracting(FieldError::getCode).as("the error codes of %s", field).contains(code);
		FieldError error = fieldErrors.stream().filter(e -> code.equals(e.getCode())).findFirst().orElseThrow();
		String message = this.messages.getMessage(error, result.getResponse().getLocale());

		Document page = html(result);
		Element input = page.getElementById(field);
		assertThat(input).as("the field %s on the page", field).isNotNull();
		Element container = input.hasClass("field") ? input : input.closest(".field");
		assertThat(container.hasClass("field-error")).as("%s is marked as wrong", field).isTrue();
		assertThat(container.select(".error-message").text()).as("the message beside %s", field).contains(message);
		assertThat(page.select(".error-summary a[href='#" + field + "']").eachText()).as("the summary")
			.contains(message);
	}

	private String message(String key, MvcResult result) {
		return this.messages.getMessage(key, null, result.getResponse().getLocale());
	}

	/** What the page shows in a field: the ticked boxes, the chosen option, or the text. */
	private static List<String> shown(Document page, String name) {
		Elements boxes = page.select("input[type=checkbox][name=" + name + "]");
		if (!boxes.isEmpty()) {
			return boxes.stream().filter(box -> box.hasAttr("checked")).map(Element::val).toList();
		}
		Element select = page.selectFirst("select[name=" + name + "]");
		if (select != null) {
			return select.select("option[selected]").eachAttr("value").stream().filter(v -> !v.isEmpty()).toList();
		}
		Element textarea = page.selectFirst("textarea[name=" + name + "]");
		if (textarea != null) {
			return List.of(textarea.wholeText());
		}
		Element input = page.selectFirst("input[name=" + name + "]");
		assertThat(input).as("a field named %s", name).isNotNull();
		return List.of(input.val());
	}

	/**
	 * Of what was typed, what a field can show: text as typed, a number field only a number, and of
	 * choices those it offers, unless the answer could not be read as choices at all.
	 */
	private static List<String> showable(Document page, String name, List<String> typed, String code) {
		List<String> offered = new ArrayList<>();
		page.select("input[type=checkbox][name=" + name + "]").forEach(box -> offered.add(box.val()));
		page.select("select[name=" + name + "] option").forEach(option -> offered.add(option.val()));
		if (offered.isEmpty()) {
			String text = typed.isEmpty() ? "" : typed.get(0);
			boolean numberField = !page.select("input[type=number][name=" + name + "]").isEmpty();
			return List.of(numberField && !text.matches("-?\\d+") ? "" : text);
		}
		if ("typeMismatch".equals(code)) {
			return List.of();
		}
		return typed.stream().filter(value -> !value.isEmpty() && offered.contains(value)).toList();
	}

	private static Document html(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** The page, after checking that nothing typed became markup on it. */
	private static Document onlyText(MvcResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		assertThat(body).as("the page's source").doesNotContain(SCRIPT).doesNotContain("<img src=x");
		Document page = Jsoup.parse(body);
		assertThat(page.select("script").stream().map(Element::data)).noneMatch(code -> code.contains("alert"));
		assertThat(page.select("[onerror], [onload], [onclick]")).isEmpty();
		return page;
	}

	// --- files of each accepted kind, made here ------------------------------------------------

	static byte[] pdf() {
		String pdf = """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""";
		return pdf.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] docx() throws IOException {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", contentTypes("/word/document.xml",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
		parts.put("_rels/.rels", relationships("word/document.xml"));
		parts.put("word/document.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
				<w:body><w:p><w:r><w:t>Terms of reference</w:t></w:r></w:p></w:body></w:document>
				""");
		return zip(parts);
	}

	static byte[] xlsx() throws IOException {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", contentTypes("/xl/workbook.xml",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
		parts.put("_rels/.rels", relationships("xl/workbook.xml"));
		parts.put("xl/workbook.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>
				""");
		return zip(parts);
	}

	private static String contentTypes(String part, String type) {
		return """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				<Default Extension="xml" ContentType="application/xml"/>
				<Override PartName="%s" ContentType="%s"/>
				</Types>
				""".formatted(part, type);
	}

	private static String relationships(String target) {
		return """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId1" Target="%s"
				 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
				</Relationships>
				""".formatted(target);
	}

	/** An OpenDocument text: its first entry is the stored, uncompressed {@code mimetype}. */
	static byte[] odt() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			byte[] mimetype = FileTypes.ODT.getBytes(StandardCharsets.US_ASCII);
			ZipEntry first = new ZipEntry("mimetype");
			first.setMethod(ZipEntry.STORED);
			first.setSize(mimetype.length);
			first.setCompressedSize(mimetype.length);
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			first.setCrc(crc.getValue());
			zip.putNextEntry(first);
			zip.write(mimetype);
			zip.closeEntry();
			write(zip, "META-INF/manifest.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
					<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
					<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
					</manifest:manifest>
					""");
			write(zip, "content.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
					 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
					<office:body><office:text><text:p>Notes of the review visit</text:p></office:text></office:body>
					</office:document-content>
					""");
		}
		return bytes.toByteArray();
	}

	static byte[] zip(Map<String, String> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				write(zip, entry.getKey(), entry.getValue());
			}
		}
		return bytes.toByteArray();
	}

	private static void write(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	static byte[] png() throws IOException {
		return image("png", BufferedImage.TYPE_INT_ARGB);
	}

	static byte[] jpeg() throws IOException {
		return image("jpg", BufferedImage.TYPE_INT_RGB);
	}

	private static byte[] image(String format, int type) throws IOException {
		BufferedImage image = new BufferedImage(16, 12, type);
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				image.setRGB(x, y, new Color(20 * x % 256, 20 * y % 256, 120).getRGB());
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, bytes)).as("a %s writer", format).isTrue();
		return bytes.toByteArray();
	}
}
