/**
 * Visit coverage: which schools had a completed district visit (DistrictVisit) in an academic year,
 * the rule that the district's visit step (DistrictQaCycle, Task_RunVisitRounds) is not completed
 * while a school is uncovered, and the warning list of schools not inspected in the last three
 * years.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "district",
      "kernel",
      "organisation",
      "security",
      "tasklist",
      "visit",
      "web"
    })
package th.qaflow.coverage;
