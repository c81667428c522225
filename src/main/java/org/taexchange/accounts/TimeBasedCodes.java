package org.taexchange.accounts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, six digits, 30-second steps), the address and QR
 * code that set up an app, and recovery codes. A code of the step before or after the current one is
 * accepted too, for clocks a little apart.
 */
final class TimeBasedCodes {

	static final int PERIOD_SECONDS = 30;

	private static final int DIGITS = 6;

	private static final String ISSUER = "TA Exchange";

	private static final DefaultCodeGenerator GENERATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private TimeBasedCodes() {
	}

	/** A new random secret, base32 (160 bits). */
	static String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	static long step(Instant when) {
		return when.getEpochSecond() / PERIOD_SECONDS;
	}

	static String code(String secret, long step) {
		try {
			return GENERATOR.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("Cannot compute a code", ex);
		}
	}

	/** The time step (now, just before or just after) whose code this is, if any. */
	static OptionalLong stepOf(String secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current + 1; step >= current - 1; step--) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The otpauth:// address an authenticator app reads from the QR code. */
	static String enrolmentAddress(String secret, String email) {
		return new QrData.Builder().label(email)
			.secret(secret)
			.issuer(ISSUER)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build()
			.getUri();
	}

	/** The address as a QR code, a black-on-white PNG with a quiet zone. */
	static byte[] qrCodePng(String address) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(address, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(),
					BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot draw the QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Ten new recovery codes, as the person writes them down. */
	static String[] newRecoveryCodes() {
		return new RecoveryCodeGenerator().generateCodes(10);
	}

	/** What is stored of a recovery code: the SHA-256 of its letters and digits, lower case. */
	static String recoveryCodeHash(String code) {
		String normalised = code.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
