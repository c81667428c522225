package org.taexchange.requests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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

	/** What the parts of an accepted office file may add up to once inflated (an upload is 10 MB at most). */
	private static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;

	private static final String UNKNOWN = "application/octet-stream";

	private final Tika tika = new Tika();

	/** The accepted type of this content, or empty when it is none of them. */
	Optional<String> acceptedTypeOf(byte[] content) {
		String detected = this.tika.detect(content);
		if ("application/x-tika-ooxml".equals(detected) || "application/zip".equals(detected)) {
			detected = officeTypeOf(content);
		}
		return ACCEPTED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
	}

	/**
	 * Which office file a ZIP container is, from the names in its central directory. Nothing is
	 * inflated (java.util.zip.ZipFile reads the directory at the end of the file), so a small upload
	 * that would inflate to gigabytes costs no more than reading its list of names; such a file
	 * declares its sizes there and is refused.
	 */
	private static String officeTypeOf(byte[] content) {
		Path file = null;
		try {
			file = Files.createTempFile("upload-", ".zip");
			Files.write(file, content);
			try (ZipFile zip = new ZipFile(file.toFile())) {
				if (zip.size() > MAX_ZIP_ENTRIES) {
					return UNKNOWN;
				}
				String type = UNKNOWN;
				long inflated = 0;
				for (ZipEntry entry : Collections.list(zip.entries())) {
					inflated += Math.max(entry.getSize(), 0);
					if (entry.getName().equals("word/document.xml")) {
						type = DOCX;
					}
					else if (entry.getName().equals("xl/workbook.xml") && type.equals(UNKNOWN)) {
						type = XLSX;
					}
				}
				return inflated > MAX_INFLATED_BYTES ? UNKNOWN : type;
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// not a readable ZIP: not an office file either
			return UNKNOWN;
		}
		finally {
			if (file != null) {
				file.toFile().delete();
			}
		}
	}
}
