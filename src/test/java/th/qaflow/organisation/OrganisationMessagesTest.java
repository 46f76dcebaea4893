package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Both languages have the same keys, with text, and every import column is documented. */
class OrganisationMessagesTest {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (var reader =
        new InputStreamReader(
            new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return p;
  }

  @Test
  void thaiAndEnglishHaveTheSameKeys() throws IOException {
    Properties th = load("i18n/organisation_th.properties");
    Properties en = load("i18n/organisation_en.properties");
    assertThat(th.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
    th.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
    en.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
    for (ImportKind kind : ImportKind.values()) {
      assertThat(th).containsKey("organisation.import.kind." + kind);
      for (String column : kind.columns()) {
        assertThat(th).containsKey("organisation.import.column." + kind + "." + column);
      }
    }
  }
}
