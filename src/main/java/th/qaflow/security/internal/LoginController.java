package th.qaflow.security.internal;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
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
  String login(Model model) {
    DemoAccounts accounts = demo.getIfAvailable();
    model.addAttribute("demoAccounts", accounts == null ? List.of() : accounts.accounts());
    return "security/login";
  }
}
