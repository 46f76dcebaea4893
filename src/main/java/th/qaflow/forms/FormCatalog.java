package th.qaflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The forms of {@code forms/} by id. A running task's form comes from its deployment (FormService);
 * this catalogue serves the read-only display of submissions already made.
 */
@Component
public class FormCatalog {
  private static final Pattern FORM_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,100}$");

  private final Map<String, Optional<FormSchema>> cache = new ConcurrentHashMap<>();

  public FormSchema parse(InputStream in) {
    return FormSchemaParser.parse(in);
  }

  public Optional<FormSchema> byId(String formId) {
    if (formId == null || !FORM_ID.matcher(formId).matches()) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(formId, id -> {
      ClassPathResource resource = new ClassPathResource("forms/" + id + ".form");
      if (!resource.exists()) {
        return Optional.empty();
      }
      try (InputStream in = resource.getInputStream()) {
        return Optional.of(FormSchemaParser.parse(in, resource.getPath()));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read form " + id, e);
      }
    });
  }
}
