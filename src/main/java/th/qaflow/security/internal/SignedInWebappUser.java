package th.qaflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Cockpit, Admin and Tasklist who is signed in to QA Flow, so the Camunda webapps need no
 * login of their own (container-based authentication). Camunda's filter creates this class by its
 * name, so it is public with a public constructor. The web security chain has already let only
 * operators through to /camunda.
 */
public class SignedInWebappUser implements AuthenticationProvider {

  public SignedInWebappUser() {
    // created by ContainerBasedAuthenticationFilter
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null
        || !signedIn.isAuthenticated()
        || signedIn instanceof AnonymousAuthenticationToken
        || signedIn.getName() == null
        || signedIn.getName().isBlank()) {
      return AuthenticationResult.unsuccessful();
    }
    // groups and tenants: the webapp reads them from the engine's identity service
    return AuthenticationResult.successful(signedIn.getName());
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    // nothing to add: the sign-in page is QA Flow's own (/login)
  }
}
