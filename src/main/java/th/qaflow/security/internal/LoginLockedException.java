package th.qaflow.security.internal;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused because the user id or the client's address is locked for a while (see {@link
 * LoginThrottle}).
 */
class LoginLockedException extends LockedException {
  private final transient LoginThrottle.Lock lock;

  LoginLockedException(LoginThrottle.Lock lock) {
    super("Sign-in locked until " + lock.until());
    this.lock = lock;
  }

  LoginThrottle.Scope scope() {
    return lock.scope();
  }

  Instant until() {
    return lock.until();
  }
}
