package th.qaflow.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs in through the real login form (Camunda identity, demo password) and keeps the session. */
public final class WebSessions {
  private WebSessions() {}

  public static MockHttpSession login(MockMvc mvc, String userId) throws Exception {
    return login(mvc, userId, "demo");
  }

  public static MockHttpSession login(MockMvc mvc, String userId, String password)
      throws Exception {
    MvcResult result = mvc.perform(formLogin("/login").user(userId).password(password)).andReturn();
    if (result.getResponse().getRedirectedUrl() == null
        || result.getResponse().getRedirectedUrl().contains("error")) {
      throw new AssertionError("login failed for " + userId);
    }
    return (MockHttpSession) result.getRequest().getSession(false);
  }
}
