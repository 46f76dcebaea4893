/**
 * School groups (กลุ่มโรงเรียน in a primary district, สหวิทยาเขต in a secondary one; 002 L786-826):
 * the clusters of the organisation module with the group's committee (a committee of kind GROUP of
 * the committee module: the member schools' directors, an elected chair and vice-chair), its
 * meetings (the committee module's CommitteeMeeting) and the rule of at least two meetings a
 * semester, shown as met or missed.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "committee",
      "kernel",
      "organisation",
      "security",
      "supervision",
      "web"
    })
package th.qaflow.schoolgroup;
