package org.taexchange.requests;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file attached to a request, kept in the database with the type recognised from its content.
 * The content is loaded only when the file is downloaded.
 */
@Entity
@Table(name = "request_attachment")
class RequestAttachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long requestId;

	private String fileName;

	private String mediaType;

	private long sizeBytes;

	@Basic(fetch = FetchType.LAZY)
	private byte[] content;

	private Instant uploadedAt;

	private Long uploadedBy;

	protected RequestAttachment() {
	}

	RequestAttachment(long requestId, String fileName, String mediaType, byte[] content, long uploadedBy,
			Instant uploadedAt) {
		this.requestId = requestId;
		this.fileName = fileName;
		this.mediaType = mediaType;
		this.content = content;
		this.sizeBytes = content.length;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	Long getId() {
		return this.id;
	}

	Long getRequestId() {
		return this.requestId;
	}

	String getFileName() {
		return this.fileName;
	}

	String getMediaType() {
		return this.mediaType;
	}

	long getSizeBytes() {
		return this.sizeBytes;
	}

	byte[] getContent() {
		return this.content;
	}
}
