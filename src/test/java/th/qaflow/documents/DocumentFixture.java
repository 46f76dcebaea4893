package th.qaflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Role;
import th.qaflow.support.TestOrganisation;

/**
 * A fictional district per test class (codes 2100–2109 belong to the documents tests): district
 * {@code d}, cluster {@code d-C1}, schools {@code d010001} and {@code d010002}, users {@code
 * d<name>} with the password "demo" so {@code WebSessions.login} works; and minimal real files of
 * every type.
 */
final class DocumentFixture {

  final String d;

  DocumentFixture(int district) {
    assertThat(district).isBetween(2100, 2109);
    this.d = String.valueOf(district);
  }

  String school(int n) {
    return d + "01000" + n;
  }

  String user(String name) {
    return "d" + d + name;
  }

  /**
   * Imports the district, two schools and one person per role (idempotent: the same files again
   * change nothing).
   */
  void importInto(OrganisationImport imports) {
    String districts =
        "code,name_th,name_en,kind\n"
            + d
            + ",สำนักงานเขตทดสอบเอกสาร "
            + d
            + ",Documents Test "
            + d
            + ",PRIMARY\n";
    String schools =
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n"
            + school(1)
            + ",9"
            + d
            + "001,โรงเรียนเอกสารหนึ่ง,Documents One,"
            + d
            + ","
            + d
            + "-C1,กลุ่มเอกสาร,true,true\n"
            + school(2)
            + ",9"
            + d
            + "002,โรงเรียนเอกสารสอง,Documents Two,"
            + d
            + ","
            + d
            + "-C1,กลุ่มเอกสาร,false,true\n";
    String people =
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password\n"
            + person("qa1", "สมใจ", "รักเรียน", Role.SCHOOL_QA, "", school(1), "")
            + person("dir1", "มานะ", "ตั้งใจ", Role.SCHOOL_DIRECTOR, d, school(1), "")
            + person("qa2", "ปิติ", "ยินดี", Role.SCHOOL_QA, "", school(2), "")
            + person("sup", "ชูใจ", "นิเทศ", Role.SUPERVISOR, d, "", d + "-C1")
            + person("obec", "วีระ", "ส่วนกลาง", Role.OBEC_VIEWER, "", "", "");
    for (var file :
        List.of(
            new Object[] {ImportKind.DISTRICTS, districts},
            new Object[] {ImportKind.SCHOOLS, schools},
            new Object[] {ImportKind.PEOPLE, people})) {
      TestOrganisation.importCsv(imports, (ImportKind) file[0], (String) file[1]);
    }
  }

  private String person(
      String name,
      String first,
      String last,
      Role role,
      String district,
      String school,
      String clusters) {
    return String.join(
            ",",
            user(name),
            first,
            last,
            user(name) + "@qaflow.example",
            role.name(),
            district,
            school,
            clusters,
            "demo")
        + "\n";
  }

  // ---- minimal real files ----

  static byte[] pdf(String text) {
    String body =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
            + "% "
            + text
            + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A 1×1 PNG. */
  static byte[] png() {
    return java.util.Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
  }

  static byte[] jpeg() {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xE0,
      0,
      0x10,
      'J',
      'F',
      'I',
      'F',
      0,
      (byte) 0xFF,
      (byte) 0xD9
    };
  }

  static byte[] docx() {
    return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
  }

  static byte[] xlsx() {
    return zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
  }

  /** A ZIP of name/text pairs. */
  static byte[] zip(String... namesAndTexts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
        zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
