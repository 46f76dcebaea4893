package th.qaflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;

/**
 * The documents service on the real database: checks, versions, hashes, audit trail, concurrency.
 */
@QaFlowTest
class DocumentsTest {
  static final DocumentFixture F = new DocumentFixture(2100);
  static final int YEAR = 2569;
  static final AtomicInteger NEXT_SLOT = new AtomicInteger();

  @Autowired Documents documents;
  @Autowired OrganisationImport imports;
  @Autowired JdbcClient jdbc;
  @Autowired MessageSource messages;

  DocumentSlot slot;

  @BeforeEach
  void organisation() {
    F.importInto(imports);
    slot = new DocumentSlot(F.school(1), YEAR, "evidence" + NEXT_SLOT.incrementAndGet());
  }

  @Test
  void aSecondUploadIsVersionTwoAndTheFirstStaysReadable() {
    byte[] first = DocumentFixture.pdf("first draft");
    byte[] second = DocumentFixture.pdf("second draft");
    DocumentVersion v1 = documents.store(slot, "SAR-2569.pdf", first, F.user("qa1"));
    DocumentVersion v2 = documents.store(slot, "SAR-2569 แก้ไข.pdf", second, F.user("qa1"));

    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.documentId()).isEqualTo(v1.documentId());
    assertThat(v1.versionId()).isNotEqualTo(v2.versionId());
    assertThat(documents.versions(v1.documentId())).containsExactly(v2, v1);
    assertThat(documents.latest(slot)).contains(v2);
    assertThat(documents.version(v1.versionId())).contains(v1);
    assertThat(documents.content(v1.versionId())).isEqualTo(first);
    assertThat(documents.content(v2.versionId())).isEqualTo(second);
    assertThat(v2.mimeType()).isEqualTo("application/pdf");
    assertThat(v2.size()).isEqualTo(second.length);
    assertThat(v2.uploadedBy()).isEqualTo(F.user("qa1"));
    assertThat(v2.uploadedAt()).isNotNull();

    DocumentSlot other = new DocumentSlot(F.school(1), YEAR, slot.slot() + "b");
    DocumentVersion picture =
        documents.store(other, "photo.png", DocumentFixture.png(), F.user("qa1"));
    assertThat(documents.ofSchool(F.school(1), YEAR)).contains(v2, picture).doesNotContain(v1);
    assertThat(documents.ofSchool(F.school(2), YEAR)).isEmpty();
    assertThat(documents.latest(new DocumentSlot(F.school(2), YEAR, slot.slot()))).isEmpty();
  }

  @Test
  void theHashIsTheSha256OfTheContent() throws Exception {
    byte[] content = DocumentFixture.pdf("hash me");
    DocumentVersion v = documents.store(slot, "hash.pdf", content, F.user("qa1"));
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    assertThat(v.sha256()).isEqualTo(expected).hasSize(64);
    assertThat(documents.version(v.versionId()).orElseThrow().sha256()).isEqualTo(expected);
  }

  @Test
  void theTypeComesFromTheContent() {
    assertThat(
            documents.store(slot, "รายงาน.docx", DocumentFixture.docx(), F.user("qa1")).mimeType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(
            documents.store(slot, "คะแนน.XLSX", DocumentFixture.xlsx(), F.user("qa1")).mimeType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(documents.store(slot, "ภาพ.jpeg", DocumentFixture.jpeg(), F.user("qa1")).mimeType())
        .isEqualTo("image/jpeg");
    assertThat(documents.store(slot, "ภาพ.jpg", DocumentFixture.jpeg(), F.user("qa1")).mimeType())
        .isEqualTo("image/jpeg");
    assertThat(documents.store(slot, "ภาพ.png", DocumentFixture.png(), F.user("qa1")).mimeType())
        .isEqualTo("image/png");
    assertThat(documents.versions(documents.latest(slot).orElseThrow().documentId())).hasSize(5);

    // a PNG renamed .pdf, a text file renamed .pdf, a DOCX renamed .xlsx: the extension does not
    // agree
    assertProblem("scan.pdf", DocumentFixture.png(), "document.error.mismatch");
    assertProblem(
        "notes.pdf",
        "just text, not a PDF".getBytes(StandardCharsets.UTF_8),
        "document.error.mismatch");
    assertProblem("table.xlsx", DocumentFixture.docx(), "document.error.mismatch");
    // a ZIP that is neither, an executable, types we do not take
    assertProblem(
        "archive.docx", DocumentFixture.zip("readme.txt", "hello"), "document.error.mismatch");
    assertProblem(
        "a.docx",
        DocumentFixture.zip("word/document.xml", "x", "xl/workbook.xml", "y"),
        "document.error.mismatch");
    assertProblem("setup.exe", new byte[] {'M', 'Z', 0, 0}, "document.error.type");
    assertProblem("archive.zip", DocumentFixture.docx(), "document.error.type");
    assertProblem("no-extension", DocumentFixture.pdf("x"), "document.error.type");
    // a broken ZIP: the signature but no central directory
    assertProblem("broken.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "document.error.mismatch");
  }

  @Test
  void aFileOverTheLimitIsRefusedAndNothingIsStored() {
    assertThat(documents.maxSize()).isEqualTo(20L * 1024 * 1024);
    byte[] tooLarge = new byte[(int) documents.maxSize() + 1];
    byte[] pdf = DocumentFixture.pdf("");
    System.arraycopy(pdf, 0, tooLarge, 0, pdf.length);
    assertProblem("big.pdf", tooLarge, "document.error.tooLarge");
    assertThat(documents.check("big.pdf", tooLarge).orElseThrow().args()).containsExactly("20");
    assertThat(
            messages.getMessage(documents.check("big.pdf", tooLarge).orElseThrow(), Locale.ENGLISH))
        .isEqualTo("The file is too large: at most 20 MB.");
    assertThat(
            messages.getMessage(
                documents.check("big.pdf", tooLarge).orElseThrow(), Locale.forLanguageTag("th")))
        .isEqualTo("ไฟล์มีขนาดใหญ่เกินไป ขนาดไม่เกิน 20 MB");

    byte[] exactly = new byte[(int) documents.maxSize()];
    System.arraycopy(pdf, 0, exactly, 0, pdf.length);
    assertThat(documents.check("limit.pdf", exactly)).isEmpty();

    assertProblem("empty.pdf", new byte[0], "document.error.empty");
    assertProblem("null.pdf", null, "document.error.empty");
  }

  @Test
  void badFilenamesAreRefused() {
    byte[] pdf = DocumentFixture.pdf("x");
    for (String name :
        List.of(
            "../../etc/passwd.pdf",
            "..\\secret.pdf",
            "C:\\Users\\ครู\\SAR.pdf",
            "a/b.pdf",
            "nul\u0000.pdf",
            "two\nlines.pdf",
            "cr\r.pdf",
            "tab\t.pdf",
            "del\u007F.pdf",
            "c1\u0085.pdf",
            "fdp.\u202Eexe.pdf",
            "",
            ".",
            "..",
            "...",
            "x".repeat(252) + ".pdf",
            "lone\uD800surrogate.pdf")) {
      assertProblem(name, pdf, "document.error.filename");
    }
    assertProblem(null, pdf, "document.error.filename");
    assertThat(documents.check("x".repeat(251) + ".pdf", pdf)).as("255 characters").isEmpty();
    // 255 characters counted as characters, not UTF-16 units: emoji are one each
    assertThat(documents.check("😀".repeat(251) + ".pdf", pdf)).isEmpty();
    assertThat(messages.getMessage(documents.check("a/b.pdf", pdf).orElseThrow(), Locale.ENGLISH))
        .contains("at most 255 characters");
  }

  @Test
  void thaiCombiningMarksAndEmojiAreKeptByteForByte() {
    // decomposed and unusual sequences on purpose: sara am written as nikhahit + sara aa, stacked
    // tone marks,
    // an emoji ZWJ sequence with a skin tone, a variation selector; nothing may be normalised
    String name =
        "รายงานการประเมินตนเอง ปีการศึกษา ๒๕๖๙ \u0e19\u0e4d\u0e32 \u0e01\u0e48\u0e4a"
            + " 👩🏽‍🏫 ✔\uFE0F (ฉบับที่ 2).pdf";
    DocumentVersion v = documents.store(slot, name, DocumentFixture.pdf("thai"), F.user("qa1"));
    String stored = documents.version(v.versionId()).orElseThrow().filename();
    assertThat(stored.getBytes(StandardCharsets.UTF_8))
        .isEqualTo(name.getBytes(StandardCharsets.UTF_8));
    assertThat(stored).isEqualTo(name);
  }

  @Test
  void eventsRehashTheStoredContentAndAreKeptInOrder() {
    DocumentVersion v1 = documents.store(slot, "sar.pdf", DocumentFixture.pdf("v1"), F.user("qa1"));
    DocumentVersion v2 = documents.store(slot, "sar.pdf", DocumentFixture.pdf("v2"), F.user("qa1"));
    documents.recordEvent(
        v1.versionId(), DocumentEventKind.RETURNED, F.user("dir1"), "pi-1", "task-1");
    documents.recordEvent(
        v2.versionId(), DocumentEventKind.APPROVED, F.user("dir1"), "pi-1", "task-2");
    documents.recordEvent(
        v2.versionId(), DocumentEventKind.SUBMITTED, F.user("dir1"), "pi-1", null);

    List<DocumentEvent> events = documents.events(v1.documentId());
    assertThat(events)
        .extracting(DocumentEvent::kind)
        .containsExactly(
            DocumentEventKind.UPLOADED,
            DocumentEventKind.UPLOADED,
            DocumentEventKind.RETURNED,
            DocumentEventKind.APPROVED,
            DocumentEventKind.SUBMITTED);
    assertThat(events).extracting(DocumentEvent::version).containsExactly(1, 2, 1, 2, 2);
    DocumentEvent approval = events.get(3);
    assertThat(approval.versionId()).isEqualTo(v2.versionId());
    assertThat(approval.sha256()).isEqualTo(v2.sha256());
    assertThat(approval.userId()).isEqualTo(F.user("dir1"));
    assertThat(approval.processInstanceId()).isEqualTo("pi-1");
    assertThat(approval.taskId()).isEqualTo("task-2");
    assertThat(events.get(4).taskId()).isNull();
    assertThat(events.get(0).userId()).isEqualTo(F.user("qa1"));
    assertThat(events.get(0).at()).isEqualTo(v1.uploadedAt());

    // content changed behind the application's back: the event is refused and nothing is recorded
    jdbc.sql("update document_version set content = ? where id = ?")
        .params(DocumentFixture.pdf("tampered"), v2.versionId())
        .update();
    assertThatThrownBy(
            () ->
                documents.recordEvent(
                    v2.versionId(), DocumentEventKind.SUBMITTED, F.user("dir1"), "pi-1", "task-3"))
        .isInstanceOf(DocumentIntegrityException.class);
    assertThat(documents.events(v1.documentId())).hasSize(5);

    assertThatThrownBy(
            () ->
                documents.recordEvent(
                    "no-such-version", DocumentEventKind.APPROVED, F.user("dir1"), null, null))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> documents.content("no-such-version"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aRefusedUploadLeavesNoTrace() {
    long versions = count("document_version");
    long events = count("document_event");
    assertThatThrownBy(
            () -> documents.store(slot, "scan.pdf", DocumentFixture.png(), F.user("qa1")))
        .isInstanceOfSatisfying(
            InvalidUploadException.class,
            e -> assertThat(e.problem().messageKey()).isEqualTo("document.error.mismatch"));
    assertThatThrownBy(
            () -> documents.store(slot, "../x.pdf", DocumentFixture.pdf("x"), F.user("qa1")))
        .isInstanceOf(InvalidUploadException.class);
    assertThatThrownBy(
            () ->
                documents.store(
                    new DocumentSlot("2109999999", YEAR, "sarFile"),
                    "x.pdf",
                    DocumentFixture.pdf("x"),
                    F.user("qa1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(count("document_version")).isEqualTo(versions);
    assertThat(count("document_event")).isEqualTo(events);
    assertThat(documents.latest(slot)).isEmpty();
    assertThatThrownBy(() -> new DocumentSlot("123", YEAR, "sarFile"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentSlot(F.school(1), YEAR, "../x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentUploadsToOneSlotGetDistinctVersions() throws Exception {
    int uploads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(uploads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<DocumentVersion>> results = new ArrayList<>();
      for (int i = 0; i < uploads; i++) {
        byte[] content = DocumentFixture.pdf("concurrent " + i);
        Callable<DocumentVersion> upload =
            () -> {
              start.await();
              return documents.store(slot, "same-slot.pdf", content, F.user("qa1"));
            };
        results.add(pool.submit(upload));
      }
      start.countDown();
      List<Integer> numbers = new ArrayList<>();
      for (Future<DocumentVersion> result : results) {
        numbers.add(result.get(60, TimeUnit.SECONDS).version());
      }
      assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(documents.versions(documents.latest(slot).orElseThrow().documentId()))
          .hasSize(uploads);
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertProblem(String filename, byte[] content, String key) {
    assertThat(documents.check(filename, content))
        .as(String.valueOf(filename))
        .map(UploadProblem::messageKey)
        .contains(key);
    long before = count("document_version");
    assertThatThrownBy(() -> documents.store(slot, filename, content, F.user("qa1")))
        .as(String.valueOf(filename))
        .isInstanceOfSatisfying(
            InvalidUploadException.class, e -> assertThat(e.problem().messageKey()).isEqualTo(key));
    assertThat(count("document_version")).isEqualTo(before);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
