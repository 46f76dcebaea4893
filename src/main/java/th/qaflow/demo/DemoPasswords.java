package th.qaflow.demo;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.SaltGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts all have the published password {@code demo}; hashing it once per account
 * (bcrypt, see security's PasswordHashing: about 0.1 s each on an idle core) was a fifth of the
 * demo's loading time. While the demo's people are imported, the engine salts every new password
 * with one salt and hashes a salted password it has just hashed only once, so the accounts get the
 * same salt and hash (which give away nothing: the password is on the login page). Before and
 * after, the engine's own salt generator and password manager are back: a password a demo user
 * changes gets its own random salt. Nobody else creates accounts meanwhile (every page answers 503
 * while the demo loads, see DemoLoadingFilter).
 */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoPasswords {
  private final ProcessEngineConfigurationImpl engine;

  DemoPasswords(ProcessEngine engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** Runs the import with one salt for every new account and each distinct password hashed once. */
  synchronized <T> T hashingOnce(Supplier<T> work) {
    SaltGenerator salts = engine.getSaltGenerator();
    PasswordManager passwords = engine.getPasswordManager();
    String salt = salts.generateSalt();
    engine.setSaltGenerator(() -> salt);
    engine.setPasswordManager(new Once(engine, passwords));
    try {
      return work.get();
    } finally {
      engine.setPasswordManager(passwords);
      engine.setSaltGenerator(salts);
    }
  }

  /** The engine's password manager, remembering its last hash. */
  private static final class Once extends PasswordManager {
    private final PasswordManager engines;
    private String salted;
    private String hash;

    Once(ProcessEngineConfigurationImpl engine, PasswordManager engines) {
      super(engine.getPasswordEncryptor(), List.of());
      this.engines = engines;
    }

    @Override
    public synchronized String encrypt(String saltedPassword) {
      if (!saltedPassword.equals(salted)) {
        hash = engines.encrypt(saltedPassword);
        salted = saltedPassword;
      }
      return hash;
    }

    @Override
    public boolean check(String password, String encrypted) {
      return engines.check(password, encrypted);
    }
  }
}
