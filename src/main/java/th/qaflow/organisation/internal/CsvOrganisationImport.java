package th.qaflow.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.organisation.ImportError;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.ImportReport;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.OrganisationImported;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;

/**
 * Reads the whole file, validates every row, and only then writes everything in one transaction
 * that Camunda's identity writes join. Any failure while writing rolls everything back.
 */
@Service
class CsvOrganisationImport implements OrganisationImport {

  private static final Logger log = LoggerFactory.getLogger(CsvOrganisationImport.class);

  /** The administrator the demo import acts as. */
  static final Person DEMO_ACTOR =
      new Person(
          "admin",
          "ผู้ดูแลระบบ",
          "QA Flow",
          "admin@qaflow.example",
          Role.ADMIN,
          null,
          null,
          List.of(),
          "th");

  private final Map<ImportKind, RowImporter> importers = new EnumMap<>(ImportKind.class);
  private final IdentitySync identitySync;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  CsvOrganisationImport(
      List<RowImporter> importers,
      IdentitySync identitySync,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events) {
    importers.forEach(i -> this.importers.put(i.kind(), i));
    this.identitySync = identitySync;
    this.transaction = new TransactionTemplate(transactionManager);
    this.events = events;
  }

  @Override
  public ImportReport importCsv(ImportKind kind, InputStream csv, Person actor) {
    checkActor(actor);
    byte[] bytes;
    try {
      bytes = csv.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return identitySync.withoutCamundaAuthentication(
          () -> transaction.execute(status -> run(kind, bytes, actor)));
    } catch (RuntimeException e) {
      log.error("Import of {} by {} failed and was rolled back", kind, actor.userId(), e);
      return ImportReport.failed(
          kind, 0, List.of(new ImportError(0, "", ImportErrors.PREFIX + "failed", List.of())));
    }
  }

  private ImportReport run(ImportKind kind, byte[] bytes, Person actor) {
    ImportErrors errors = new ImportErrors();
    if (kind == ImportKind.DISTRICTS && actor.role() != Role.ADMIN) {
      errors.add(0, "", "adminOnly");
      return ImportReport.failed(kind, 0, errors.list());
    }
    CsvTable table = CsvTable.read(bytes, kind, errors);
    int rows = table.rows().size();
    if (!errors.isEmpty()) {
      return ImportReport.failed(kind, rows, errors.list());
    }
    RowImporter.Writes writes = importers.get(kind).validate(table.rows(), actor, errors);
    if (!errors.isEmpty()) {
      List<ImportError> sorted = new ArrayList<>(errors.list());
      sorted.sort(Comparator.comparingLong(ImportError::row));
      return ImportReport.failed(kind, rows, sorted);
    }
    RowImporter.Counts counts = writes.write();
    ImportReport report =
        new ImportReport(
            kind,
            rows,
            counts.created,
            counts.updated,
            counts.unchanged,
            List.of(),
            counts.generatedPasswords);
    events.publishEvent(new OrganisationImported(report, actor.userId()));
    log.info(
        "Imported {} by {}: {} rows, {} created, {} updated, {} unchanged",
        kind,
        actor.userId(),
        rows,
        counts.created,
        counts.updated,
        counts.unchanged);
    return report;
  }

  @Override
  public List<ImportReport> importDemo() {
    return importAll(kind -> new ClassPathResource("demo/" + fileName(kind)));
  }

  @Override
  public List<ImportReport> importDirectory(Path directory) {
    return importAll(kind -> new FileSystemResource(directory.resolve(fileName(kind))));
  }

  private static String fileName(ImportKind kind) {
    return kind.name().toLowerCase(Locale.ROOT) + ".csv";
  }

  /** Districts, then schools, then people, in one transaction; a file that is absent is skipped. */
  private List<ImportReport> importAll(Function<ImportKind, Resource> files) {
    return transaction.execute(
        status -> {
          List<ImportReport> reports = new ArrayList<>();
          for (ImportKind kind :
              List.of(ImportKind.DISTRICTS, ImportKind.SCHOOLS, ImportKind.PEOPLE)) {
            Resource file = files.apply(kind);
            if (!file.exists()) {
              continue;
            }
            try (InputStream in = file.getInputStream()) {
              ImportReport report = importCsv(kind, in, DEMO_ACTOR);
              if (!report.ok()) {
                throw new IllegalStateException(
                    file.getDescription() + " does not import: " + report.errors());
              }
              reports.add(report);
            } catch (IOException e) {
              throw new UncheckedIOException("Cannot read " + file.getDescription(), e);
            }
          }
          return reports;
        });
  }

  private static void checkActor(Person actor) {
    if (actor == null) {
      throw new AccessDeniedException("An import needs an acting person");
    }
    boolean allowed =
        actor.role() == Role.ADMIN
            || (actor.role() == Role.DISTRICT_QA_OFFICER && actor.districtCode() != null);
    if (!allowed) {
      throw new AccessDeniedException("Only administrators and district QA officers may import");
    }
  }
}
