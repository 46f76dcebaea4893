package th.qaflow.onesqa.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.onesqa.OnesqaStage;

/** Contributes the ONESQA's stages to the stage registry (place 4 in the year's order). */
@Component
@Order(4)
class OnesqaStageCatalog implements StageCatalog {
  @Override
  public List<OnesqaStage> stages() {
    return List.of(OnesqaStage.values());
  }
}
