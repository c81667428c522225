package org.taexchange.support;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * The authenticator app of a test: codes computed from a secret (RFC 6238, 30-second steps, six
 * digits), as the person's phone would show them. The portal accepts each code once, so the codes
 * this app hands out in a run never repeat: a step already used gives way to the next, and when the
 * next is too far ahead (the portal accepts the current step, one before and one after) the app
 * waits until the clock gets there.
 */
public final class AuthenticatorCodes {

	/** The secret the demo admin and coordinator were given (demo data, README). */
	public static final String DEMO_SECRET = "KIMBERLEYDEMOSTAFFSECRETTOTPABCD";

	private static final Map<String, Long> lastStepHandedOut = new ConcurrentHashMap<>();

	private AuthenticatorCodes() {
	}

	/** The code of a time step. */
	public static String code(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static long currentStep() {
		return Instant.now().getEpochSecond() / 30;
	}

	/** A code the portal has not accepted before in this run: of the current step, or the next one. */
	public static synchronized String unusedCode(String secret) {
		long step = Math.max(currentStep(), lastStepHandedOut.getOrDefault(secret, 0L) + 1);
		while (step > currentStep() + 1) {
			waitForTheNextStep();
		}
		lastStepHandedOut.put(secret, step);
		return code(secret, step);
	}

	private static void waitForTheNextStep() {
		long untilNextStep = 30_000 - (Instant.now().toEpochMilli() % 30_000) + 50;
		try {
			Thread.sleep(untilNextStep);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
