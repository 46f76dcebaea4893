package th.qaflow.supervision.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.committee.AgendaSource;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Plan;

/**
 * Proposes the supervision unit's action plan to ก.ต.ป.น. (004 L199-210: the secretariat drafts the
 * monitoring and supervision plan, the committee considers it and takes note of the results). The
 * plan runs by fiscal year and an academic year spans two of them (e.g. academic 2569 runs from May
 * 2569, in fiscal 2569, to May 2570, in fiscal 2570), so both are looked at: an approved plan is
 * proposed with its projects' progress, a published one with its summary.
 */
@Component
@Order(5)
class SupervisionPlanAgenda implements AgendaSource {
  private final SupervisionPlans plans;

  SupervisionPlanAgenda(SupervisionPlans plans) {
    this.plans = plans;
  }

  @Override
  public List<AgendaSuggestion> suggestions(String districtCode, int academicYearBE) {
    List<AgendaSuggestion> items = new ArrayList<>();
    for (int fiscal : new int[] {academicYearBE, academicYearBE + 1}) {
      Plan plan = plans.plan(districtCode, fiscal).orElse(null);
      if (plan == null || plan.approvedAt() == null) {
        continue;
      }
      if (plan.publishedAt() != null) {
        items.add(
            new AgendaSuggestion(
                "SUPERVISION_PLAN",
                "รับทราบรายงานสรุปผลการนิเทศ ติดตาม และประเมินผล ปีงบประมาณ " + fiscal,
                plan.summary() == null ? "" : plan.summary()));
      } else {
        String projects =
            plans.projects(plan.id()).stream()
                .map(p -> p.name() + " (" + p.percent() + "%)")
                .collect(Collectors.joining(", "));
        items.add(
            new AgendaSuggestion(
                "SUPERVISION_PLAN",
                "พิจารณาแผนปฏิบัติการนิเทศ ติดตาม และประเมินผล ปีงบประมาณ "
                    + fiscal
                    + " และความก้าวหน้าของโครงการ",
                "โครงการ: " + projects));
      }
    }
    return items;
  }
}
