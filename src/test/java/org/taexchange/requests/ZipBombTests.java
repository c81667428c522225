package org.taexchange.requests;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An office file is recognised from the names of its parts, read without inflating them: a few
 * megabytes that would inflate to gigabytes are refused at once.
 */
class ZipBombTests {

	private static final int MEGABYTE = 1024 * 1024;

	private final FileTypes types = new FileTypes();

	@Test
	void anOfficeFileThatWouldInflateToGigabytesIsRefusedWithoutBeingInflated() throws Exception {
		// twice 4000 MB of zeros hidden before the part that makes it a Word document
		byte[] bomb = officeFile(4000);
		assertThat(bomb.length).as("the upload").isLessThan(10 * MEGABYTE);

		// inflating 8000 MB takes several seconds even on a fast machine; reading the names, milliseconds
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThat(this.types.acceptedTypeOf(bomb)).as("type of the bomb").isEmpty());
	}

	@Test
	void realOfficeFilesAreStillRecognisedFromTheirParts() throws Exception {
		assertThat(this.types.acceptedTypeOf(zip("[Content_Types].xml", "word/document.xml")))
			.contains(FileTypes.DOCX);
		assertThat(this.types.acceptedTypeOf(zip("[Content_Types].xml", "xl/workbook.xml"))).contains(FileTypes.XLSX);
		assertThat(this.types.acceptedTypeOf(zip("[Content_Types].xml", "ppt/presentation.xml"))).isEmpty();
		assertThat(this.types.acceptedTypeOf(zip("readme.txt"))).isEmpty();
		byte[] truncated = Arrays.copyOf(zip("[Content_Types].xml", "word/document.xml"), 60);
		assertThat(this.types.acceptedTypeOf(truncated)).isEmpty();
	}

	private static byte[] zip(String... names) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * A Word document whose two parts after the content types inflate to the given number of
	 * megabytes of zeros each. The deflated data is one megabyte of zeros compressed after a full flush,
	 * which makes the same bytes each time, repeated: building it costs no inflating or deflating of
	 * gigabytes.
	 */
	private static byte[] officeFile(int megabytes) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		byte[] zeros = new byte[MEGABYTE];
		byte[] buffer = new byte[64 * 1024];
		deflater.setInput(zeros);
		byte[] megabyte = drain(deflater, buffer, Deflater.FULL_FLUSH);
		deflater.setInput(zeros);
		byte[] again = drain(deflater, buffer, Deflater.FULL_FLUSH);
		assertThat(again).as("a flushed megabyte of zeros deflates the same each time").isEqualTo(megabyte);
		deflater.finish();
		byte[] end = drain(deflater, buffer, Deflater.NO_FLUSH);
		deflater.end();

		ByteArrayOutputStream data = new ByteArrayOutputStream();
		for (int i = 0; i < megabytes; i++) {
			data.writeBytes(megabyte);
		}
		data.writeBytes(end);
		CRC32 crc = new CRC32();
		for (int i = 0; i < megabytes; i++) {
			crc.update(zeros);
		}

		List<Part> parts = new ArrayList<>();
		byte[] types = "<Types/>".getBytes(StandardCharsets.UTF_8);
		parts.add(Part.stored("[Content_Types].xml", types));
		byte[] deflated = data.toByteArray();
		for (String name : List.of("word/media/zeros.bin", "word/media/more-zeros.bin")) {
			parts.add(new Part(name, 8, deflated, (long) megabytes * MEGABYTE, crc.getValue()));
		}
		parts.add(Part.stored("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8)));
		return Part.zip(parts);
	}

	private static byte[] drain(Deflater deflater, byte[] buffer, int flush) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, flush);
			out.write(buffer, 0, n);
		}
		while (n == buffer.length || (flush == Deflater.NO_FLUSH && !deflater.finished()));
		return out.toByteArray();
	}

	/** One part of a ZIP file as written byte by byte: local header, data, and its central directory record. */
	private record Part(String name, int method, byte[] data, long size, long crc) {

		static Part stored(String name, byte[] content) {
			CRC32 crc = new CRC32();
			crc.update(content);
			return new Part(name, 0, content, content.length, crc.getValue());
		}

		static byte[] zip(List<Part> parts) {
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			ByteArrayOutputStream directory = new ByteArrayOutputStream();
			for (Part part : parts) {
				int offset = file.size();
				byte[] name = part.name().getBytes(StandardCharsets.UTF_8);
				file.writeBytes(le(0x04034b50, 4, 20, 2, 0, 2, part.method(), 2, 0, 2, 0, 2, part.crc(), 4,
						part.data().length, 4, part.size(), 4, name.length, 2, 0, 2));
				file.writeBytes(name);
				file.writeBytes(part.data());
				directory.writeBytes(le(0x02014b50, 4, 20, 2, 20, 2, 0, 2, part.method(), 2, 0, 2, 0, 2, part.crc(), 4,
						part.data().length, 4, part.size(), 4, name.length, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 4, offset, 4));
				directory.writeBytes(name);
			}
			int directoryOffset = file.size();
			file.writeBytes(directory.toByteArray());
			file.writeBytes(le(0x06054b50, 4, 0, 2, 0, 2, parts.size(), 2, parts.size(), 2, directory.size(), 4,
					directoryOffset, 4, 0, 2));
			return file.toByteArray();
		}

		/** Values and their widths in bytes, little-endian. */
		private static byte[] le(long... valuesAndWidths) {
			ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < valuesAndWidths.length; i += 2) {
				long value = valuesAndWidths[i];
				if (valuesAndWidths[i + 1] == 4) {
					buffer.putInt((int) value);
				}
				else {
					buffer.putShort((short) value);
				}
			}
			return Arrays.copyOf(buffer.array(), buffer.position());
		}
	}
}
