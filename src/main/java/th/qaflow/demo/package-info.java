/**
 * The demo district loaded in the default profile: schools, people, and a year of work in every
 * process.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "assistance",
      "classroomqa",
      "committee",
      "cycle",
      "district",
      "districtplan",
      "onesqa",
      "forms",
      "goodpractice",
      "helpdesk",
      "kernel",
      "monitoringreport",
      "network",
      "research",
      "organisation",
      "schoolgroup",
      "security",
      "standards",
      "supervision",
      "tasklist",
      "training",
      "tumhome",
      "visit"
    })
package th.qaflow.demo;
