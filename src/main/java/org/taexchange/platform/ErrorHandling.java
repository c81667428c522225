package org.taexchange.platform;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns refused state changes into 409 pages that tell the person what happened and what to do, and a
 * database that cannot be reached into a 503 page (within the pool's and the driver's timeouts, see
 * {@code application.properties}) that asks them to try again in a moment.
 * Not-found and forbidden answers go through the error pages under {@code templates/error}.
 */
@ControllerAdvice
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	@ExceptionHandler(IllegalTransition.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView illegalTransition(IllegalTransition ex, HttpServletRequest request) {
		log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		ModelAndView view = new ModelAndView("error/409");
		view.addObject("reason", "illegal");
		view.addObject("currentState", ex.currentState());
		view.addObject("back", pageOf(request));
		return view;
	}

	@ExceptionHandler(NotInGoodStanding.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ModelAndView notInGoodStanding(NotInGoodStanding ex, HttpServletRequest request) {
		log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		ModelAndView view = new ModelAndView("error/403");
		view.addObject("reason", "notInGoodStanding");
		return view;
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView staleChange(ObjectOptimisticLockingFailureException ex, HttpServletRequest request) {
		log.info("Stale change {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		ModelAndView view = new ModelAndView("error/409");
		view.addObject("reason", "stale");
		view.addObject("back", pageOf(request));
		return view;
	}

	/** How long a person is asked to wait before trying again while the database is out of reach, in seconds. */
	static final int RETRY_AFTER_SECONDS = 30;

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			JDBCConnectionException.class, SQLTransientConnectionException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	ModelAndView databaseOutOfReach(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		log.error("Database out of reach on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		return new ModelAndView("error/503");
	}

	/**
	 * A transaction whose connection broke under it: the rollback fails too, and its exception (not
	 * the query's) reaches here. The database is out of reach when a connection failure is among its
	 * causes; anything else is an error like any other.
	 */
	@ExceptionHandler({ TransactionSystemException.class, JpaSystemException.class })
	ModelAndView transactionFailed(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (!lostConnection(ex)) {
			throw ex;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return databaseOutOfReach(ex, request, response);
	}

	static boolean lostConnection(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// a rollback fails only when the connection under it is gone (the pool then reports it closed,
			// without an SQL state)
			boolean rollbackFailed = cause instanceof org.hibernate.TransactionException
					&& String.valueOf(cause.getMessage()).startsWith("Unable to rollback");
			if (rollbackFailed || cause instanceof JDBCConnectionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof java.net.SocketException
					|| cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
							&& sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The page that shows the current state of what was acted on: an action posted to
	 * {@code /admin/accounts/5/approve} or {@code /requests/TA-2026-0042/withdraw} is shown at
	 * {@code /admin/accounts/5} or {@code /requests/TA-2026-0042}.
	 */
	static String pageOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] segments = path.split("/");
		// an action is the last segment in lower case (approve, withdraw, start-review); ids and codes are not
		if (!"GET".equals(request.getMethod()) && segments.length > 3
				&& segments[segments.length - 1].matches("[a-z]+(-[a-z]+)*")) {
			return path.substring(0, path.lastIndexOf('/'));
		}
		return path;
	}
}
