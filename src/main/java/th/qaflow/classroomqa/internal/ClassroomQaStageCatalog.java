package th.qaflow.classroomqa.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.classroomqa.ClassroomQaStage;
import th.qaflow.kernel.StageCatalog;

/** Contributes the classroom-level QA pilot's stages to the stage registry, after the others'. */
@Component
@Order(21)
class ClassroomQaStageCatalog implements StageCatalog {
  @Override
  public List<ClassroomQaStage> stages() {
    return List.of(ClassroomQaStage.values());
  }
}
