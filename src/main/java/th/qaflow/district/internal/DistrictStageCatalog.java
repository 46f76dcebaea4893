package th.qaflow.district.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.district.DistrictStage;
import th.qaflow.kernel.StageCatalog;

/** Contributes the district's stages to the stage registry (place 3 in the year's order). */
@Component
@Order(3)
class DistrictStageCatalog implements StageCatalog {
  @Override
  public List<DistrictStage> stages() {
    return List.of(DistrictStage.values());
  }
}
