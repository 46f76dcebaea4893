package th.qaflow.network.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.network.NetworkStage;

/** Contributes the network development's stages to the stage registry, after the other modules'. */
@Component
@Order(15)
class NetworkStageCatalog implements StageCatalog {
  @Override
  public List<NetworkStage> stages() {
    return List.of(NetworkStage.values());
  }
}
