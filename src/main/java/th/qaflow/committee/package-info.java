/**
 * District committees and their meetings, built once and reused: a committee (ก.ต.ป.น. and its
 * sub-committees อ.ก.ต.ป.น.; members with roles and terms, members from outside the office with a
 * read-and-vote account) and a meeting (CommitteeMeeting, a callable process: agenda drawn from the
 * open plans and reports of every {@link th.qaflow.committee.AgendaSource} → invitation → the
 * meeting day → minutes → the members' vote → one follow-up task per resolution). The ก.ต.ป.น. year
 * (MonitoringCommitteeYear) calls the meeting as often as the district sets.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "districtplan",
      "kernel",
      "onesqa",
      "organisation",
      "security",
      "synthesis",
      "web"
    })
package th.qaflow.committee;
