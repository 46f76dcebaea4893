package th.qaflow.schoolgroup.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.StageCatalog;
import th.qaflow.schoolgroup.GroupStage;

/** Contributes the school groups' stages to the stage registry, after the network's. */
@Component
@Order(16)
class GroupStageCatalog implements StageCatalog {
  @Override
  public List<GroupStage> stages() {
    return List.of(GroupStage.values());
  }
}
