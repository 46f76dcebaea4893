package th.qaflow.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.Role;
import th.qaflow.training.Trainings;
import th.qaflow.training.Trainings.Plan;
import th.qaflow.training.Trainings.TargetKind;

/**
 * The demo's training events (issue 15 §3b): a workshop on writing the SAR held about a month ago
 * for every school's QA teachers and directors, approved by supdirector, registered by people of
 * seven schools, attendance recorded (one absent, three walk-ins), five evaluations in and the
 * evaluation closed: it waits for qaofficer's report. And a training on setting standards and
 * targets for cluster 1099-C1 in twelve days, open for registration (qa1 and director2 registered).
 * Each step is dated some days before today, inside the academic year; the past event's steps that
 * must happen before a timer (registration, evaluation) are done in one dated step, so the timers
 * never race the demo.
 */
@Component
class DemoTraining {
  static final String PAST_TITLE = "ประชุมเชิงปฏิบัติการการเขียนรายงานการประเมินตนเอง (SAR)";
  static final String NEXT_TITLE = "อบรมการกำหนดมาตรฐานและค่าเป้าหมายของสถานศึกษา";

  private final Trainings trainings;
  private final DemoClock clock;
  private final Clock engineClock;

  DemoTraining(Trainings trainings, DemoClock clock, Clock engineClock) {
    this.trainings = trainings;
    this.clock = clock;
    this.engineClock = engineClock;
  }

  void load(int year) {
    if (trainings.ofDistrict(DemoDistrict.DISTRICT).stream()
        .anyMatch(e -> e.title().equals(PAST_TITLE))) {
      return; // loaded before
    }
    Instant now = clock.writingHistory() ? clock.ceiling() : engineClock.instant();
    LocalDate pastDay = LocalDate.ofInstant(now.minus(Duration.ofDays(30)), AcademicYears.ZONE);
    long past =
        at(
            year,
            45,
            () ->
                trainings.plan(
                    "qaofficer",
                    new Plan(
                        PAST_TITLE,
                        "การเขียน SAR ที่สะท้อนผลการดำเนินงานตามมาตรฐาน การอ้างอิงหลักฐาน"
                            + " และการสรุปจุดเด่น จุดที่ควรพัฒนา (ปฏิบัติจริงด้วย SAR ของโรงเรียน)",
                        at(pastDay, 9),
                        at(pastDay, 16),
                        "ห้องประชุมสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุขใจ เขต 1",
                        null,
                        TargetKind.ALL,
                        List.of(),
                        List.of(Role.SCHOOL_QA, Role.SCHOOL_DIRECTOR),
                        30,
                        endOf(pastDay.minusDays(3)))));
    at(
        year,
        44,
        () -> {
          trainings.decide(past, "supdirector", true, "");
          for (String user :
              List.of("qa1", "qa2", "qa3", "qa4", "qa5", "qa6", "director1", "director3")) {
            trainings.register(past, user);
          }
          trainings.closeRegistration(past, "qaofficer");
          return null;
        });
    at(
        year,
        30,
        () -> {
          Set<Long> came =
              Set.copyOf(
                  trainings.registrations(past).stream()
                      .filter(r -> !"qa6".equals(r.userId()))
                      .map(Trainings.Registration::id)
                      .toList());
          trainings.addWalkIn(past, "1099010007", "นางสาวพิมพ์ชนก ใจงาม");
          trainings.addWalkIn(past, "1099010007", "นายสมพงษ์ รักเรียน");
          trainings.addWalkIn(past, "1099010002", "นางวิไลวรรณ แสงทอง");
          trainings.recordAttendance(past, "qaofficer", came, true);
          trainings.evaluate(past, "qa1", 5, 5, 5, 4, "ได้ฝึกเขียนจากข้อมูลจริงของโรงเรียน");
          trainings.evaluate(past, "qa2", 4, 5, 4, 4, "");
          trainings.evaluate(past, "qa3", 5, 4, 5, 3, "เวลาฝึกปฏิบัติน้อยไป ควรเพิ่มอีกครึ่งวัน");
          trainings.evaluate(past, "director1", 4, 4, 5, 4, "");
          trainings.evaluate(past, "director3", 5, 5, 4, 5, "ควรจัดต่อเนื่องทุกปี");
          trainings.closeEvaluation(past, "qaofficer");
          return null;
        });

    LocalDate nextDay = LocalDate.ofInstant(now.plus(Duration.ofDays(12)), AcademicYears.ZONE);
    long next =
        at(
            year,
            3,
            () ->
                trainings.plan(
                    "supervisor1",
                    new Plan(
                        NEXT_TITLE,
                        "การกำหนดมาตรฐานการศึกษาของสถานศึกษาและค่าเป้าหมายตามบริบท"
                            + " การประกาศใช้ และการรายงานคณะกรรมการสถานศึกษา",
                        at(nextDay, 9),
                        at(nextDay, 12),
                        "ห้องประชุมโรงเรียนบ้านริมคลอง",
                        "https://meet.example.org/qaflow-standards",
                        TargetKind.CLUSTERS,
                        List.of("1099-C1"),
                        List.of(Role.SCHOOL_QA, Role.SCHOOL_DIRECTOR),
                        20,
                        endOf(nextDay.minusDays(4)))));
    at(
        year,
        2,
        () -> {
          trainings.decide(next, "supdirector", true, "");
          return null;
        });
    at(
        year,
        1,
        () -> {
          trainings.register(next, "qa1");
          trainings.register(next, "director2");
          return null;
        });
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(AcademicYears.ZONE).toInstant();
  }

  private static Instant endOf(LocalDate day) {
    return day.atTime(23, 59, 59).atZone(AcademicYears.ZONE).toInstant();
  }

  /** Does {@code step} as at {@code daysAgo} days before today, never before the year began. */
  private <T> T at(int year, int daysAgo, Supplier<T> step) {
    if (clock.writingHistory() && clock.ceiling() != null) {
      Instant time = clock.ceiling().minus(Duration.ofDays(daysAgo));
      Instant start =
          AcademicYears.start(year).plusDays(1).atStartOfDay(AcademicYears.ZONE).toInstant();
      clock.moveTo(time.isBefore(start) ? start : time);
    }
    try {
      return step.get();
    } finally {
      clock.backToCeiling();
    }
  }
}
