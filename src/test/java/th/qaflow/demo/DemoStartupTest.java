package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;

/**
 * What the demo does to start faster (docs/benchmarks/startup.md) leaves nothing behind: its
 * accounts (hashed once, one salt) all sign in with the published password, an account made after
 * the demo gets its own salt again, and H2 writes every commit at once again (DurableCommits).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class DemoStartupTest {
  @Autowired IdentityService identity;
  @Autowired OrganisationDirectory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void demoAccountsSignInAndLaterAccountsGetTheirOwnSalt() {
    List<String> ids = directory.people().stream().map(Person::userId).toList();
    assertThat(ids).hasSizeGreaterThan(20);
    for (String id : ids) {
      assertThat(identity.checkPassword(id, "demo")).as("%s signs in with demo", id).isTrue();
      assertThat(identity.checkPassword(id, "demo2")).as("%s with another password", id).isFalse();
    }
    List<String> salts = salts();
    assertThat(salts).as("the demo's accounts share one salt").hasSize(1);

    User later = identity.newUser("startup-later");
    later.setPassword("demo");
    identity.saveUser(later);
    try {
      assertThat(identity.checkPassword("startup-later", "demo")).isTrue();
      assertThat(salts()).as("an account made after the demo has its own salt").hasSize(2);
    } finally {
      identity.deleteUser("startup-later");
    }
  }

  @Test
  void commitsAreWrittenAtOnceAgainAfterTheDemo() {
    // H2 lists the setting twice (database and session); both are back at 0
    assertThat(
            jdbc.sql(
                    "select trim(SETTING_VALUE) from INFORMATION_SCHEMA.SETTINGS"
                        + " where SETTING_NAME = 'WRITE_DELAY'")
                .query(String.class)
                .list())
        .isNotEmpty()
        .containsOnly("0");
  }

  private List<String> salts() {
    return jdbc.sql("select distinct SALT_ from ACT_ID_USER where ID_ <> 'demo'")
        .query(String.class)
        .list();
  }
}
