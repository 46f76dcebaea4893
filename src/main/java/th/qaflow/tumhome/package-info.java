/**
 * The district's quality drive TUMHOME Plus Inno towards 4Q schools (TumhomeDrive, issue 14 §6,
 * seed 004 L276-306): T the driving team, U the baseline of student, teacher, classroom and
 * director quality analysed into a plan (approved by the district director), M the directors'
 * meeting and each school director's MOU with the district director on the four areas, O the
 * supervision progress report, M the mentoring round, E the evaluation against the 4Q indicators
 * (standards/district/tumhome-4q.json) with ranking, honours, sharing and the next cycle.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "committee",
      "kernel",
      "organisation",
      "security",
      "tasklist",
      "visit",
      "web"
    })
package th.qaflow.tumhome;
