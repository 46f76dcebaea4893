/**
 * The district supervision unit's annual supervision action plan (SupervisionPlan, issue 14 §1):
 * workload and needs analysis, the plan (vision, strategies, projects each owned by a supervisor,
 * indicators and targets) approved by the district director, the projects' progress reports, the
 * evaluation of the supervision with the schools' satisfaction ratings, the improve-and-run-again
 * loop and the published summary report. Visit rounds may be launched under a project.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "committee",
      "kernel",
      "organisation",
      "security",
      "tasklist",
      "visit",
      "web"
    })
package th.qaflow.supervision;
