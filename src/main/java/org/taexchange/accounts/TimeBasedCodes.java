package org.taexchange.accounts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
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
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, six digits, 30-second steps), the address and QR
 * code that set up an app, and recovery codes.
 *
 * <p>
 * The accepted window: a code of the current 30-second step, of the step before or of the step after
 * is accepted (clocks a little apart), so a code read at the start of its step is accepted for at most
 * 90 seconds. Each code is accepted once: {@link AuthenticatorApp#use} refuses the step last accepted
 * and every earlier one, so once a code is used, no code of its step or an older one works again.
 */
final class TimeBasedCodes {

	static final int PERIOD_SECONDS = 30;

	private static final int DIGITS = 6;

	private static final String ISSUER = "TA Exchange";

	static final int RECOVERY_CODES = 10;

	/** 32 letters and digits, 5 bits each; none that reads like another (0 and o, 1 and l). */
	static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	static final int RECOVERY_CODE_LENGTH = 16;

	static final int RECOVERY_LOOKUP_LENGTH = 4;

	private static final SecureRandom RANDOM = new SecureRandom();

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

	/**
	 * Ten new recovery codes, as the person writes them down: four groups of four letters and digits
	 * ({@value #RECOVERY_ALPHABET}: no 0/o, 1/l to mix up), 80 random bits. The first group is the
	 * code's lookup, different for each of the ten, which finds the one stored code to check; the
	 * whole code is kept only as a salted Argon2 hash.
	 */
	static List<String> newRecoveryCodes() {
		Set<String> lookups = new HashSet<>();
		List<String> codes = new ArrayList<>();
		while (codes.size() < RECOVERY_CODES) {
			String code = randomLetters(RECOVERY_CODE_LENGTH);
			if (lookups.add(recoveryLookupOf(code))) {
				codes.add(code.replaceAll("(.{4})(?=.)", "$1-"));
			}
		}
		return codes;
	}

	/** A recovery code as typed, made comparable: its letters and digits, in lower case. */
	static String normalisedRecoveryCode(String typed) {
		return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	/** The lookup of a normalised recovery code (its first group), or {@code null} if it is not one. */
	static String recoveryLookupOf(String normalised) {
		return normalised.length() == RECOVERY_CODE_LENGTH ? normalised.substring(0, RECOVERY_LOOKUP_LENGTH) : null;
	}

	/**
	 * What was stored of a recovery code before they had a lookup (V17 to V21): the unsalted SHA-256
	 * of its normalised letters and digits. Such codes are still accepted, each once.
	 */
	static String legacyRecoveryCodeHash(String normalised) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomLetters(int length) {
		StringBuilder letters = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			letters.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return letters.toString();
	}
}
