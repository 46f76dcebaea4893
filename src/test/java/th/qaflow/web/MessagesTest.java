package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text is in both languages, and every literal message key a template uses exists. */
class MessagesTest {
  static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)[}(]");

  @Test
  void thaiAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(keys("th")).isEqualTo(keys("en"));
  }

  @Test
  void templatesOnlyUseKeysThatExist() throws IOException {
    Set<String> known = keys("th");
    Set<String> used = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = LITERAL_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(known).containsAll(used);
  }

  /**
   * The bundles the application loads, as listed in application.yml ({@code
   * spring.messages.basename}).
   */
  static List<String> bundles() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^\\s*basename:\\s*(.+)$")
            .matcher(
                Files.readString(
                    Path.of("src/main/resources/application.yml"), StandardCharsets.UTF_8));
    assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
    return Arrays.stream(m.group(1).split(","))
        .map(String::strip)
        .map(b -> b.replaceFirst("^i18n/", ""))
        .toList();
  }

  private static Set<String> keys(String language) throws IOException {
    Set<String> keys = new HashSet<>();
    for (String bundle : bundles()) {
      Properties p = new Properties();
      try (InputStream in =
          MessagesTest.class.getResourceAsStream(
              "/i18n/" + bundle + "_" + language + ".properties")) {
        assertThat(in).as(bundle + "_" + language).isNotNull();
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      p.stringPropertyNames().forEach(keys::add);
    }
    return keys;
  }
}
