package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;

/**
 * The pages carry their own Thai font: the stylesheet names Laksaman after the usual Thai fonts,
 * and the app serves it to anyone (the sign-in page needs it before sign-in), nothing else of the
 * font folder.
 */
@QaFlowTest
class WebFontTest {
  @Autowired MockMvc mvc;

  @Test
  void theThaiFontIsServedToEveryoneAndTheStylesheetUsesIt() throws Exception {
    for (String font : new String[] {"Laksaman.ttf", "Laksaman-Bold.ttf"}) {
      MockHttpServletResponse response =
          mvc.perform(get("/fonts/" + font)).andReturn().getResponse();
      assertThat(response.getStatus()).as(font).isEqualTo(200);
      assertThat(response.getContentAsByteArray())
          .as(font)
          .isEqualTo(Files.readAllBytes(Path.of("src/main/resources/fonts", font)));
      assertThat(response.getHeader("Cache-Control")).contains("max-age=31536000");
    }
    assertThat(mvc.perform(get("/fonts/GPL-2.txt")).andReturn().getResponse().getStatus())
        .isNotEqualTo(200);

    String css = mvc.perform(get("/css/qaflow.css")).andReturn().getResponse().getContentAsString();
    assertThat(css)
        .contains("src: url(\"../fonts/Laksaman.ttf\")")
        .containsPattern("body \\{[^}]*font-family: [^;]*\"Laksaman\"");
  }
}
