package th.qaflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The refusals the web tests check again and again: several wrong users, each answered 403
 * Forbidden to the same request (above all a district's "start the year's work" form, {@code
 * {page}/start}), and a badly typed year at that form, refused with a message its page shows.
 */
public final class Refusals {
  /** What the page says of a badly typed year (the modules' {@code *.error.year} in Thai). */
  public static final String BAD_YEAR_TH = "ปีการศึกษาไม่ถูกต้อง";

  private Refusals() {}

  /**
   * The district's start form of {@code page} sent as {@code user}: POST {@code {page}/start} with
   * the district, the year as typed and the CSRF token.
   */
  public static MockHttpServletRequestBuilder start(
      String page, MockHttpSession user, String district, String year) {
    return post(page + "/start")
        .session(user)
        .with(csrf())
        .param("district", district)
        .param("year", year);
  }

  /**
   * Each of {@code users} is answered 403 Forbidden to the request {@code request} makes for it.
   */
  public static void forbidden(
      MockMvc mvc,
      List<MockHttpSession> users,
      Function<MockHttpSession, ? extends RequestBuilder> request)
      throws Exception {
    for (MockHttpSession user : users) {
      mvc.perform(request.apply(user)).andExpect(status().isForbidden());
    }
  }

  /** Each of {@code users} is answered 403 Forbidden to the start form of {@code page}. */
  public static void startForbidden(
      MockMvc mvc, String page, String district, int year, List<MockHttpSession> users)
      throws Exception {
    forbidden(mvc, users, user -> start(page, user, district, String.valueOf(year)));
  }

  /**
   * A year typed wrongly ("25x9") into the start form of {@code page} is refused with the flash
   * error {@code errorKey}; the page, shown with that flash and the year as typed, answers 200 and
   * says so in Thai ({@link #BAD_YEAR_TH}). Returns that page, for what else the test expects.
   */
  public static String badYear(
      MockMvc mvc, String page, MockHttpSession user, String district, String errorKey)
      throws Exception {
    mvc.perform(start(page, user, district, "25x9"))
        .andExpect(flash().attribute("error", errorKey));
    String shown =
        mvc.perform(
                get(page)
                    .session(user)
                    .flashAttr("error", errorKey)
                    .flashAttr("enteredYear", "25x9"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(shown).contains(BAD_YEAR_TH);
    return shown;
  }
}
