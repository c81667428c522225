package org.taexchange.platform;

/**
 * Implemented by a module that sends mail: how many of its mails were given up (refused for good, or
 * failed too often). The admin home shows their sum.
 */
public interface UndeliveredMails {

	long undelivered();
}
