package th.qaflow.operations.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.SchemaLogEntry;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * /actuator/info "engine": the Camunda library this build runs and the schema version its database
 * was created or upgraded to (Camunda's scripts log each step in ACT_GE_SCHEMA_LOG). They differ
 * after a library upgrade whose upgrade script was not run (docs/operations.md).
 */
@Component
class EngineInfo implements InfoContributor {
  private final ManagementService management;

  EngineInfo(ManagementService management) {
    this.management = management;
  }

  @Override
  public void contribute(Info.Builder builder) {
    Map<String, Object> engine = new LinkedHashMap<>();
    engine.put("version", ProcessEngine.class.getPackage().getImplementationVersion());
    management.createSchemaLogQuery().list().stream()
        .max(
            Comparator.comparing((SchemaLogEntry e) -> e.getTimestamp())
                .thenComparing(e -> e.getId().length())
                .thenComparing(SchemaLogEntry::getId))
        .ifPresent(e -> engine.put("schemaVersion", e.getVersion()));
    builder.withDetail("engine", engine);
  }
}
