package th.qaflow.cycle.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.kernel.StageCatalog;

/** Contributes the school's stages to the stage registry (place 1 in the year's order). */
@Component
@Order(1)
class SchoolStageCatalog implements StageCatalog {
  @Override
  public List<SchoolStage> stages() {
    return List.of(SchoolStage.values());
  }
}
