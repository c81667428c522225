package org.taexchange.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a link sent by mail (address verification, password reset, invitation): 256 random
 * bits, URL-safe. Only its SHA-256 is stored, so a copy of the database opens no link.
 *
 * @param value what goes into the mail, never stored
 * @param hash what is stored and looked up
 */
record OneTimeToken(String value, String hash) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static OneTimeToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new OneTimeToken(value, hash(value));
	}

	/** The SHA-256 of a token from a link, in hex, as stored. */
	static String hash(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
