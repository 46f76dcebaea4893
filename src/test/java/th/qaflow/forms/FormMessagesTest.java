package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages have every message, including every code the validator can produce. */
class FormMessagesTest {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = FormMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static List<String> errorCodes() {
    return Arrays.stream(FieldError.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(FormMessagesTest::value)
        .toList();
  }

  static String value(Field f) {
    try {
      return (String) f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sameKeysInThaiAndEnglish() throws IOException {
    Properties th = load("forms_th.properties");
    Properties en = load("forms_en.properties");
    assertThat(th.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(th.stringPropertyNames()).contains("form.yes", "form.no");
  }

  @Test
  void everyErrorCodeHasAMessage() throws IOException {
    Properties th = load("forms_th.properties");
    Properties en = load("forms_en.properties");
    assertThat(errorCodes())
        .hasSizeGreaterThanOrEqualTo(9)
        .allMatch(c -> c.startsWith("form.error."));
    for (String code : errorCodes()) {
      assertThat(th.getProperty(code)).as(code).containsPattern("\\p{IsThai}");
      assertThat(en.getProperty(code)).as(code).isNotBlank().doesNotContainPattern("\\p{IsThai}");
    }
  }
}
