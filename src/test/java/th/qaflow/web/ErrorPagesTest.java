package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;

/**
 * The error pages say in Thai and English what happened and where to go, never a raw key; /error
 * opened directly is a 404. MockMvc does not forward a sendError to /error as Tomcat does, so the
 * tests hand /error the request attributes Tomcat sets (RedirectsAndCookiesTest checks a real 404
 * over HTTP).
 */
@QaFlowTest
class ErrorPagesTest {
  @Autowired MockMvc mvc;

  static final Map<Integer, String[]> TEXTS =
      Map.of(
          400, new String[] {"คำขอไม่ถูกต้อง", "Request not understood"},
          403, new String[] {"ไม่มีสิทธิ์ทำรายการนี้", "Not allowed"},
          404, new String[] {"ไม่พบหน้านี้", "Page not found"},
          405, new String[] {"ทำรายการด้วยวิธีนี้ไม่ได้", "Cannot be done this way"},
          500, new String[] {"เกิดข้อผิดพลาดในระบบ", "Something went wrong"},
          409, new String[] {"ไม่สามารถทำรายการได้", "Cannot do that"},
          503, new String[] {"เกิดข้อผิดพลาดในระบบ", "Something went wrong"});

  @Test
  void eachStatusHasItsOwnTextInBothLanguages() throws Exception {
    for (Map.Entry<Integer, String[]> e : TEXTS.entrySet()) {
      int status = e.getKey();
      for (int lang = 0; lang < 2; lang++) {
        MockHttpServletResponse response =
            mvc.perform(
                    get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .param("lang", lang == 0 ? "th" : "en")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/tasks/x"))
                .andReturn()
                .getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(html)
            .as(status + "/" + lang)
            .contains(e.getValue()[lang])
            .contains(lang == 0 ? "รหัสข้อผิดพลาด " + status : "Error code " + status)
            .contains(lang == 0 ? "ไปที่หน้าเข้าสู่ระบบ" : "Go to the sign-in page")
            .doesNotContain("??")
            .doesNotContain("Exception");
      }
    }
  }

  /** A 413 is the documents module's own page (what the limit is, back to the form). */
  @Test
  void tooLargeIsTheDocumentsPage() throws Exception {
    String html =
        mvc.perform(
                get("/error")
                    .accept(MediaType.TEXT_HTML)
                    .param("lang", "th")
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("ไฟล์มีขนาดใหญ่เกินไป").doesNotContain("??");
  }

  @Test
  void errorOpenedDirectlyIsNotFound() throws Exception {
    MockHttpServletResponse page =
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(404);
    assertThat(page.getContentAsString(StandardCharsets.UTF_8))
        .contains("ไม่พบหน้านี้")
        .doesNotContain("??");
    MockHttpServletResponse json =
        mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    assertThat(json.getStatus()).isEqualTo(404);
    assertThat(json.getContentAsString()).doesNotContain("trace");
  }
}
