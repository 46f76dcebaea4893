/** The district's supervision visits to schools (DistrictVisit), launched in rounds. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "cycle",
      "documents",
      "kernel",
      "organisation",
      "security",
      "standards",
      "tasklist",
      "web"
    })
package th.qaflow.visit;
