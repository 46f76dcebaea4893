/**
 * Research on QA (issue 15 §1, seeds 000 L313-347, 001 L371-456, 002 L707-764): the district's
 * research projects (DistrictResearch: R2R on the QA promotion, innovations, needs studies) with
 * the proposal's approval loop and the "evaluate the model → revise → try again" loop, and the
 * anonymised data for researchers (levels per standard per school and year under a stable
 * pseudonym, small groups suppressed, every request logged).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "committee",
      "cycle",
      "kernel",
      "organisation",
      "security",
      "tasklist",
      "web"
    })
package th.qaflow.research;
