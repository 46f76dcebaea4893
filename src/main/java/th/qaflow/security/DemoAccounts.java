package th.qaflow.security;

import java.util.List;

/** Accounts to show on the login page; only the demo profile provides them. */
public interface DemoAccounts {
  List<Account> accounts();

  /** A demo login: user id, display name, role message key, and where they work. */
  record Account(String userId, String name, String roleKey, String place) {}
}
