package th.qaflow.visit.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.visit.VisitStage;

/** Contributes the visits' stages to the stage registry (place 2 in the year's order). */
@Component
@Order(2)
class VisitStageCatalog implements StageCatalog {
  @Override
  public List<VisitStage> stages() {
    return List.of(VisitStage.values());
  }
}
