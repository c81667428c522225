package org.taexchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The TA Exchange portal: one Spring Modulith application, one top-level package per module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TaExchangeApplication {

	public static void main(String[] args) {
		SpringApplication.run(TaExchangeApplication.class, args);
	}
}
