package th.qaflow.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.security.QaUser;
import th.qaflow.security.QaUsers;

/**
 * Checks passwords against Camunda's identity service, so QA Flow, Cockpit/Admin and the REST API
 * share one set of accounts. Authorities: ROLE_&lt;role&gt; from the organisation, GROUP_&lt;id&gt;
 * per Camunda group.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider, QaUsers {
  private static final Logger LOG =
      LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);
  private final IdentityService identity;
  private final OrganisationDirectory directory;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(
      IdentityService identity, OrganisationDirectory directory, LoginThrottle throttle) {
    this.identity = identity;
    this.directory = directory;
    this.throttle = throttle;
  }

  /**
   * The same rules for the login form and HTTP Basic (REST): a locked user id or address is refused
   * without checking the password; a wrong password counts towards a lock. The engine's own lock is
   * off (application.yml), so a wrong password never makes the next correct one fail outside QA
   * Flow's lock.
   */
  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName() == null ? "" : authentication.getName().trim();
    String password = String.valueOf(authentication.getCredentials());
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : null;
    LoginThrottle.Lock lock = throttle.lockOf(userId, address);
    if (lock != null) {
      throw new LoginLockedException(lock);
    }
    if (userId.isEmpty() || !identity.checkPassword(userId, password)) {
      lock = throttle.failed(userId, address);
      if (lock != null) {
        throw new LoginLockedException(lock);
      }
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(userId);
    rehashIfOld(userId, password);
    QaUser user = load(userId);
    List<GrantedAuthority> authorities = new ArrayList<>();
    if (user.role() != null) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }
    user.groups().forEach(g -> authorities.add(new SimpleGrantedAuthority("GROUP_" + g)));
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  /** A password still stored the old way (salted SHA-512) is stored again with the current hash. */
  private void rehashIfOld(String userId, String password) {
    try {
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user != null && !PasswordHashing.current(user.getPassword())) {
        user.setPassword(password);
        identity.saveUser(user);
      }
    } catch (RuntimeException e) {
      // the sign-in stands; the next one tries again
      LOG.warn(
          "Could not rehash the password of user={}: {}", LoginThrottle.safe(userId), e.toString());
    }
  }

  @Override
  public QaUser byId(String userId) {
    return load(userId);
  }

  QaUser load(String userId) {
    Set<String> groups = new LinkedHashSet<>();
    for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
      groups.add(g.getId());
    }
    Person person = directory.person(userId).orElse(null);
    if (person == null) {
      User u = identity.createUserQuery().userId(userId).singleResult();
      String name = u == null ? userId : (u.getFirstName() + " " + u.getLastName()).trim();
      // an operator created in Camunda Admin rather than imported: an administrator without a place
      Role role = groups.contains(Groups.CAMUNDA_ADMIN) ? Role.ADMIN : null;
      return new QaUser(userId, name, role, null, null, Set.of(), Set.copyOf(groups));
    }
    return new QaUser(
        userId,
        person.displayName(),
        person.role(),
        person.districtCode(),
        person.schoolCode(),
        Set.copyOf(person.clusterCodes()),
        Set.copyOf(groups));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
