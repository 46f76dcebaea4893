package th.qaflow.organisation;

import java.io.InputStream;
import java.util.List;

/**
 * Imports districts, schools (with their clusters) and people from CSV files, keeping Camunda's
 * users, groups and memberships in step. Every row is validated first; if any row is bad nothing is
 * imported. Importing the same file again changes nothing. See {@code docs/organisation-import.md}.
 */
public interface OrganisationImport {

  /**
   * Validates and imports one CSV file (UTF-8, with or without BOM, header row required) in one
   * transaction. {@code actor} is the person doing it: an {@link Role#ADMIN} may import everything;
   * a {@link Role#DISTRICT_QA_OFFICER} only schools and people of their own district (other rows
   * are reported as errors). Anyone else gets an {@link
   * org.springframework.security.access.AccessDeniedException}. The stream is read fully but not
   * closed.
   */
  ImportReport importCsv(ImportKind kind, InputStream csv, Person actor);

  /**
   * Imports the demo district from {@code classpath:demo/districts.csv}, {@code schools.csv} and
   * {@code people.csv}, in that order and in one transaction, acting as the administrator. Safe to
   * call at every start. Throws {@link IllegalStateException} if a demo file does not import
   * cleanly.
   */
  List<ImportReport> importDemo();

  /**
   * Imports {@code districts.csv}, {@code schools.csv} and {@code people.csv} from a folder (absent
   * files are skipped) in one transaction, as the administrator: how a new installation gets its
   * organisation and first administrator ({@code QAFLOW_IMPORT_DIR}). Throws {@link
   * IllegalStateException} naming the bad rows if a file does not import cleanly; then nothing is
   * imported.
   */
  List<ImportReport> importDirectory(java.nio.file.Path directory);
}
