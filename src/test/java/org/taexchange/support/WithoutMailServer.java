package org.taexchange.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test's application runs as on a fresh machine, with no SMTP server configured: no mail leaves
 * it, and the dev mailbox shows what would have been sent. Every other test context is pointed at
 * {@link TestMailServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithoutMailServer {
}
