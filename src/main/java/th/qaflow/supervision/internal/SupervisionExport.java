package th.qaflow.supervision.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.CurrentUser;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Plan;
import th.qaflow.supervision.SupervisionPlans.Progress;
import th.qaflow.supervision.SupervisionPlans.Project;
import th.qaflow.supervision.SupervisionPlans.Rating;
import th.qaflow.visit.VisitRounds;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * {@code GET /supervision/{district}/{fiscalYear}.xlsx}: the plan as a workbook for the unit's own
 * reports: the plan, its projects with indicators and progress, every progress report, and the
 * schools' ratings. In the reader's language; the district's staff, OBEC and admins only.
 */
@RestController
class SupervisionExport {
  private final SupervisionPlans plans;
  private final SupervisionViews views;
  private final OrganisationDirectory directory;
  private final VisitRounds rounds;
  private final MessageSource messages;

  SupervisionExport(
      SupervisionPlans plans,
      SupervisionViews views,
      OrganisationDirectory directory,
      VisitRounds rounds,
      MessageSource messages) {
    this.plans = plans;
    this.views = views;
    this.directory = directory;
    this.rounds = rounds;
    this.messages = messages;
  }

  @GetMapping("/supervision/{district}/{year:\\d{4}}.xlsx")
  @PreAuthorize(SupervisionController.ROLES)
  ResponseEntity<byte[]> xlsx(@PathVariable String district, @PathVariable int year) {
    if (!CurrentUser.get().canSeeDistrict(district)) {
      throw new ForbiddenException("supervision plan of " + district);
    }
    Plan plan =
        plans
            .plan(district, year)
            .orElseThrow(() -> new NotFoundException("supervision plan " + district + "/" + year));
    Locale locale = LocaleContextHolder.getLocale();
    return ResponseEntity.ok()
        .contentType(TableWriter.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment("supervision-plan-" + district + "-" + year + ".xlsx"))
        .body(TableWriter.xlsx(sheets(plan, locale), locale));
  }

  List<Table> sheets(Plan plan, Locale locale) {
    List<Project> projects = plans.projects(plan.id());
    List<Rating> ratings = plans.ratings(plan.districtCode(), plan.fiscalYear());

    Table.Builder summary =
        Table.of(msg("supervision.xlsx.plan", locale), headers(locale, "item", "value"));
    summary.row(
        Table.text(msg("supervision.fiscalYear", locale)), Table.integer(plan.fiscalYear()));
    summary.row(
        Table.text(msg("supervision.xlsx.district", locale)),
        Table.text(directory.district(plan.districtCode()).map(d -> d.name(locale)).orElse("")));
    summary.row(Table.text(msg("supervision.vision", locale)), Table.text(plan.vision()));
    summary.row(Table.text(msg("supervision.strategies", locale)), Table.text(plan.strategies()));
    summary.row(
        Table.text(msg("supervision.xlsx.approvedAt", locale)), Table.date(plan.approvedAt()));
    summary.row(
        Table.text(msg("supervision.xlsx.asIntended", locale)),
        Table.text(
            plan.asIntended() == null
                ? ""
                : msg(plan.asIntended() ? "supervision.xlsx.yes" : "supervision.xlsx.no", locale)));
    summary.row(
        Table.text(msg("supervision.xlsx.improvementRounds", locale)),
        Table.integer(plan.improvementRounds()));
    summary.row(
        Table.text(msg("supervision.xlsx.satisfaction", locale)),
        Table.decimal(SupervisionPlans.average(ratings)));
    summary.row(Table.text(msg("supervision.xlsx.ratings", locale)), Table.integer(ratings.size()));
    summary.row(Table.text(msg("supervision.xlsx.summary", locale)), Table.text(plan.summary()));
    summary.row(
        Table.text(msg("supervision.xlsx.publishedAt", locale)), Table.date(plan.publishedAt()));

    Table.Builder projectRows =
        Table.of(
            msg("supervision.projects", locale),
            headers(
                locale,
                "no",
                "project",
                "owner",
                "group",
                "objective",
                "indicators",
                "percent",
                "done",
                "rounds"));
    Table.Builder reports =
        Table.of(
            msg("supervision.project.reports", locale),
            headers(locale, "project", "reportedAt", "reportedBy", "percent", "done", "note"));
    for (Project p : projects) {
      projectRows.row(
          Table.integer(p.ord()),
          Table.text(p.name()),
          Table.text(views.personName(p.ownerUserId())),
          Table.text(views.project(p).groupName()),
          Table.text(p.objective()),
          Table.text(
              p.indicators().stream()
                  .map(i -> msg("supervision.indicator", locale, i.text(), i.target()))
                  .collect(Collectors.joining("\n"))),
          Table.integer(p.percent()),
          Table.text(msg(p.done() ? "supervision.xlsx.yes" : "supervision.xlsx.no", locale)),
          Table.integer(rounds.roundsOfProject(p.id()).size()));
      for (Progress r : p.progress()) {
        reports.row(
            Table.text(p.name()),
            Table.date(r.reportedAt()),
            Table.text(views.personName(r.reportedBy())),
            Table.integer(r.percent()),
            Table.text(msg(r.done() ? "supervision.xlsx.yes" : "supervision.xlsx.no", locale)),
            Table.text(r.note()));
      }
    }

    Table.Builder ratingRows =
        Table.of(
            msg("supervision.xlsx.ratingsSheet", locale),
            headers(locale, "schoolCode", "school", "rating", "comment", "ratedAt"));
    for (Rating r : ratings) {
      ratingRows.row(
          Table.text(r.schoolCode()),
          Table.text(directory.school(r.schoolCode()).map(s -> s.name(locale)).orElse("")),
          Table.integer(r.rating()),
          Table.text(r.comment()),
          Table.date(r.ratedAt()));
    }
    return List.of(summary.build(), projectRows.build(), reports.build(), ratingRows.build());
  }

  private List<String> headers(Locale locale, String... columns) {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      out.add(msg("supervision.xlsx.col." + c, locale));
    }
    return out;
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
