package org.taexchange.requests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The files attached to requests. Lists never load the files' content. */
interface RequestAttachments extends JpaRepository<RequestAttachment, Long> {

	@Query("""
			select new org.taexchange.requests.RequestAttachments$Listed(a.id, a.fileName, a.mediaType, a.sizeBytes, a.uploadedAt)
			from RequestAttachment a where a.requestId = :requestId order by a.uploadedAt, a.id""")
	List<Listed> listFor(long requestId);

	long countByRequestId(long requestId);

	Optional<RequestAttachment> findByIdAndRequestId(long id, long requestId);

	/** An attachment as a list shows it. */
	record Listed(long id, String fileName, String mediaType, long sizeBytes, Instant uploadedAt) {

		/** The size for people: kilobytes below a megabyte, else megabytes with one decimal. */
		public String size() {
			return this.sizeBytes < 1024 * 1024 ? Math.max(1, Math.round(this.sizeBytes / 1024.0)) + " KB"
					: String.format(java.util.Locale.ROOT, "%.1f MB", this.sizeBytes / (1024.0 * 1024));
		}
	}
}
