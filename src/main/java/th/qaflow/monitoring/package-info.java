/**
 * Managers' view of the QA year: a stage-status read model kept in step with the engine, the
 * district dashboard, the school page, the national view and the exports.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "committee",
      "cycle",
      "district",
      "documents",
      "kernel",
      "notification",
      "organisation",
      "schoolgroup",
      "security",
      "web"
    })
package th.qaflow.monitoring;
