package th.qaflow.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.web.ThaiDates;
import th.qaflow.web.export.Table;

/**
 * The matrix and the overdue list as tables for the one export writer ({@link
 * th.qaflow.web.export.TableWriter}). Texts in the user's language, dates in the Buddhist Era for
 * Thai; the overdue list's due date and days late are a real date and number in XLSX.
 */
@Component
class Exports {
  private final MessageSource messages;
  private final ThaiDates dates;

  Exports(MessageSource messages, ThaiDates dates) {
    this.messages = messages;
    this.dates = dates;
  }

  Table matrix(Dashboards.Dashboard d, Locale locale) {
    List<String> header =
        new ArrayList<>(
            List.of(
                msg("monitoring.col.cluster", locale),
                msg("monitoring.col.schoolCode", locale),
                msg("monitoring.col.school", locale)));
    d.stages().forEach(s -> header.add(stageName(s, locale)));
    Table.Builder table = Table.of("matrix", header);
    for (Dashboards.ClusterGroup g : d.clusters()) {
      for (Dashboards.SchoolLine line : g.schools()) {
        List<String> row =
            new ArrayList<>(List.of(g.name(), line.school().code(), line.school().nameTh()));
        for (String s : d.stages()) {
          row.add(cellText(line.cell(s), locale));
        }
        table.row(Table.texts(row));
      }
    }
    return table.build();
  }

  Table overdue(Dashboards.Dashboard d, Locale locale) {
    Table.Builder table =
        Table.of(
            "overdue",
            List.of(
                msg("monitoring.col.schoolCode", locale),
                msg("monitoring.col.school", locale),
                msg("monitoring.col.stage", locale),
                msg("monitoring.col.due", locale),
                msg("monitoring.col.daysLate", locale),
                msg("monitoring.col.responsible", locale)));
    for (Dashboards.Overdue o : d.overdue()) {
      table.row(
          Table.text(o.school().code()),
          Table.text(o.school().nameTh()),
          Table.text(stageName(o.stage(), locale)),
          Table.date(o.due()),
          Table.integer(o.daysLate()),
          Table.text(responsible(o, locale)));
    }
    return table.build();
  }

  String responsible(Dashboards.Overdue o, Locale locale) {
    if (o.assignee() != null) {
      return o.assignee();
    }
    return String.join(
        ", ", o.roleKeys().stream().map(k -> messages.getMessage(k, null, k, locale)).toList());
  }

  String cellText(Cell c, Locale locale) {
    String status = msg(c.status().messageKey(), locale);
    return switch (c.status()) {
      case DONE -> status + " " + dates.date(c.row().doneAt()) + (c.doneLate() ? " *" : "");
      case OVERDUE ->
          messages.getMessage("monitoring.cell.overdue", new Object[] {c.daysLate()}, locale);
      case OPEN, DUE_SOON, RETURNED ->
          c.row().dueAt() == null
              ? status
              : status
                  + " ("
                  + msg("monitoring.col.due", locale)
                  + " "
                  + dates.date(c.row().dueAt())
                  + ")";
      default -> status;
    };
  }

  String stageName(String stage, Locale locale) {
    return messages.getMessage("stage." + stage, null, stage, locale);
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
