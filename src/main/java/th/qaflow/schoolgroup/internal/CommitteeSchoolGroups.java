package th.qaflow.schoolgroup.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Meeting;
import th.qaflow.committee.Committees.Member;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.schoolgroup.SchoolGroups;

/**
 * School groups on top of the committee module: a group's committee is a committee of kind GROUP
 * tied to the cluster, and its meetings are CommitteeMeeting instances, so their tasks have due
 * dates and are reminded like every task. This module keeps no table of its own.
 */
@Service
class CommitteeSchoolGroups implements SchoolGroups {
  private final Committees committees;
  private final OrganisationDirectory directory;
  private final Clock clock;
  private final GroupYears years;

  CommitteeSchoolGroups(
      Committees committees, OrganisationDirectory directory, Clock clock, GroupYears years) {
    this.committees = committees;
    this.directory = directory;
    this.clock = clock;
    this.years = years;
  }

  @Override
  public Optional<String> startYear(String clusterCode, int academicYearBE, String by) {
    return years.start(clusterCode, academicYearBE, by);
  }

  Cluster cluster(String clusterCode) {
    return directory
        .cluster(clusterCode)
        .orElseThrow(() -> new IllegalArgumentException("cluster " + clusterCode));
  }

  /** The directors of the cluster's schools, school by school. */
  List<Person> directors(String clusterCode) {
    List<Person> out = new ArrayList<>();
    for (School s : directory.schoolsOfCluster(clusterCode)) {
      for (Person p : directory.peopleOfSchool(s.code())) {
        if (p.role() == Role.SCHOOL_DIRECTOR) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The committee's name: คณะกรรมการกลุ่มโรงเรียน… or คณะกรรมการสหวิทยาเขต… by the district. */
  String committeeName(Cluster c) {
    boolean secondary =
        directory.district(c.districtCode()).map(d -> "SECONDARY".equals(d.kind())).orElse(false);
    String name = c.nameTh();
    String term = secondary ? "สหวิทยาเขต" : "กลุ่มโรงเรียน";
    return "คณะกรรมการ" + (name.startsWith(term) ? name : term + name);
  }

  @Override
  public long setUp(String clusterCode, String by) {
    Optional<Committee> existing = committees.ofCluster(clusterCode);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    Cluster c = cluster(clusterCode);
    LocalDate start = AcademicYears.start(AcademicYears.current(clock));
    long id =
        committees.createGroup(
            c.districtCode(),
            clusterCode,
            committeeName(c),
            start,
            start.plusYears(2).minusDays(1),
            2 * MEETINGS_PER_SEMESTER,
            by);
    for (Person p : directors(clusterCode)) {
      committees.addMember(id, p.userId(), MemberRole.MEMBER);
    }
    return id;
  }

  @Override
  public void elect(String clusterCode, String chairUserId, String viceChairUserId) {
    Committee c = committees.ofCluster(clusterCode).orElseThrow();
    List<Member> members = committees.members(c.id());
    if (chairUserId.equals(viceChairUserId)
        || members.stream().noneMatch(m -> m.userId().equals(chairUserId))
        || members.stream().noneMatch(m -> m.userId().equals(viceChairUserId))) {
      throw new IllegalArgumentException("chair and vice-chair: two members of " + clusterCode);
    }
    for (Member m : members) {
      MemberRole r =
          m.userId().equals(chairUserId)
              ? MemberRole.CHAIR
              : m.userId().equals(viceChairUserId) ? MemberRole.VICE_CHAIR : MemberRole.MEMBER;
      if (r != m.role()) {
        committees.addMember(c.id(), m.userId(), r);
      }
    }
  }

  @Override
  public String startMeeting(String clusterCode, int academicYearBE, String by) {
    Committee c = committees.ofCluster(clusterCode).orElseThrow();
    return committees.startMeeting(c.id(), academicYearBE, by);
  }

  @Override
  public List<SemesterRule> meetingRule(String clusterCode, int academicYearBE) {
    return rule(
        committees.ofCluster(clusterCode).map(c -> committees.meetings(c.id())).orElse(List.of()),
        academicYearBE);
  }

  /** The rule of two meetings a semester over a group's meetings. */
  private List<SemesterRule> rule(List<Meeting> meetings, int academicYearBE) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, AcademicYears.ZONE);
    List<SemesterRule> out = new ArrayList<>();
    int no = 0;
    for (LocalDate[] sem : SchoolGroups.semesters(academicYearBE)) {
      no++;
      int held = 0;
      int scheduled = 0;
      for (Meeting m : meetings) {
        if (m.meetingAt() == null) {
          continue;
        }
        LocalDate day = LocalDate.ofInstant(m.meetingAt(), AcademicYears.ZONE);
        if (day.isBefore(sem[0]) || day.isAfter(sem[1])) {
          continue;
        }
        if (m.meetingAt().isAfter(now)) {
          scheduled++;
        } else {
          held++;
        }
      }
      RuleStatus status;
      if (held >= MEETINGS_PER_SEMESTER) {
        status = RuleStatus.MET;
      } else if (today.isAfter(sem[1])) {
        status = RuleStatus.MISSED;
      } else if (today.isBefore(sem[0])) {
        status = RuleStatus.NOT_YET;
      } else if (held + scheduled >= MEETINGS_PER_SEMESTER) {
        status = RuleStatus.SCHEDULED;
      } else {
        status = RuleStatus.BEHIND;
      }
      out.add(new SemesterRule(no, sem[0], sem[1], held, scheduled, status));
    }
    return out;
  }

  @Override
  public List<String> behindInDistrict(String districtCode, int academicYearBE) {
    // every group's meetings in two reads, not two per cluster
    Map<String, List<Meeting>> meetings = committees.groupMeetingsOfDistrict(districtCode);
    return directory.clusters(districtCode).stream()
        .map(Cluster::code)
        .filter(
            cl ->
                rule(meetings.getOrDefault(cl, List.of()), academicYearBE).stream()
                    .anyMatch(r -> r.status().behind()))
        .toList();
  }
}
