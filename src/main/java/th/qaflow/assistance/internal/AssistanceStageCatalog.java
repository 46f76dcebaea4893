package th.qaflow.assistance.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.assistance.AssistanceStage;
import th.qaflow.kernel.StageCatalog;

/** Contributes the help's stages to the stage registry, after the district plan's. */
@Component
@Order(7)
class AssistanceStageCatalog implements StageCatalog {
  @Override
  public List<AssistanceStage> stages() {
    return List.of(AssistanceStage.values());
  }
}
