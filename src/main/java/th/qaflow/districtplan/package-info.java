/**
 * The district's own QA development plan (DistrictQaPlan): the 3-year development plan and the
 * annual action plan, approved by the district director, evaluated each year against its
 * indicators, reported, published and carried into the next plan year.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "kernel",
      "organisation",
      "security",
      "standards",
      "synthesis",
      "tasklist",
      "web"
    })
package th.qaflow.districtplan;
