/**
 * External assessment by ONESQA (สมศ.): the district's coordination (ExternalAssessment) and each
 * assessed school's process (ExternalAssessmentSchool).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "cycle",
      "documents",
      "kernel",
      "organisation",
      "security",
      "standards",
      "synthesis",
      "tasklist",
      "web"
    })
package th.qaflow.onesqa;
