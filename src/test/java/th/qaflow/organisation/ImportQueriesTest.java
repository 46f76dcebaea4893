package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.organisation.TestData.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import th.qaflow.support.StatementLog;

/**
 * What a people import costs in SQL statements: a national file has ~100,000 rows, so a row may
 * cost its own inserts but no reads of its own (the e-mails in use, the stored people and Camunda's
 * users and groups are read for the whole file). Counted from the statement logs, so the figures do
 * not depend on the machine (docs/benchmarks/national.md).
 */
@OrganisationTest
@ExtendWith(OutputCaptureExtension.class)
class ImportQueriesTest {
  @Autowired OrganisationImport imports;

  @Test
  void aPersonMoreCostsItsInsertsAndNoReads(CapturedOutput output) {
    TestData t = new TestData();
    assertThat(run(ImportKind.DISTRICTS, t.districtsCsv()).ok()).isTrue();
    assertThat(run(ImportKind.SCHOOLS, t.schoolsCsv()).ok()).isTrue();

    int ten = statements(output, people(t, "a", 10));
    int forty = statements(output, people(t, "b", 40));
    // each new school QA member: the person row, the Camunda user and one membership, for which
    // the engine itself reads the user and the group back (IdentityService.createMembership)
    assertThat((forty - ten) / 30.0).as("statements per new person").isLessThanOrEqualTo(5.0);

    // the same 40 again, unchanged: one read of the person's memberships each, nothing written
    int again = statements(output, people(t, "b", 40));
    assertThat(again / 40.0).as("statements per unchanged person").isLessThanOrEqualTo(1.5);
  }

  private int statements(CapturedOutput output, String csv) {
    List<ImportReport> report = new ArrayList<>();
    Map<String, Integer> counts =
        StatementLog.during(output, () -> report.add(run(ImportKind.PEOPLE, csv)));
    assertThat(report.get(0).errors()).isEmpty();
    // printed so that a failure says which statement grew
    counts.forEach((sql, n) -> System.out.println("IMPORT-STATEMENTS " + n + " × " + sql));
    return StatementLog.total(counts);
  }

  /** {@code n} school QA members of school 1 with ids {@code prefix}1… */
  private static String people(TestData t, String prefix, int n) {
    List<String> rows = new ArrayList<>(List.of(TestData.PEOPLE_HEADER));
    for (int i = 1; i <= n; i++) {
      rows.add(
          t.personRow(prefix + i, "ครู", "ทดสอบ", Role.SCHOOL_QA, "", t.school(1), "", "secret"));
    }
    return TestData.lines(rows.toArray(String[]::new));
  }

  private ImportReport run(ImportKind kind, String csv) {
    return imports.importCsv(kind, utf8(csv), TestData.ADMIN);
  }
}
