package th.qaflow.organisation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import th.qaflow.organisation.ImportError;

/**
 * Collects the errors of one import; codes are short names under {@code
 * organisation.import.error.}.
 */
final class ImportErrors {

  static final String PREFIX = "organisation.import.error.";

  private final List<ImportError> list = new ArrayList<>();

  void add(long row, String column, String code, Object... args) {
    list.add(
        new ImportError(
            row, column, PREFIX + code, Arrays.stream(args).map(String::valueOf).toList()));
  }

  int count() {
    return list.size();
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<ImportError> list() {
    return List.copyOf(list);
  }
}
