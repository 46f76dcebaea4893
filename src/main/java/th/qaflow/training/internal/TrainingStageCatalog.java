package th.qaflow.training.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.training.TrainingStage;

/** Contributes the training events' stages to the stage registry, after the other modules'. */
@Component
@Order(21)
class TrainingStageCatalog implements StageCatalog {
  @Override
  public List<TrainingStage> stages() {
    return List.of(TrainingStage.values());
  }
}
