package th.qaflow.notification.internal;

import java.time.Clock;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.notification.NotificationMode;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;

/**
 * {@code /me/notifications}: how I get reminders (immediate mails, daily digest, none) and my
 * private calendar feed (made, shown once, revoked). The digest's unsubscribe link works without a
 * login.
 */
@Controller
class PreferencesController {
  private final Preferences preferences;
  private final Tokens tokens;
  private final Clock clock;
  private final MailComposer composer;

  PreferencesController(
      Preferences preferences, Tokens tokens, Clock clock, MailComposer composer) {
    this.preferences = preferences;
    this.tokens = tokens;
    this.clock = clock;
    this.composer = composer;
  }

  @GetMapping("/me/notifications")
  String page(Model model) {
    QaUser user = CurrentUser.get();
    model.addAttribute("mode", preferences.mode(user.userId()));
    model.addAttribute("modes", NotificationMode.values());
    model.addAttribute("feedCreated", tokens.feedCreated(user.userId()).orElse(null));
    return "notification/preferences";
  }

  @PostMapping("/me/notifications")
  String save(@RequestParam(required = false) String mode, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    NotificationMode chosen =
        Arrays.stream(NotificationMode.values())
            .filter(m -> m.name().equals(mode))
            .findFirst()
            .orElse(null);
    if (chosen == null) {
      flash.addFlashAttribute("error", "notification.prefs.invalid");
    } else {
      preferences.set(user.userId(), chosen, clock.instant());
      flash.addFlashAttribute("success", "notification.prefs.saved");
    }
    return "redirect:/me/notifications";
  }

  @PostMapping("/me/notifications/calendar")
  String newFeed(RedirectAttributes flash) {
    String token = tokens.newFeedToken(CurrentUser.get().userId(), clock.instant());
    flash.addFlashAttribute("feedUrl", composer.baseUrl() + "/calendar/" + token + ".ics");
    flash.addFlashAttribute("success", "notification.feed.created");
    return "redirect:/me/notifications";
  }

  @PostMapping("/me/notifications/calendar/revoke")
  String revokeFeed(RedirectAttributes flash) {
    tokens.revokeFeed(CurrentUser.get().userId());
    flash.addFlashAttribute("success", "notification.feed.revoked");
    return "redirect:/me/notifications";
  }

  @GetMapping("/notifications/unsubscribe")
  String unsubscribePage(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String sig,
      Model model) {
    model.addAttribute("valid", tokens.validUnsubscribe(user, sig));
    model.addAttribute("user", user);
    model.addAttribute("sig", sig);
    return "notification/unsubscribe";
  }

  @PostMapping("/notifications/unsubscribe")
  String unsubscribe(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String sig,
      Model model) {
    boolean valid = tokens.validUnsubscribe(user, sig);
    if (valid) {
      preferences.set(user, NotificationMode.NONE, clock.instant());
    }
    model.addAttribute("valid", valid);
    model.addAttribute("done", valid);
    return "notification/unsubscribe";
  }
}
