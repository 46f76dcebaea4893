package th.qaflow.supervision.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.supervision.SupervisionStage;

/** Contributes the supervision plan's stages to the stage registry, after the other modules'. */
@Component
@Order(8)
class SupervisionStageCatalog implements StageCatalog {
  @Override
  public List<SupervisionStage> stages() {
    return List.of(SupervisionStage.values());
  }
}
