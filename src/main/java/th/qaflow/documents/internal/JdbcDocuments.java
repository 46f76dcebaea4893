package th.qaflow.documents.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import th.qaflow.documents.DocumentEvent;
import th.qaflow.documents.DocumentEventKind;
import th.qaflow.documents.DocumentIntegrityException;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.documents.InvalidUploadException;
import th.qaflow.documents.PublishedDocument;
import th.qaflow.documents.UploadProblem;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.QaUser;
import th.qaflow.security.Scopes;

/**
 * Documents in three tables (V6__documents.sql). A store locks the slot's document row, so
 * concurrent uploads to one slot queue up and get consecutive versions; the unique (document,
 * version) key backs that up, and a store outside a caller's transaction retries once on a clash.
 */
@Service
class JdbcDocuments implements Documents {
  private static final String VERSION_COLUMNS =
      """
      v.id, v.document_id, v.version, d.school_code, d.academic_year, d.slot, v.filename, v.mime_type,
      v.size_bytes, v.sha256, v.uploaded_by, v.uploaded_at, d.district_code""";
  private static final int ATTEMPTS = 3;

  private final JdbcClient jdbc;
  private final TransactionTemplate inTransaction;
  private final TransactionTemplate inSavepoint;
  private final OrganisationDirectory directory;
  private final ContentInspector inspector;
  private final Scopes scopes;
  private final Clock clock;

  JdbcDocuments(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      OrganisationDirectory directory,
      @Value("${qaflow.documents.max-size:20MB}") DataSize maxSize,
      Scopes scopes,
      Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.scopes = scopes;
    this.inTransaction = new TransactionTemplate(transactions);
    // a savepoint on the caller's connection, not a new transaction: a new one needs a second
    // pooled connection,
    // and as many first uploads at once as the pool has connections then waited on each other until
    // the pool timed out
    this.inSavepoint = new TransactionTemplate(transactions);
    this.inSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.directory = directory;
    if (maxSize.toBytes() <= 0) {
      throw new IllegalArgumentException("qaflow.documents.max-size must be positive");
    }
    this.inspector = new ContentInspector(maxSize.toBytes());
  }

  @Override
  public long maxSize() {
    return inspector.maxSize();
  }

  @Override
  public Optional<UploadProblem> check(String filename, byte[] content) {
    return inspector.check(filename, content);
  }

  @Override
  public DocumentVersion store(DocumentSlot slot, String filename, byte[] content, String userId) {
    if (slot == null) {
      throw new IllegalArgumentException("No slot");
    }
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("No uploader");
    }
    inspector
        .check(filename, content)
        .ifPresent(
            p -> {
              throw new InvalidUploadException(p);
            });
    String mimeType = ContentInspector.detect(content);
    String sha256 = sha256(content);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    boolean retry = !TransactionSynchronizationManager.isActualTransactionActive();
    for (int attempt = 1; ; attempt++) {
      try {
        String documentId = documentOf(slot, now);
        return inTransaction.execute(
            status ->
                insertVersion(slot, documentId, filename, mimeType, content, sha256, userId, now));
      } catch (DuplicateKeyException clash) {
        if (!retry || attempt >= ATTEMPTS) {
          throw clash;
        }
      }
    }
  }

  private DocumentVersion insertVersion(
      DocumentSlot slot,
      String documentId,
      String filename,
      String mimeType,
      byte[] content,
      String sha256,
      String userId,
      Instant now) {
    // the row lock makes concurrent stores to one slot wait for each other
    jdbc.sql("select id from document where id = ? for update")
        .param(documentId)
        .query(String.class)
        .single();
    int version =
        jdbc.sql("select coalesce(max(version), 0) from document_version where document_id = ?")
                .param(documentId)
                .query(Integer.class)
                .single()
            + 1;
    String versionId = UUID.randomUUID().toString();
    jdbc.sql(
            """
            insert into document_version (id, document_id, version, filename, mime_type, size_bytes, sha256,
              uploaded_by, uploaded_at, content)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            versionId,
            documentId,
            version,
            filename,
            mimeType,
            (long) content.length,
            sha256,
            userId,
            Timestamp.from(now),
            content)
        .update();
    insertEvent(versionId, DocumentEventKind.UPLOADED, sha256, userId, now, null, null);
    return new DocumentVersion(
        versionId,
        documentId,
        version,
        slot.schoolCode(),
        slot.academicYear(),
        slot.slot(),
        filename,
        mimeType,
        content.length,
        sha256,
        userId,
        now,
        slot.districtCode());
  }

  /**
   * The slot's document id; the row is made behind a savepoint so a clash does not spoil the
   * caller's transaction.
   */
  private String documentOf(DocumentSlot slot, Instant now) {
    Optional<String> existing = documentId(slot);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (slot.isDistrict()
        ? directory.district(slot.districtCode()).isEmpty()
        : directory.school(slot.schoolCode()).isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown "
              + (slot.isDistrict()
                  ? "district " + slot.districtCode()
                  : "school " + slot.schoolCode()));
    }
    try {
      inSavepoint.executeWithoutResult(
          status ->
              jdbc.sql(
                      """
              insert into document (id, school_code, district_code, academic_year, slot, created_at)
              values (?, ?, ?, ?, ?, ?)""")
                  .params(
                      UUID.randomUUID().toString(),
                      slot.schoolCode(),
                      slot.districtCode(),
                      slot.academicYear(),
                      slot.slot(),
                      Timestamp.from(now))
                  .update());
    } catch (DuplicateKeyException madeMeanwhile) {
      // another upload made it first: use theirs
    }
    return documentId(slot).orElseThrow();
  }

  private Optional<String> documentId(DocumentSlot slot) {
    return jdbc.sql(
            "select id from document d where "
                + ownerIs(slot)
                + " and academic_year = ? and slot = ?")
        .params(owner(slot), slot.academicYear(), slot.slot())
        .query(String.class)
        .optional();
  }

  /** The condition on the slot's owner column (one bind parameter, {@link #owner}). */
  private static String ownerIs(DocumentSlot slot) {
    return slot.isDistrict() ? "d.district_code = ?" : "d.school_code = ?";
  }

  private static String owner(DocumentSlot slot) {
    return slot.isDistrict() ? slot.districtCode() : slot.schoolCode();
  }

  @Override
  public Optional<DocumentVersion> version(String versionId) {
    if (versionId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from document_version v join document d on d.id = v.document_id"
                + " where v.id = ?")
        .param(versionId)
        .query(JdbcDocuments::version)
        .optional();
  }

  @Override
  public Optional<DocumentVersion> version(String versionId, QaUser reader) {
    if (reader == null) {
      return Optional.empty();
    }
    return version(versionId)
        .filter(
            v ->
                v.isDistrict()
                    ? canSeeDistrict(reader, v.districtCode())
                        || (scopes.canReadPublishedBy(reader, v.districtCode())
                            && isPublishedToSchools(v.versionId()))
                    : directory
                        .school(v.schoolCode())
                        .map(s -> scopes.canSee(reader, s))
                        .orElse(false));
  }

  /** The rule of the district's own tasks: its staff, OBEC and operators. */
  private static boolean canSeeDistrict(QaUser reader, String districtCode) {
    return reader.canSeeDistrict(districtCode);
  }

  private boolean isPublishedToSchools(String versionId) {
    return jdbc.sql("select count(*) from document_event where kind = ? and version_id = ?")
            .params(DocumentEventKind.PUBLISHED_TO_SCHOOLS.name(), versionId)
            .query(Integer.class)
            .single()
        > 0;
  }

  @Override
  public void publishToSchools(
      String versionId, String userId, String processInstanceId, String taskId) {
    DocumentVersion v =
        version(versionId)
            .orElseThrow(() -> new NoSuchElementException("No document version " + versionId));
    if (!v.isDistrict()) {
      throw new IllegalArgumentException(
          "Only a district's own document is published to its schools: " + versionId);
    }
    if (!isPublishedToSchools(versionId)) {
      recordEvent(
          versionId, DocumentEventKind.PUBLISHED_TO_SCHOOLS, userId, processInstanceId, taskId);
    }
  }

  @Override
  public List<PublishedDocument> publishedToSchools(String districtCode) {
    // per document, its newest published version; the first publication of that version dates it
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + ", e.at_time, e.user_id"
                + " from document_version v join document d on d.id = v.document_id"
                + " join document_event e on e.version_id = v.id and e.kind = ?"
                + " where d.district_code = ?"
                + " and e.id = (select min(f.id) from document_event f"
                + " where f.version_id = v.id and f.kind = e.kind)"
                + " and v.version = (select max(w.version) from document_version w"
                + " join document_event g on g.version_id = w.id and g.kind = e.kind"
                + " where w.document_id = d.id)"
                + " order by d.academic_year desc, d.slot")
        .params(DocumentEventKind.PUBLISHED_TO_SCHOOLS.name(), districtCode)
        .query(
            (rs, n) ->
                new PublishedDocument(
                    version(rs, n), rs.getTimestamp(14).toInstant(), rs.getString(15)))
        .list();
  }

  @Override
  public List<DocumentVersion> versions(String documentId) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from document_version v join document d on d.id = v.document_id"
                + " where d.id = ? order by v.version desc")
        .param(documentId)
        .query(JdbcDocuments::version)
        .list();
  }

  @Override
  public Optional<DocumentVersion> latest(DocumentSlot slot) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from document_version v join document d on d.id = v.document_id"
                + " where "
                + ownerIs(slot)
                + " and d.academic_year = ? and d.slot = ? order by v.version desc"
                + " fetch first 1 rows only")
        .params(owner(slot), slot.academicYear(), slot.slot())
        .query(JdbcDocuments::version)
        .optional();
  }

  @Override
  public List<DocumentVersion> ofSchool(String schoolCode, int academicYear) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from document_version v join document d on d.id = v.document_id"
                + " where d.school_code = ? and d.academic_year = ?"
                + " and v.version = (select max(w.version) from document_version w where w.document_id = d.id)"
                + " order by d.slot")
        .params(schoolCode, academicYear)
        .query(JdbcDocuments::version)
        .list();
  }

  @Override
  public List<DocumentVersion> ofDistrict(String districtCode, int academicYear) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from document_version v join document d on d.id = v.document_id"
                + " where d.district_code = ? and d.academic_year = ?"
                + " and v.version = (select max(w.version) from document_version w where w.document_id = d.id)"
                + " order by d.slot")
        .params(districtCode, academicYear)
        .query(JdbcDocuments::version)
        .list();
  }

  @Override
  public byte[] content(String versionId) {
    return jdbc.sql("select content from document_version where id = ?")
        .param(versionId)
        .query((rs, n) -> rs.getBytes(1))
        .optional()
        .orElseThrow(() -> new NoSuchElementException("No document version " + versionId));
  }

  @Override
  public void recordEvent(
      String versionId,
      DocumentEventKind kind,
      String userId,
      String processInstanceId,
      String taskId) {
    if (kind == null) {
      throw new IllegalArgumentException("No event kind");
    }
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("No user");
    }
    inTransaction.executeWithoutResult(
        status -> {
          record Stored(String sha256, byte[] content) {}
          Stored stored =
              jdbc.sql("select sha256, content from document_version where id = ?")
                  .param(versionId)
                  .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2)))
                  .optional()
                  .orElseThrow(
                      () -> new NoSuchElementException("No document version " + versionId));
          String seen = sha256(stored.content());
          if (!seen.equals(stored.sha256().trim())) {
            throw new DocumentIntegrityException(
                "Document version "
                    + versionId
                    + " no longer matches its SHA-256 "
                    + stored.sha256()
                    + " (content hashes to "
                    + seen
                    + ")");
          }
          insertEvent(
              versionId,
              kind,
              seen,
              userId,
              clock.instant().truncatedTo(ChronoUnit.MILLIS),
              processInstanceId,
              taskId);
        });
  }

  private void insertEvent(
      String versionId,
      DocumentEventKind kind,
      String sha256,
      String userId,
      Instant at,
      String processInstanceId,
      String taskId) {
    jdbc.sql(
            """
            insert into document_event (version_id, kind, sha256, user_id, at_time, process_instance_id, task_id)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            versionId, kind.name(), sha256, userId, Timestamp.from(at), processInstanceId, taskId)
        .update();
  }

  @Override
  public List<DocumentEvent> events(String documentId) {
    return jdbc.sql(
            """
            select e.version_id, v.version, e.kind, e.sha256, e.user_id, e.at_time, e.process_instance_id, e.task_id
            from document_event e join document_version v on v.id = e.version_id
            where v.document_id = ? order by e.id""")
        .param(documentId)
        .query(
            (rs, n) ->
                new DocumentEvent(
                    rs.getString(1),
                    rs.getInt(2),
                    DocumentEventKind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  private static DocumentVersion version(ResultSet rs, int row) throws SQLException {
    return new DocumentVersion(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        rs.getString(10),
        rs.getString(11),
        rs.getTimestamp(12).toInstant(),
        rs.getString(13));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
