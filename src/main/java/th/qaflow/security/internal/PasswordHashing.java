package th.qaflow.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Camunda's identity store keeps passwords as one round of salted SHA-512, which a stolen table
 * gives up fast. This engine plugin (the starter applies every ProcessEnginePlugin bean; Camunda 7
 * offers password hashing only through these engine classes) makes new and changed passwords {@code
 * {bcrypt-sha256}} hashes; the engine keeps checking {@code {SHA-512}} hashes, so existing accounts
 * still sign in (and are rehashed then, see CamundaIdentityAuthenticationProvider). BCrypt reads at
 * most 72 bytes and Camunda hands over password + its 24-character salt (a Thai password is 3 bytes
 * a letter), so the input is SHA-256'd first (as passlib's bcrypt_sha256). The cost is in each
 * hash, so raising {@code qaflow.security.password-cost} later keeps older hashes valid.
 */
@Component
class PasswordHashing extends AbstractProcessEnginePlugin {
  static final String ALGORITHM = "bcrypt-sha256";
  private final int cost;

  PasswordHashing(@Value("${qaflow.security.password-cost:10}") int cost) {
    this.cost = cost;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(new BcryptSha256(cost));
    // no customPasswordChecker for SHA-512: Camunda's PasswordManager always keeps its SHA-512 (and
    // SHA-1)
    // checkers next to the default encryptor, and refuses a second one of the same name
  }

  /** Whether a stored hash (with its {algorithm} prefix) is the current kind. */
  static boolean current(String storedHash) {
    return storedHash != null && storedHash.startsWith("{" + ALGORITHM + "}");
  }

  static final class BcryptSha256 implements PasswordEncryptor {
    private final BCryptPasswordEncoder bcrypt;

    BcryptSha256(int cost) {
      this.bcrypt = new BCryptPasswordEncoder(cost);
    }

    @Override
    public String encrypt(String password) {
      return bcrypt.encode(preHash(password));
    }

    @Override
    public boolean check(String password, String encrypted) {
      return bcrypt.matches(preHash(password), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
      return ALGORITHM;
    }

    private static String preHash(String password) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
      }
    }
  }
}
