package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A people import at the production bcrypt cost (10), against the engine creating the same number
 * of users one by one with {@code saveUser} (each hashes its password on the calling thread), in
 * the same run: the import hashes a file's first passwords on every core before it writes
 * (FirstPasswords). docs/benchmarks/national.md, "Passwords at national import".
 *
 * <pre>
 * ./mvnw -B test -Dqaflow.lint.skip=true -Dqaflow.excludedGroups=none -Dtest=ImportHashingBenchmark \
 *     -Dhashing.people=400
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-hashing;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=false",
      "camunda.bpm.job-execution.enabled=false",
      "qaflow.security.password-cost=10"
    })
class ImportHashingBenchmark {
  final int people = Integer.getInteger("hashing.people", 400);

  @Autowired OrganisationImport imports;
  @Autowired IdentityService identity;

  @Test
  void importHashesOnEveryCore() {
    TestData t = new TestData();
    assertThat(run(ImportKind.DISTRICTS, t.districtsCsv()).ok()).isTrue();
    assertThat(run(ImportKind.SCHOOLS, t.schoolsCsv()).ok()).isTrue();
    // warm-up: both paths once, small
    engineLoop("warm", 4);
    run(ImportKind.PEOPLE, csv(t, "warm", 4));

    long t0 = System.nanoTime();
    engineLoop("engine", people);
    double engineSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    ImportReport report = run(ImportKind.PEOPLE, csv(t, "imp", people));
    double importSeconds = (System.nanoTime() - t0) / 1e9;
    assertThat(report.errors()).isEmpty();
    assertThat(report.created()).isEqualTo(people);
    assertThat(identity.checkPassword(t.user("imp1"), "secret-1")).isTrue();
    System.out.printf(
        "HASHING %d new accounts at bcrypt cost 10 on %d cores: engine saveUser loop %.1f s"
            + " (%.0f ms each), people import %.1f s (%.0f ms each), ratio %.2f%n",
        people,
        Runtime.getRuntime().availableProcessors(),
        engineSeconds,
        engineSeconds * 1000 / people,
        importSeconds,
        importSeconds * 1000 / people,
        importSeconds / engineSeconds);
  }

  private void engineLoop(String prefix, int n) {
    for (int i = 1; i <= n; i++) {
      User user = identity.newUser("hash-" + prefix + i);
      user.setPassword("secret-" + i);
      identity.saveUser(user);
    }
  }

  private static String csv(TestData t, String prefix, int n) {
    List<String> rows = new ArrayList<>(List.of(TestData.PEOPLE_HEADER));
    for (int i = 1; i <= n; i++) {
      rows.add(
          t.personRow(
              prefix + i, "ครู", "ทดสอบ", Role.SCHOOL_QA, "", t.school(1), "", "secret-" + i));
    }
    return TestData.lines(rows.toArray(String[]::new));
  }

  private ImportReport run(ImportKind kind, String csv) {
    return imports.importCsv(kind, TestData.utf8(csv), TestData.ADMIN);
  }
}
