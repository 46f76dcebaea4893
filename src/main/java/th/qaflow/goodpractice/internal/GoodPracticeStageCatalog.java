package th.qaflow.goodpractice.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.goodpractice.GoodPracticeStage;
import th.qaflow.kernel.StageCatalog;

/** Contributes the good-practice round's stages to the stage registry, after the plan's. */
@Component
@Order(6)
class GoodPracticeStageCatalog implements StageCatalog {
  @Override
  public List<GoodPracticeStage> stages() {
    return List.of(GoodPracticeStage.values());
  }
}
