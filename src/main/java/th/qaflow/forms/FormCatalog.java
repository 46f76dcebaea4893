package th.qaflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The forms shipped with QA Flow ({@code forms/*.form} on the class path), by form id, read once at
 * start-up so that a broken form stops the application instead of a user's task. The process engine
 * deploys the same files; a task's form can also be read from its deployment.
 */
@Component
public class FormCatalog {

  public static final String LOCATION = "classpath*:forms/*.form";

  private final Map<String, FormSchema> forms;

  public FormCatalog() {
    this(new PathMatchingResourcePatternResolver(), LOCATION);
  }

  public FormCatalog(ResourcePatternResolver resolver, String locationPattern) {
    Map<String, FormSchema> byId = new TreeMap<>();
    try {
      for (Resource r : resolver.getResources(locationPattern)) {
        try (InputStream in = r.getInputStream()) {
          FormSchema schema = FormSchemaParser.parse(in, r.getDescription());
          FormSchema clash = byId.put(schema.id(), schema);
          if (clash != null) {
            throw new FormSchemaException(
                "Two forms have the id " + schema.id() + " (" + r.getDescription() + ")");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms at " + locationPattern, e);
    }
    this.forms = Collections.unmodifiableMap(byId);
  }

  public Optional<FormSchema> find(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }

  public FormSchema get(String formId) {
    return find(formId).orElseThrow(() -> new NoSuchElementException("No form with id " + formId));
  }

  /** All forms, ordered by id. */
  public Collection<FormSchema> all() {
    return forms.values();
  }
}
