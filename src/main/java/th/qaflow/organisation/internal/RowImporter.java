package th.qaflow.organisation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.Person;

/** Validates the rows of one kind of file, and afterwards writes them if no row was bad. */
interface RowImporter {

  ImportKind kind();

  /** Checks every row, adding errors; returns the writes to do if there were none. */
  Writes validate(List<CsvTable.Row> rows, Person actor, ImportErrors errors);

  @FunctionalInterface
  interface Writes {
    Counts write();
  }

  /** What the writes did. */
  final class Counts {
    int created;
    int updated;
    int unchanged;
    final Map<String, String> generatedPasswords = new LinkedHashMap<>();

    void count(boolean created, boolean updated) {
      if (created) {
        this.created++;
      } else if (updated) {
        this.updated++;
      } else {
        this.unchanged++;
      }
    }
  }
}
