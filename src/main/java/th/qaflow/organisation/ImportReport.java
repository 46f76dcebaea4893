package th.qaflow.organisation;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one import. When {@link #ok()} is false nothing was imported. {@code rows} counts
 * the non-blank data rows; created/updated/unchanged count rows by what happened to the row's
 * record. {@code generatedPasswords} holds the random passwords given to new users whose row had
 * none (user id to password, in file order): show them once to whoever imported the file.
 */
public record ImportReport(
    ImportKind kind,
    int rows,
    int created,
    int updated,
    int unchanged,
    List<ImportError> errors,
    Map<String, String> generatedPasswords)
    implements Serializable {

  public ImportReport {
    errors = List.copyOf(errors);
    generatedPasswords = Collections.unmodifiableMap(new LinkedHashMap<>(generatedPasswords));
  }

  public static ImportReport failed(ImportKind kind, int rows, List<ImportError> errors) {
    return new ImportReport(kind, rows, 0, 0, 0, errors, Map.of());
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
