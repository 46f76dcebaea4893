package th.qaflow.monitoringreport.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.monitoringreport.MonitoringReportStage;

/** Contributes the monitoring report's stages to the stage registry, after the other modules'. */
@Component
@Order(12)
class MonitoringReportStageCatalog implements StageCatalog {
  @Override
  public List<MonitoringReportStage> stages() {
    return List.of(MonitoringReportStage.values());
  }
}
