package th.qaflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;

/**
 * Stored passwords (ACT_ID_USER.PWD_) are slow salted hashes; an account stored the old way (one
 * round of salted SHA-512) still signs in and is rehashed then. Prints what a hash and the demo
 * organisation's import cost (at the shared test context's low cost, and one hash at the production
 * cost).
 */
@QaFlowTest
class PasswordHashingTest {
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired OrganisationImport organisation;

  @Test
  void aNewPasswordIsStoredAsBcryptOfItsSha256() {
    String id = "hash" + System.nanoTime() % 1_000_000;
    User user = identity.newUser(id);
    user.setPassword("ผ่านแล้วนะ-" + "ก".repeat(30)); // 90+ bytes of Thai: longer than BCrypt's 72
    long start = System.nanoTime();
    identity.saveUser(user);
    long saveMs = (System.nanoTime() - start) / 1_000_000;
    String stored = pwd(id);
    assertThat(stored)
        .startsWith("{bcrypt-sha256}$2a$04$")
        .hasSize("{bcrypt-sha256}".length() + 60);
    start = System.nanoTime();
    assertThat(identity.checkPassword(id, "ผ่านแล้วนะ-" + "ก".repeat(30))).isTrue();
    long checkMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(identity.checkPassword(id, "ผ่านแล้วนะ-" + "ก".repeat(29))).isFalse();
    System.out.printf("password hashing: saveUser %d ms, checkPassword %d ms%n", saveMs, checkMs);
  }

  @Test
  void anOldSha512PasswordStillSignsInAndIsRehashed() throws Exception {
    String id = "oldhash" + System.nanoTime() % 1_000_000;
    User user = identity.newUser(id);
    user.setPassword("placeholder");
    identity.saveUser(user);
    String salt =
        jdbc.sql("select SALT_ from ACT_ID_USER where ID_ = :id")
            .param("id", id)
            .query(String.class)
            .single();
    String sha512 =
        "{SHA-512}"
            + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword("old-secret", salt));
    jdbc.sql("update ACT_ID_USER set PWD_ = :pwd where ID_ = :id")
        .param("pwd", sha512)
        .param("id", id)
        .update();

    assertThat(identity.checkPassword(id, "old-secret")).isTrue();
    assertThat(pwd(id)).isEqualTo(sha512); // checking alone changes nothing
    String redirect =
        mvc.perform(
                post("/login").param("username", id).param("password", "old-secret").with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(redirect).isEqualTo("/tasks");
    assertThat(pwd(id)).startsWith("{bcrypt-sha256}");
    assertThat(identity.checkPassword(id, "old-secret")).isTrue();
    assertThat(identity.checkPassword(id, "placeholder")).isFalse();
  }

  @Test
  void importingTheDemoOrganisationTwiceCosts() {
    long start = System.nanoTime();
    organisation.importDemo();
    long first = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    organisation.importDemo();
    long again = (System.nanoTime() - start) / 1_000_000;
    assertThat(pwd("qa1")).startsWith("{bcrypt-sha256}");
    System.out.printf(
        "password hashing: demo import %d ms (first in this context or not), again %d ms%n",
        first, again);
  }

  /**
   * The production cost (10): what one hash costs here, and so the demo's start (34 accounts) and
   * each sign-in.
   */
  @Test
  void theProductionCostTakesTensOfMilliseconds() {
    PasswordHashing.BcryptSha256 production = new PasswordHashing.BcryptSha256(10);
    String hash = production.encrypt("warm-up");
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      assertThat(production.check("warm-up", hash)).isTrue();
    }
    long perHash = (System.nanoTime() - start) / 5 / 1_000_000;
    assertThat(hash).startsWith("$2a$10$");
    System.out.printf(
        "password hashing: one cost-10 check %d ms (load average %.1f)%n",
        perHash,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private String pwd(String id) {
    return jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
