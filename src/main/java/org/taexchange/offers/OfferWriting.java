package org.taexchange.offers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Role;
import org.taexchange.accounts.Standing;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.ReferenceCounter;
import org.taexchange.platform.Versions;

/**
 * A provider's side of offers: write a draft for their organisation, submit it for vetting, edit,
 * pause, resume and withdraw it. Providers only ever see and change their own organisation's
 * offers; for anyone else they do not exist.
 */
@Service
class OfferWriting {

	private final Offers offers;

	private final ReferenceCounter counter;

	private final Standing standing;

	private final Clock clock;

	OfferWriting(Offers offers, ReferenceCounter counter, Standing standing, Clock clock) {
		this.offers = offers;
		this.counter = counter;
		this.standing = standing;
		this.clock = clock;
	}

	@Transactional
	long start(AccountUser provider, OfferContent content) {
		if (provider.role() != Role.PROVIDER || provider.organisationId() == null) {
			throw new NotAProvider();
		}
		if (!this.standing.mayStartDraft(provider.id(),
				this.offers.countByOwnerIdAndStatus(provider.id(), OfferStatus.DRAFT))) {
			throw new DraftLimitReached();
		}
		return this.offers.save(Offer.draft(provider.organisationId(), provider.id(), content, this.clock)).getId();
	}

	/** An offer of the provider's organisation, with its timeline. */
	@Transactional(readOnly = true)
	Offer own(long id, AccountUser provider) {
		Offer offer = find(id, provider);
		offer.getTimelineForReading().size();
		return offer;
	}

	/**
	 * The organisation's offers, most recently changed first; for a provider not approved yet, only
	 * the drafts they wrote themselves.
	 */
	@Transactional(readOnly = true)
	List<Offer> ofOrganisation(AccountUser provider) {
		if (provider.role() != Role.PROVIDER || provider.organisationId() == null) {
			throw new NotAProvider();
		}
		if (!this.standing.maySeeOrganisation(provider, provider.organisationId())) {
			return this.offers.findByOwnerIdAndStatusOrderByUpdatedAtDesc(provider.id(), OfferStatus.DRAFT);
		}
		return this.offers.findByOrganisationIdOrderByUpdatedAtDesc(provider.organisationId());
	}

	@Transactional
	void save(long id, long shownVersion, AccountUser provider, OfferContent content) {
		Offer offer = current(id, shownVersion, provider);
		offer.describe(content, provider.getUsername(), this.clock);
		this.offers.saveAndFlush(offer);
	}

	/** Sends the offer for vetting; sending it again changes nothing. */
	@Transactional
	OfferReference submit(long id, long shownVersion, AccountUser provider) {
		Offer offer = find(id, provider);
		if (offer.getStatus() == OfferStatus.SUBMITTED) {
			return new OfferReference(offer.getReference());
		}
		if (!this.standing.maySubmit(provider.id())) {
			throw new NotYetApproved();
		}
		Versions.requireUnchanged(Offer.class, id, offer.getVersion(), shownVersion);
		int year = LocalDate.now(this.clock).getYear();
		OfferReference reference = offer.getReference() != null ? new OfferReference(offer.getReference())
				: OfferReference.of(year, this.counter.next("OF", year));
		offer.submit(reference, provider.getUsername(), this.clock);
		this.offers.saveAndFlush(offer);
		return reference;
	}

	@Transactional
	void pause(long id, long shownVersion, AccountUser provider) {
		Offer offer = current(id, shownVersion, provider);
		offer.pause(provider.getUsername(), this.clock);
		this.offers.saveAndFlush(offer);
	}

	@Transactional
	void resume(long id, long shownVersion, AccountUser provider) {
		Offer offer = current(id, shownVersion, provider);
		offer.resume(provider.getUsername(), this.clock);
		this.offers.saveAndFlush(offer);
	}

	/** Ends the offer; a draft, which nobody else has seen, is deleted. Returns whether it was deleted. */
	@Transactional
	boolean withdraw(long id, long shownVersion, AccountUser provider) {
		Offer offer = current(id, shownVersion, provider);
		if (offer.getStatus() == OfferStatus.DRAFT) {
			this.offers.delete(offer);
			return true;
		}
		offer.withdraw(provider.getUsername(), this.clock);
		this.offers.saveAndFlush(offer);
		return false;
	}

	private Offer current(long id, long shownVersion, AccountUser provider) {
		Offer offer = find(id, provider);
		Versions.requireUnchanged(Offer.class, id, offer.getVersion(), shownVersion);
		return offer;
	}

	/**
	 * An offer this provider may change: any of their organisation's once they may act for it; before
	 * that, only a draft they wrote themselves. Anything else does not exist for them.
	 */
	private Offer find(long id, AccountUser provider) {
		return this.offers.findById(id).filter(offer -> mayChange(offer, provider)).orElseThrow(() -> new NotFound("offer"));
	}

	private boolean mayChange(Offer offer, AccountUser provider) {
		if (offer.getStatus() == OfferStatus.DRAFT && provider.role() == Role.PROVIDER
				&& Objects.equals(offer.getOwnerId(), provider.id())
				&& Objects.equals(offer.getOrganisationId(), provider.organisationId())) {
			return true;
		}
		return this.standing.mayActForOrganisation(provider, offer.getOrganisationId());
	}

	/** An account not approved yet keeps only a few drafts. */
	static class DraftLimitReached extends RuntimeException {

		DraftLimitReached() {
			super("An account not approved yet keeps only a few drafts");
		}
	}

	/** Only staff of an organisation offer expertise. */
	static class NotAProvider extends RuntimeException {

		NotAProvider() {
			super("Only providers offer expertise");
		}
	}

	/** The account has not been verified and approved yet. */
	static class NotYetApproved extends RuntimeException {

		NotYetApproved() {
			super("The account is not yet approved to submit");
		}
	}
}
