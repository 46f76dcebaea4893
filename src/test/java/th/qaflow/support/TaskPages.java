package th.qaflow.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The task pages as a signed-in person uses them over MockMvc (sessions from {@link WebSessions}):
 * the form that completes a task, sending it expecting it done or expecting the page back with its
 * errors, reading a page.
 */
public final class TaskPages {
  private static final Pattern FIELD_ERROR =
      Pattern.compile("id=\"(f-[^\"]*-error)\"[^>]*>([^<]*)");

  private TaskPages() {}

  /** The multipart form that completes the task (with the CSRF token); add its fields and files. */
  public static MockMultipartHttpServletRequestBuilder completeForm(String taskId) {
    MockMultipartHttpServletRequestBuilder form = multipart("/tasks/{id}/complete", taskId);
    form.with(csrf());
    return form;
  }

  /**
   * Sends the form and expects the task done (back to the list); otherwise fails with the fields
   * marked wrong.
   */
  public static void done(MockMvc mvc, MockHttpServletRequestBuilder form, MockHttpSession session)
      throws Exception {
    MockHttpServletResponse response = mvc.perform(form.session(session)).andReturn().getResponse();
    if (!"/tasks".equals(response.getRedirectedUrl())) {
      Matcher m = FIELD_ERROR.matcher(response.getContentAsString(StandardCharsets.UTF_8));
      StringBuilder errors = new StringBuilder();
      while (m.find()) {
        errors.append(m.group(1)).append(": ").append(m.group(2).strip()).append("; ");
      }
      throw new AssertionError("not completed (" + response.getStatus() + "): " + errors);
    }
  }

  /** Sends the form and expects the page back (200, e.g. with its errors); returns its HTML. */
  public static String refused(
      MockMvc mvc, MockHttpServletRequestBuilder form, MockHttpSession session) throws Exception {
    return mvc.perform(form.session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** A page's HTML, expecting 200. */
  public static String page(MockMvc mvc, String url, MockHttpSession session) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /**
   * The smallest file the upload check takes for a PDF (its magic bytes), the text marking which
   * one it is.
   */
  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% "
            + text
            + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
