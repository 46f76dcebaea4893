/**
 * The district's good-practice round of a year (GoodPracticeRound): schools nominate practices from
 * their SAR and supervisors from their visits (structured rows), the district committee selects
 * with a reason per nomination, the selected schools are honoured, the selection is published on a
 * public page beside the synthesis, and the knowledge-sharing event is recorded.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "district",
      "kernel",
      "organisation",
      "security",
      "standards",
      "synthesis",
      "tasklist",
      "web"
    })
package th.qaflow.goodpractice;
