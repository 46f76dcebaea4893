package th.qaflow.organisation;

import java.util.List;

/**
 * The three CSV files the organisation import reads, with their columns (in the documented order).
 */
public enum ImportKind {
  DISTRICTS(List.of("code", "name_th", "name_en", "kind")),
  SCHOOLS(
      List.of(
          "code",
          "smis_code",
          "name_th",
          "name_en",
          "district_code",
          "cluster_code",
          "cluster_name_th",
          "early_childhood",
          "basic")),
  PEOPLE(
      List.of(
          "user_id",
          "first_name",
          "last_name",
          "email",
          "role",
          "district_code",
          "school_code",
          "cluster_codes",
          "password"));

  private final List<String> columns;

  ImportKind(List<String> columns) {
    this.columns = columns;
  }

  /** The header row the file must have (any order, each column exactly once). */
  public List<String> columns() {
    return columns;
  }
}
