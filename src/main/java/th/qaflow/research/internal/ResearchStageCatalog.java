package th.qaflow.research.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.research.ResearchStage;

/** Contributes the research projects' stages to the stage registry, after the other modules'. */
@Component
@Order(21)
class ResearchStageCatalog implements StageCatalog {
  @Override
  public List<ResearchStage> stages() {
    return List.of(ResearchStage.values());
  }
}
