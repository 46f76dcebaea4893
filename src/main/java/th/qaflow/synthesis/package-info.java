/**
 * The district's synthesis of the schools' accepted SARs: the generated summary ({@link
 * th.qaflow.synthesis.SarSynthesis}), its XLSX and PDF downloads, the panel on the district's
 * synthesis tasks, and the published report on a public page once the supervision-unit director has
 * approved it.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "cycle",
      "district",
      "documents",
      "kernel",
      "organisation",
      "security",
      "standards",
      "tasklist",
      "web"
    })
package th.qaflow.synthesis;
