/** The district's own QA year (DistrictQaCycle) and its review of the schools' SARs (SarReview). */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "cycle",
      "documents",
      "kernel",
      "organisation",
      "security",
      "tasklist",
      "web"
    })
package th.qaflow.district;
