package org.taexchange.requests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;

import org.springframework.stereotype.Component;

/**
 * Recognises the type of an uploaded file from its content, never from its name or the type the
 * browser claims. Office Open XML files are ZIP containers: which one a file is shows from the parts
 * it holds.
 */
@Component
class FileTypes {

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String ODT = "application/vnd.oasis.opendocument.text";

	static final String PNG = "image/png";

	static final String JPEG = "image/jpeg";

	/** The accepted types and the extension a downloaded file gets. */
	static final Map<String, String> ACCEPTED = Map.of(PDF, "pdf", DOCX, "docx", XLSX, "xlsx", ODT, "odt", PNG, "png",
			JPEG, "jpg");

	private static final int MAX_ZIP_ENTRIES = 2000;

	private final Tika tika = new Tika();

	/** The accepted type of this content, or empty when it is none of them. */
	Optional<String> acceptedTypeOf(byte[] content) {
		String detected = this.tika.detect(content);
		if ("application/x-tika-ooxml".equals(detected) || "application/zip".equals(detected)) {
			detected = officeTypeOf(content);
		}
		return ACCEPTED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
	}

	private static String officeTypeOf(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int seen = 0;
			while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES) {
				if (entry.getName().equals("word/document.xml")) {
					return DOCX;
				}
				if (entry.getName().equals("xl/workbook.xml")) {
					return XLSX;
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// not a readable ZIP: not an office file either
		}
		return "application/octet-stream";
	}
}
