package th.qaflow.network.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.qaflow.network.NetworkCycles;
import th.qaflow.network.NetworkCycles.Cycle;
import th.qaflow.network.NetworkCycles.Development;
import th.qaflow.network.NetworkCycles.Network;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.security.CurrentUser;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * {@code GET /networks/{district}/{year}.xlsx}: a year's network development as a workbook: the
 * cycle (goal, seminar, evaluation, guidelines, report), the planned networks and each semester's
 * development. For those who may open {@code /networks} of the district.
 */
@RestController
class NetworkExport {
  private final NetworkCycles cycles;
  private final OrganisationDirectory directory;
  private final MessageSource messages;

  NetworkExport(NetworkCycles cycles, OrganisationDirectory directory, MessageSource messages) {
    this.cycles = cycles;
    this.directory = directory;
    this.messages = messages;
  }

  @GetMapping("/networks/{district}/{year:\\d{4}}.xlsx")
  @PreAuthorize(NetworkController.ROLES)
  ResponseEntity<byte[]> xlsx(@PathVariable String district, @PathVariable int year) {
    if (!NetworkViews.maySee(CurrentUser.get(), district)) {
      throw new ForbiddenException("networks of " + district);
    }
    Cycle cycle =
        cycles
            .cycle(district, year)
            .orElseThrow(() -> new NotFoundException("network cycle " + district + "/" + year));
    Locale locale = LocaleContextHolder.getLocale();
    return ResponseEntity.ok()
        .contentType(TableWriter.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment("networks-" + district + "-" + year + ".xlsx"))
        .body(TableWriter.xlsx(sheets(cycle, locale), locale));
  }

  private List<Table> sheets(Cycle c, Locale locale) {
    Table.Builder summary =
        Table.of(
            msg("network.xlsx.cycle", locale),
            List.of(msg("network.xlsx.item", locale), msg("network.xlsx.value", locale)));
    summary.row(Table.text(msg("network.xlsx.year", locale)), Table.integer(c.academicYear()));
    summary.row(Table.text(msg("network.goal", locale)), Table.text(c.planGoal()));
    summary.row(Table.text(msg("network.xlsx.approvedAt", locale)), Table.date(c.approvedAt()));
    summary.row(Table.text(msg("network.xlsx.seminarOn", locale)), Table.date(c.seminarOn()));
    summary.row(
        Table.text(msg("network.xlsx.attendance", locale)),
        c.seminarAttendance() == null ? Table.text("") : Table.integer(c.seminarAttendance()));
    summary.row(Table.text(msg("network.evaluation", locale)), Table.text(c.evaluation()));
    summary.row(
        Table.text(msg("network.xlsx.asIntended", locale)),
        Table.text(
            c.asIntended() == null
                ? ""
                : msg(c.asIntended() ? "network.xlsx.yes" : "network.xlsx.no.answer", locale)));
    summary.row(
        Table.text(msg("network.xlsx.improvementRounds", locale)),
        Table.integer(c.improvementRounds()));
    summary.row(Table.text(msg("network.guidelines", locale)), Table.text(c.guidelines()));
    summary.row(Table.text(msg("network.xlsx.summary", locale)), Table.text(c.summary()));
    summary.row(Table.text(msg("network.reportedTo", locale)), Table.text(c.reportedTo()));
    summary.row(Table.text(msg("network.xlsx.publishedAt", locale)), Table.date(c.publishedAt()));

    Table.Builder networks =
        Table.of(
            msg("network.xlsx.networks", locale),
            List.of(
                msg("network.xlsx.no", locale),
                msg("network.name", locale),
                msg("network.kind", locale),
                msg("network.lead", locale),
                msg("network.target", locale)));
    for (Network n : cycles.networks(c.id())) {
      networks.row(
          Table.integer(n.ord()),
          Table.text(n.name()),
          Table.text(msg(n.kind().messageKey(), locale)),
          Table.text(n.lead()),
          Table.text(n.target()));
    }
    Table.Builder developments =
        Table.of(
            msg("network.developments", locale),
            List.of(
                msg("network.round", locale),
                msg("network.semester", locale),
                msg("network.activities", locale),
                msg("network.progress", locale),
                msg("network.xlsx.reportedAt", locale),
                msg("network.xlsx.reportedBy", locale)));
    for (Development d : cycles.developments(c.id())) {
      developments.row(
          Table.integer(d.round()),
          Table.integer(d.semester()),
          Table.integer(d.activities()),
          Table.text(d.progress()),
          Table.date(d.reportedAt()),
          Table.text(
              d.reportedBy() == null
                  ? ""
                  : directory
                      .person(d.reportedBy())
                      .map(Person::displayName)
                      .orElse(d.reportedBy())));
    }
    return List.of(summary.build(), networks.build(), developments.build());
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
