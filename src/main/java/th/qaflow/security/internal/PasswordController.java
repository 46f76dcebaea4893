package th.qaflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.security.CurrentUser;

/**
 * "Forgot my password" (anyone: ask for a link, open it, set a new password) and "change my
 * password" (signed in). Errors are shown beside their fields; a password typed is never sent back
 * to the page.
 */
@Controller
class PasswordController {
  private final Passwords passwords;

  PasswordController(Passwords passwords) {
    this.passwords = passwords;
  }

  /** The rules' length, for the hint and the field's own check. */
  @ModelAttribute("minLength")
  int minLength() {
    return Passwords.MIN_LENGTH;
  }

  @GetMapping("/password/forgot")
  String forgot() {
    return "security/password-forgot";
  }

  /** Answers the same whether or not the account exists, so the page tells no one who has one. */
  @PostMapping("/password/forgot")
  String requestLink(@RequestParam(required = false) String login, Model model) {
    if (login == null || login.isBlank() || login.length() > Passwords.MAX_LOGIN) {
      model.addAttribute(
          "errors",
          Map.of(
              "login",
              login == null || login.isBlank()
                  ? "password.error.loginRequired"
                  : "password.error.loginLong"));
      return "security/password-forgot";
    }
    passwords.request(login);
    model.addAttribute("sent", true);
    return "security/password-forgot";
  }

  @GetMapping("/password/reset")
  String resetForm(@RequestParam(required = false) String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("account", passwords.accountOf(token).orElse(null));
    return "security/password-reset";
  }

  @PostMapping("/password/reset")
  String reset(
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String repeat,
      Model model,
      RedirectAttributes flash) {
    Passwords.Outcome outcome = passwords.reset(token, password, repeat);
    if (outcome.done()) {
      flash.addFlashAttribute("success", "password.reset.done");
      return "redirect:/login";
    }
    model.addAttribute("token", token);
    model.addAttribute("account", outcome.userId());
    model.addAttribute("errors", outcome.errors());
    return "security/password-reset";
  }

  @GetMapping("/me/password")
  String changeForm() {
    return "security/password-change";
  }

  @PostMapping("/me/password")
  String change(
      @RequestParam(required = false) String current,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String repeat,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    Passwords.Outcome outcome =
        passwords.change(
            CurrentUser.get().userId(), request.getRemoteAddr(), current, password, repeat);
    if (outcome.done()) {
      flash.addFlashAttribute("success", "password.change.done");
      return "redirect:/me/password";
    }
    model.addAttribute("errors", outcome.errors());
    return "security/password-change";
  }
}
