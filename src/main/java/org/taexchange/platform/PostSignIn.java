package org.taexchange.platform;

/**
 * Where a person goes after signing in when a page asked for it before they had an account: a
 * module puts the address in the session under {@link #CONTINUE_AT}, and the landing page sends
 * the person there once (after registering and confirming their address too).
 */
public final class PostSignIn {

	public static final String CONTINUE_AT = PostSignIn.class.getName() + ".continueAt";

	private PostSignIn() {
	}
}
