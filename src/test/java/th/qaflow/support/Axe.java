package th.qaflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque, MPL-2.0, {@code src/test/resources/axe/axe.min.js}, see NOTICE) run in the page
 * the browser shows: {@link #violations} injects it when the page has none and returns the critical
 * and serious violations, one line each (rule, impact, how many elements, the first few with why).
 */
public final class Axe {
  private static final String SOURCE = load();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Impacts that fail a page: issue 16 §3 asks for none of these. */
  public static final List<String> FAILING = List.of("critical", "serious");

  private static final String RUN =
      """
      var done = arguments[arguments.length - 1];
      axe.run(document, { resultTypes: ['violations'] })
        .then(function (r) {
          done(JSON.stringify(r.violations.map(function (v) {
            return { id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
              nodes: v.nodes.slice(0, 4).map(function (n) {
                return n.target.join(' ') + ' :: ' + String(n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240);
              }) };
          })));
        })
        .catch(function (e) { done(JSON.stringify({ error: String(e) })); });
      """;

  private Axe() {}

  /** The critical and serious violations of the page shown now, as readable lines. */
  public static List<String> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
      js.executeScript(SOURCE);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    String result = (String) js.executeAsyncScript(RUN);
    List<String> lines = new ArrayList<>();
    try {
      JsonNode root = JSON.readTree(result);
      if (root.has("error")) {
        lines.add("axe failed: " + root.get("error").asText());
        return lines;
      }
      for (JsonNode v : root) {
        if (FAILING.contains(v.path("impact").asText())) {
          lines.add(
              v.path("impact").asText()
                  + " "
                  + v.path("id").asText()
                  + " ("
                  + v.path("count").asInt()
                  + "): "
                  + v.path("help").asText()
                  + " "
                  + v.path("nodes"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
