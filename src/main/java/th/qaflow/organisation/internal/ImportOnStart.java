package th.qaflow.organisation.internal;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.ImportReport;
import th.qaflow.organisation.OrganisationImport;

/**
 * A new installation has nobody who could sign in and upload CSV files: with {@code
 * qaflow.import-dir} ({@code QAFLOW_IMPORT_DIR}) set, the folder's CSV files are imported at start
 * (idempotent, so a restart with the same folder changes nothing).
 */
@Component
@ConditionalOnExpression("!'${qaflow.import-dir:}'.isBlank()")
class ImportOnStart {
  private static final Logger log = LoggerFactory.getLogger(ImportOnStart.class);

  private final OrganisationImport organisationImport;
  private final Path directory;

  ImportOnStart(
      OrganisationImport organisationImport, org.springframework.core.env.Environment env) {
    this.organisationImport = organisationImport;
    this.directory = Path.of(env.getRequiredProperty("qaflow.import-dir"));
  }

  @EventListener(ApplicationReadyEvent.class)
  public void importOrganisation() {
    for (ImportReport report : organisationImport.importDirectory(directory)) {
      log.info(
          "Imported {} from {}: {} rows, {} created, {} updated, {} unchanged",
          report.kind(),
          directory,
          report.rows(),
          report.created(),
          report.updated(),
          report.unchanged());
    }
  }
}
