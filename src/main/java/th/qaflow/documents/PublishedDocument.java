package th.qaflow.documents;

import java.time.Instant;

/**
 * A district's version published to the district's schools ({@link
 * DocumentEventKind#PUBLISHED_TO_SCHOOLS}): the version, when and by whom it was published.
 */
public record PublishedDocument(DocumentVersion version, Instant publishedAt, String publishedBy) {}
