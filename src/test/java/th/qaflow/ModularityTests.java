package th.qaflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module structure of architecture.md honest and writes its documentation to docs/modules. */
class ModularityTests {
  final ApplicationModules modules = ApplicationModules.of(QaFlowApplication.class);

  @Test
  void modulesOnlyUseEachOthersApiAndHaveNoCycles() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
