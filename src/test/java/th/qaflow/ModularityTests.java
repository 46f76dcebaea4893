package th.qaflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure of architecture.md honest: modules use only each other's API, have no
 * cycles, and depend only on the modules their {@code package-info.java} allows. Writes the module
 * documentation (PlantUML and canvases) to target/modules, generated from the code on every build
 * instead of committed and going stale.
 */
class ModularityTests {
  final ApplicationModules modules = ApplicationModules.of(QaFlowApplication.class);

  @Test
  void modulesOnlyUseEachOthersApiAndHaveNoCycles() {
    modules.verify();
  }

  /**
   * Without a declaration a module may depend on anything; each one says what it needs, so verify()
   * checks it.
   */
  @Test
  void everyModuleDeclaresItsAllowedDependencies() throws Exception {
    List<String> undeclared = new java.util.ArrayList<>();
    for (var module : modules) {
      String base = module.getBasePackage().getName();
      ApplicationModule declared =
          Class.forName(base + ".package-info").getAnnotation(ApplicationModule.class);
      if (declared == null
          || List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
        undeclared.add(module.getIdentifier().toString());
      }
    }
    assertThat(undeclared).as("modules without allowedDependencies").isEmpty();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
