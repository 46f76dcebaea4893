package th.qaflow.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;
import th.qaflow.training.Trainings;
import th.qaflow.training.Trainings.Event;
import th.qaflow.training.Trainings.Registration;
import th.qaflow.training.Trainings.SchoolAttendance;
import th.qaflow.training.Trainings.Summary;
import th.qaflow.training.Trainings.WalkIn;
import th.qaflow.web.export.Table;

/**
 * An event's XLSX: the people (registered, attended or not, and the walk-ins), the attendance by
 * school and role, and the evaluation summary (mean per item, number of answers, comments).
 */
class TrainingExport {
  private final Trainings trainings;
  private final OrganisationDirectory directory;
  private final MessageSource messages;

  TrainingExport(Trainings trainings, OrganisationDirectory directory, MessageSource messages) {
    this.trainings = trainings;
    this.directory = directory;
    this.messages = messages;
  }

  List<Table> tables(Event e, Locale locale) {
    Table.Builder people =
        Table.of(
            msg("training.sheet.people", locale),
            List.of(
                msg("training.col.school", locale),
                msg("training.col.name", locale),
                msg("training.col.role", locale),
                msg("training.col.registeredAt", locale),
                msg("training.col.attended", locale)));
    for (Registration r : trainings.registrations(e.id())) {
      people.row(
          Table.text(schoolName(r.schoolCode())),
          Table.text(directory.person(r.userId()).map(Person::displayName).orElse(r.userId())),
          Table.text(msg("training.role." + r.role().name(), locale)),
          Table.dateTime(r.registeredAt()),
          Table.text(msg(r.attended() ? "training.yes" : "training.no", locale)));
    }
    for (WalkIn w : trainings.walkIns(e.id())) {
      people.row(
          Table.text(schoolName(w.schoolCode())),
          Table.text(w.fullName()),
          Table.text(msg("training.walkin", locale)),
          Table.text(""),
          Table.text(msg("training.yes", locale)));
    }
    Table.Builder bySchool =
        Table.of(
            msg("training.sheet.bySchool", locale),
            List.of(
                msg("training.col.schoolCode", locale),
                msg("training.col.school", locale),
                msg("training.role.SCHOOL_QA", locale),
                msg("training.role.SCHOOL_DIRECTOR", locale),
                msg("training.role.SCHOOL_BOARD", locale),
                msg("training.walkin", locale),
                msg("training.col.total", locale)));
    for (SchoolAttendance a : trainings.attendance(e.id())) {
      bySchool.row(
          Table.text(a.schoolCode()),
          Table.text(a.schoolName()),
          Table.integer(a.qa()),
          Table.integer(a.directors()),
          Table.integer(a.board()),
          Table.integer(a.walkIns()),
          Table.integer(a.total()));
    }
    Summary s = trainings.summary(e.id());
    Table.Builder summary =
        Table.of(
            msg("training.sheet.evaluation", locale),
            List.of(msg("training.col.item", locale), msg("training.col.mean", locale)));
    List<String> items = new ArrayList<>(Trainings.ITEMS);
    for (int i = 0; i < items.size(); i++) {
      summary.row(
          Table.text(msg("training.item." + items.get(i), locale)),
          Table.decimal(s.means().get(i)));
    }
    summary.row(Table.text(msg("training.overall", locale)), Table.decimal(s.overall()));
    summary.row(Table.text(msg("training.answers", locale)), Table.integer(s.answers()));
    for (String c : s.comments()) {
      summary.row(Table.text(msg("training.col.comment", locale)), Table.text(c));
    }
    return List.of(people.build(), bySchool.build(), summary.build());
  }

  private String schoolName(String code) {
    return directory.school(code).map(School::nameTh).orElse(code);
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
