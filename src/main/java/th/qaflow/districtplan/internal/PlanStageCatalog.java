package th.qaflow.districtplan.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.districtplan.PlanStage;
import th.qaflow.kernel.StageCatalog;

/** Contributes the plan's stages to the stage registry, after the other modules' stages. */
@Component
@Order(5)
class PlanStageCatalog implements StageCatalog {
  @Override
  public List<PlanStage> stages() {
    return List.of(PlanStage.values());
  }
}
