package th.qaflow.organisation.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first passwords of a file's new accounts, hashed on every core before the accounts are
 * written. The engine hashes a new user's password in {@code saveUser}, one after the other on the
 * importing thread; at the production bcrypt cost (~70 ms a hash, security's PasswordHashing) a
 * national file of 100,000 new accounts was two hours of one core. Here each password gets the
 * engine's own salt and the engine's own password manager's hash, exactly as {@code saveUser} would
 * make them, on {@code qaflow.organisation.hashing-threads} threads (default: the cores); the user
 * is then saved with that salt and hash. Engine classes, as Camunda offers no public API for it (as
 * DemoPasswords).
 */
@Component
class FirstPasswords {
  private final ProcessEngine engine;
  private final int threads;

  FirstPasswords(
      ProcessEngine engine, @Value("${qaflow.organisation.hashing-threads:0}") int threads) {
    this.engine = engine;
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** A salt and the hash of the salted password, as the engine stores them. */
  record Hashed(String salt, String hash) {
    /** Puts them on a new user not yet saved (the engine then keeps them as they are). */
    void applyTo(User user) {
      UserEntity entity = (UserEntity) user;
      entity.setSalt(salt);
      entity.setDbPassword(hash);
    }
  }

  /** Each password hashed with a salt of its own, by key, using every hashing thread. */
  Map<String, Hashed> hash(Map<String, String> passwords) {
    if (passwords.isEmpty()) {
      return Map.of();
    }
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, passwords.size()));
    try {
      Map<String, Future<Hashed>> pending = new HashMap<>();
      passwords.forEach(
          (key, password) ->
              pending.put(
                  key,
                  pool.submit(
                      () -> {
                        String salt = config.getSaltGenerator().generateSalt();
                        String salted = EncryptionUtil.saltPassword(password, salt);
                        return new Hashed(salt, config.getPasswordManager().encrypt(salted));
                      })));
      Map<String, Hashed> hashed = new HashMap<>();
      for (Map.Entry<String, Future<Hashed>> e : pending.entrySet()) {
        hashed.put(e.getKey(), e.getValue().get());
      }
      return hashed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("hashing interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
