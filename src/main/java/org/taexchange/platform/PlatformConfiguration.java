package org.taexchange.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Infrastructure every module relies on. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The portal's clock; tests replace it to move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
