/**
 * The process kernel: what every process module shares and no single one owns — the generic process
 * variable names, the stage registry to which each module contributes its own stages, reading a
 * user task's stage and due-date rule from its model, academic years, and "now" as the engine sees
 * it (a {@link java.time.Clock} bean). It depends on no other QA Flow module.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN,
    allowedDependencies = {})
package th.qaflow.kernel;
