package th.qaflow.onesqa.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.onesqa.SchoolState;
import th.qaflow.onesqa.StakeholderIssue;
import th.qaflow.synthesis.SynthesisReport;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * The "ONESQA package" a district hands to ONESQA for a year (seed 000 L280-298): the SAR file of
 * every target school, the district's published synthesis of those SARs' year, the register of
 * stakeholders' issues, the readiness list, and a Thai/English index that also names what is
 * missing. Written straight to the response as a ZIP (UTF-8 entry names): the SARs of a 250-school
 * district are read one at a time, never all in memory.
 */
@Component
class OnesqaPackage {
  private static final Locale THAI = Locale.forLanguageTag("th-TH");

  private final ExternalStore store;
  private final StakeholderIssueRegister issues;
  private final Documents documents;
  private final SynthesisReport synthesis;
  private final MessageSource messages;

  OnesqaPackage(
      ExternalStore store,
      StakeholderIssueRegister issues,
      Documents documents,
      SynthesisReport synthesis,
      MessageSource messages) {
    this.messages = messages;
    this.store = store;
    this.issues = issues;
    this.documents = documents;
    this.synthesis = synthesis;
  }

  static String fileName(String district, int year) {
    return "onesqa-package-" + district + "-" + year + ".zip";
  }

  void write(String district, int year, OutputStream out) throws IOException {
    List<SchoolState> schools = store.schools(district, year);
    List<SchoolState> targets = schools.stream().filter(SchoolState::target).toList();
    List<String> index = new ArrayList<>();
    index.add("ชุดเอกสารสำหรับ สมศ. / ONESQA package: " + district + ", ปีการศึกษา " + year);
    index.add("");
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      index.add("รายงาน SAR ของโรงเรียนเป้าหมาย / SARs of the target schools (SAR/):");
      if (targets.isEmpty()) {
        index.add("- ยังไม่มีโรงเรียนเป้าหมาย / no target schools yet");
      }
      for (SchoolState s : targets) {
        Optional<DocumentVersion> sar =
            s.sarVersionId() == null ? Optional.empty() : documents.version(s.sarVersionId());
        if (sar.isEmpty()) {
          index.add("- " + s.schoolCode() + " " + s.schoolName() + ": ยังไม่มี SAR / no SAR yet");
          continue;
        }
        String name = "SAR/" + s.schoolCode() + "-SAR" + s.sarYear() + extension(sar.get());
        entry(zip, name, documents.content(sar.get().versionId()));
        index.add("- " + name + " (" + s.schoolName() + ")");
      }
      int sarYear = sarYear(targets, year);
      Optional<SynthesisReport.File> report = synthesis.publishedPdf(district, sarYear, THAI);
      if (report.isPresent()) {
        entry(zip, report.get().filename(), report.get().content());
        index.add("ผลการสังเคราะห์ SAR / SAR synthesis: " + report.get().filename());
      } else {
        index.add(
            "ผลการสังเคราะห์ SAR ปีการศึกษา "
                + sarYear
                + ": ยังไม่เผยแพร่ / synthesis not published yet");
      }
      String issuesFile = "issues-" + district + "-" + year + ".csv";
      entry(zip, issuesFile, TableWriter.csv(issuesTable(issues.of(district, year)), THAI));
      index.add(
          "ประเด็นที่ผู้มีส่วนได้ส่วนเสียต้องการให้ประเมิน / stakeholders' issues: " + issuesFile);
      String readinessFile = "readiness-" + district + "-" + year + ".xlsx";
      entry(zip, readinessFile, ReadinessExport.xlsx(schools, "ONESQA " + year));
      index.add("รายชื่อตามความพร้อม / readiness list: " + readinessFile);
      entry(
          zip, "index.txt", (String.join("\r\n", index) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The year most target schools' SARs are of (their synthesis), else the year before. */
  private static int sarYear(List<SchoolState> targets, int year) {
    Map<Integer, Long> years =
        targets.stream()
            .filter(s -> s.sarYear() != null)
            .collect(Collectors.groupingBy(SchoolState::sarYear, Collectors.counting()));
    return years.entrySet().stream()
        .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(year - 1);
  }

  private Table issuesTable(List<StakeholderIssue> issues) {
    Table.Builder table =
        Table.of(
            "Issues",
            List.of(
                "ผู้เสนอ / Raised by",
                "มาตรฐาน / Standard",
                "ประเด็น / Issue",
                "บันทึกเมื่อ / Recorded",
                "ผู้บันทึก / Recorded by"));
    issues.stream()
        .sorted(Comparator.comparing(StakeholderIssue::recordedAt))
        .forEach(
            i ->
                table.row(
                    Table.text(stakeholder(i.stakeholder())),
                    Table.text(
                        i.standardCode() == null ? "ภาพรวม / whole school" : i.standardCode()),
                    Table.text(i.issue()),
                    Table.dateTime(i.recordedAt()),
                    Table.text(i.recordedBy())));
    return table.build();
  }

  /** The register's label in Thai and English, as the page shows it in either language. */
  private String stakeholder(String key) {
    String code = "external.stakeholder." + key;
    return messages.getMessage(code, null, key, THAI)
        + " / "
        + messages.getMessage(code, null, key, Locale.ENGLISH);
  }

  private static String extension(DocumentVersion v) {
    String name = v.filename() == null ? "" : v.filename();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
