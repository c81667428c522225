package org.taexchange.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.offers.OfferProfile;
import org.taexchange.offers.OfferSupply;
import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationSummary;
import org.taexchange.requests.RequestProfile;
import org.taexchange.requests.RequestsForMatching;

/**
 * Reads what a matching run needs in a fixed number of statements, whatever the number of requests and
 * offers: the requests, the offers, the organisations, the participants' regions and the providers'
 * records, each in one query.
 */
@Component
class MatchingData {

	private final RequestsForMatching requests;

	private final OfferSupply offers;

	private final Directory directory;

	private final Matches matches;

	private final MatchingSettings settings;

	MatchingData(RequestsForMatching requests, OfferSupply offers, Directory directory, Matches matches,
			MatchingSettings settings) {
		this.requests = requests;
		this.offers = offers;
		this.directory = directory;
		this.matches = matches;
		this.settings = settings;
	}

	/** Everything read for one run, turned into the scoring's form. */
	record Run(Vocabulary words, Map<Long, OrganisationSummary> organisations, Map<Long, ProviderRecord> records,
			Scoring scoring) {

		Demand demand(RequestProfile request) {
			return new Demand(request, this.words);
		}

		Supply supply(OfferProfile offer) {
			OrganisationSummary organisation = this.organisations.get(offer.organisationId());
			return new Supply(offer, organisation == null ? null : organisation.participantCode(), this.words);
		}

		ProviderRecord record(long organisationId) {
			return this.records.getOrDefault(organisationId, ProviderRecord.NONE);
		}

		Assessment assess(Demand demand, Supply supply) {
			return this.scoring.assess(demand, supply, record(supply.organisationId()));
		}

		String organisationName(long organisationId) {
			OrganisationSummary organisation = this.organisations.get(organisationId);
			return organisation == null ? "" : organisation.label();
		}
	}

	@Transactional(readOnly = true)
	Run run() {
		return new Run(new Vocabulary(this.directory.participantRegions()), this.directory.organisationsById(),
				providerRecords(), new Scoring(this.settings.weights()));
	}

	@Transactional(readOnly = true)
	List<OfferProfile> openOffers() {
		return this.offers.openForMatching();
	}

	@Transactional(readOnly = true)
	List<RequestProfile> openRequests() {
		return this.requests.openForMatching();
	}

	@Transactional(readOnly = true)
	RequestProfile request(long id) {
		return this.requests.profile(id).orElseThrow(() -> new org.taexchange.platform.NotFound("request"));
	}

	@Transactional(readOnly = true)
	OfferProfile offer(long id) {
		return this.offers.profile(id).orElseThrow(() -> new org.taexchange.platform.NotFound("offer"));
	}

	private Map<Long, ProviderRecord> providerRecords() {
		Map<Long, ProviderRecord> records = new HashMap<>();
		for (Object[] row : this.matches.providerRecords()) {
			records.put((Long) row[0], new ProviderRecord(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
		}
		return records;
	}
}
