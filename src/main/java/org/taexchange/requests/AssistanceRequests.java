package org.taexchange.requests;

import org.springframework.data.jpa.repository.JpaRepository;

/** All requests, drafts included. */
interface AssistanceRequests extends JpaRepository<AssistanceRequest, Long> {
}
