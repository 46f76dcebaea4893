package th.qaflow.operations.internal;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the engine's tables are missing or incomplete (camunda.bpm.database.schema-update false, the
 * postgres profile), says what the operator has to do instead of Camunda's hint (which points at
 * camunda.cfg.xml and at letting the engine create its tables). Registered in
 * META-INF/spring.factories; Spring Boot prints it under "APPLICATION FAILED TO START".
 */
public class EngineSchemaFailureAnalyzer extends AbstractFailureAnalyzer<ProcessEngineException> {
  /**
   * Camunda's schema checks: version mismatch (055), components without tables (056), no tables at
   * all (057).
   */
  private static final List<String> SCHEMA_CODES =
      List.of("ENGINE-03055", "ENGINE-03056", "ENGINE-03057");

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProcessEngineException cause) {
    String message = String.valueOf(cause.getMessage());
    if (SCHEMA_CODES.stream().noneMatch(message::contains)) {
      return null;
    }
    return new FailureAnalysis(
        "The process engine's tables are missing or do not match this version of QA Flow: "
            + message,
        "QA Flow does not create or upgrade the engine's tables in production (camunda.bpm.database.schema-update is "
            + "false in the postgres profile). Run Camunda's SQL scripts for this version on the database first: on a "
            + "new database the create scripts, after an upgrade of Camunda the upgrade scripts. The steps are in "
            + "docs/operations.md, \"Database schema\".",
        cause);
  }
}
