/**
 * The school's QA year (SchoolQaCycle): starting cycles, its delegates and listeners, escalations
 * of an overdue SAR, and the contracts the district side uses (the SAR submitted and its review
 * answered).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "documents",
      "kernel",
      "organisation",
      "security",
      "standards",
      "web"
    })
package th.qaflow.cycle;
