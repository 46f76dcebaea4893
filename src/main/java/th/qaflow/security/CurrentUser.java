package th.qaflow.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in QA Flow user of the current request. */
public final class CurrentUser {
  private CurrentUser() {}

  public static QaUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof QaUser user) {
      return user;
    }
    throw new IllegalStateException("No QA Flow user is signed in");
  }
}
