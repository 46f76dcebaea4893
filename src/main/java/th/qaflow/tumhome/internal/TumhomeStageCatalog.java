package th.qaflow.tumhome.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.tumhome.TumhomeStage;

/** Contributes the TUMHOME drive's stages to the stage registry, after the other modules'. */
@Component
@Order(16)
class TumhomeStageCatalog implements StageCatalog {
  @Override
  public List<TumhomeStage> stages() {
    return List.of(TumhomeStage.values());
  }
}
