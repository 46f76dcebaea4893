package th.qaflow.schoolgroup.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Member;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.schoolgroup.SchoolGroups;
import th.qaflow.schoolgroup.SchoolGroups.SemesterRule;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * The district's school groups as an XLSX workbook ({@code /groups/export.xlsx}): a sheet of the
 * groups (member schools, chair and vice-chair, meetings held and called per semester with the
 * rule's result, the plan's status) and a sheet of the chair's assessment levels per school.
 */
@Component
class GroupExport {
  private final CommitteeSchoolGroups groups;
  private final GroupYears years;
  private final Committees committees;
  private final OrganisationDirectory directory;
  private final MessageSource messages;

  GroupExport(
      CommitteeSchoolGroups groups,
      GroupYears years,
      Committees committees,
      OrganisationDirectory directory,
      MessageSource messages) {
    this.groups = groups;
    this.years = years;
    this.committees = committees;
    this.directory = directory;
    this.messages = messages;
  }

  byte[] xlsx(List<Cluster> clusters, int year, String term, Locale locale) {
    List<String> header = new ArrayList<>();
    header.add(msg("groups.export.code", locale));
    header.add(msg("groups.group." + term, locale));
    header.add(msg("groups.export.schoolCount", locale));
    header.add(msg("groups.export.size", locale));
    header.add(msg("groups.export.schools", locale));
    header.add(msg("groups.export.chair", locale));
    header.add(msg("groups.export.viceChair", locale));
    for (int s = 1; s <= 2; s++) {
      header.add(msg("groups.export.held", locale, s));
      header.add(msg("groups.export.called", locale, s));
      header.add(msg("groups.export.rule", locale, s));
    }
    header.add(msg("groups.export.planStatus", locale));
    header.add(msg("groups.export.assessed", locale));
    Table.Builder groupSheet = Table.of(msg("groups.export.sheetGroups", locale), header);
    Table.Builder levelSheet =
        Table.of(
            msg("groups.export.sheetLevels", locale),
            List.of(
                msg("groups.group." + term, locale),
                msg("groups.export.schoolCode", locale),
                msg("groups.school", locale),
                msg("groups.director", locale),
                msg("groups.export.levelNumber", locale),
                msg("groups.level", locale),
                msg("groups.note", locale)));
    for (Cluster c : clusters) {
      List<School> schools = directory.schoolsOfCluster(c.code());
      Optional<Committee> committee = committees.ofCluster(c.code());
      List<Member> members = committee.map(k -> committees.members(k.id())).orElse(List.of());
      List<SemesterRule> rule = groups.meetingRule(c.code(), year);
      Optional<GroupYears.Year> groupYear = years.year(c.code(), year);
      List<GroupYears.Assessment> levels = years.assessments(c.code(), year);
      List<Table.Cell> row = new ArrayList<>();
      row.add(Table.text(c.code()));
      row.add(Table.text(c.nameTh()));
      row.add(Table.integer(schools.size()));
      row.add(
          Table.text(
              msg(
                  SchoolGroups.sizeOk(schools.size())
                      ? "groups.export.sizeOk"
                      : "groups.export.sizeOutside",
                  locale)));
      row.add(Table.text(String.join(", ", schools.stream().map(School::nameTh).toList())));
      row.add(Table.text(officer(members, MemberRole.CHAIR)));
      row.add(Table.text(officer(members, MemberRole.VICE_CHAIR)));
      for (SemesterRule r : rule) {
        row.add(Table.integer(r.held()));
        row.add(Table.integer(r.scheduled()));
        row.add(Table.text(msg("groups.rule." + r.status(), locale)));
      }
      row.add(
          Table.text(
              groupYear
                  .map(y -> msg("groups.planStatus." + y.status(), locale))
                  .orElse(msg("groups.noPlan", locale))));
      row.add(Table.integer(levels.size()));
      groupSheet.row(row);
      Map<String, School> byCode = new LinkedHashMap<>();
      schools.forEach(s -> byCode.put(s.code(), s));
      for (GroupYears.Assessment a : levels) {
        School s = byCode.get(a.schoolCode());
        levelSheet.row(
            Table.text(c.nameTh()),
            Table.text(a.schoolCode()),
            Table.text(s == null ? a.schoolCode() : s.nameTh()),
            Table.text(director(a.schoolCode())),
            Table.integer(a.level()),
            Table.text(msg("groups.level." + a.level(), locale)),
            Table.text(a.note()));
      }
    }
    return TableWriter.xlsx(List.of(groupSheet.build(), levelSheet.build()), locale);
  }

  private String director(String schoolCode) {
    return directory.peopleOfSchool(schoolCode).stream()
        .filter(p -> p.role() == Role.SCHOOL_DIRECTOR)
        .map(Person::displayName)
        .findFirst()
        .orElse("");
  }

  private static String officer(List<Member> members, MemberRole role) {
    return members.stream()
        .filter(m -> m.role() == role)
        .map(Member::displayName)
        .findFirst()
        .orElse("");
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
