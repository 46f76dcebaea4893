package th.qaflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import th.qaflow.security.DemoAccounts;

@Controller
class LoginController {
  private final ObjectProvider<DemoAccounts> demo;

  LoginController(ObjectProvider<DemoAccounts> demo) {
    this.demo = demo;
  }

  @GetMapping("/login")
  String login(Model model, HttpServletRequest request) {
    DemoAccounts accounts = demo.getIfAvailable();
    model.addAttribute("demoAccounts", accounts == null ? List.of() : accounts.accounts());
    // the form login's failure handler keeps the last failure in the session: a lock says until
    // when
    HttpSession session = request.getSession(false);
    if (request.getParameter("error") != null
        && session != null
        && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
            instanceof LoginLockedException locked) {
      model.addAttribute("lockedUntil", upToTheMinute(locked.until()));
      model.addAttribute("lockedByAddress", locked.scope() == LoginThrottle.Scope.ADDRESS);
    }
    return "security/login";
  }

  /**
   * The page shows minutes: round up, so "try again after 10:02" is never still locked at 10:02.
   */
  static Instant upToTheMinute(Instant until) {
    Instant minute = until.truncatedTo(ChronoUnit.MINUTES);
    return minute.isBefore(until) ? minute.plus(1, ChronoUnit.MINUTES) : minute;
  }
}
