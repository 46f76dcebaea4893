package th.qaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.ImportReport;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;

/**
 * A test's own people and places, imported the way an administrator does (the CSV import), so they
 * sign in and get their Camunda groups like real users. Tests that need the demo district use
 * {@link ProcessTest} (or {@code importDemo()}); a test that needs a district nobody else touches
 * imports it with this.
 */
public final class TestOrganisation {
  /** The administrator who imports a test's files (an actor only, not a stored account). */
  public static final Person ADMIN =
      new Person(
          "test-admin",
          "ทดสอบ",
          "ผู้ดูแล",
          "test-admin@qaflow.example",
          Role.ADMIN,
          null,
          null,
          List.of(),
          "th");

  private TestOrganisation() {}

  /**
   * Imports one CSV file (header line first) as {@link #ADMIN}; fails the test on any row error.
   */
  public static ImportReport importCsv(
      OrganisationImport organisation, ImportKind kind, String csv) {
    ImportReport report = organisation.importCsv(kind, utf8(csv), ADMIN);
    assertThat(report.errors()).as("test organisation import: %s", kind).isEmpty();
    return report;
  }

  /** The same, the file given as its lines. */
  public static ImportReport importLines(
      OrganisationImport organisation, ImportKind kind, String... lines) {
    return importCsv(organisation, kind, String.join("\n", lines) + "\n");
  }

  public static ByteArrayInputStream utf8(String csv) {
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}
