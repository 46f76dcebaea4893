package th.qaflow.documents;

import java.time.Instant;

/**
 * One audit row: who did what to which version, and the SHA-256 of the content as it was re-read at
 * that moment (so an approval provably concerns exactly these bytes). Process and task ids may be
 * null.
 */
public record DocumentEvent(
    String versionId,
    int version,
    DocumentEventKind kind,
    String sha256,
    String userId,
    Instant at,
    String processInstanceId,
    String taskId) {}
