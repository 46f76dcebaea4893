package th.qaflow.committee.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import th.qaflow.committee.AgendaSource;
import th.qaflow.committee.AgendaSource.AgendaSuggestion;
import th.qaflow.districtplan.DistrictPlans;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.synthesis.SarSynthesis;

/**
 * The agenda sources of what exists today, each through its module's public API: the district's
 * plan year (to consider the action plan, to take note of its report), the published SAR synthesis
 * of the year or the year before (to take note and recommend), and the ONESQA round (to take note
 * of the results). Other modules add their own {@link AgendaSource} beans.
 */
@Configuration
class PlanAgendaSources {

  @Bean
  @Order(1)
  AgendaSource districtPlanAgenda(DistrictPlans plans) {
    return (district, year) -> {
      List<AgendaSuggestion> items = new ArrayList<>();
      plans
          .year(district, year)
          .ifPresent(
              p -> {
                if (p.actionPlanPublishedAt() != null) {
                  items.add(
                      new AgendaSuggestion(
                          "DISTRICT_PLAN",
                          "พิจารณาแผนปฏิบัติการประกันคุณภาพการศึกษา ปีการศึกษา " + year,
                          "แผนปฏิบัติการประจำปีที่ประกาศแล้ว ที่หน้าแผนพัฒนาคุณภาพของเขตพื้นที่"));
                }
                if (p.reportPublishedAt() != null) {
                  items.add(
                      new AgendaSuggestion(
                          "DISTRICT_PLAN",
                          "รับทราบรายงานผลการดำเนินงานตามแผน ปีการศึกษา " + year,
                          "ตัวชี้วัดบรรลุ "
                              + p.indicatorsAchieved()
                              + " จาก "
                              + p.indicatorsTotal()
                              + " ตัวชี้วัด"));
                }
              });
      return items;
    };
  }

  @Bean
  @Order(2)
  AgendaSource synthesisAgenda(SarSynthesis synthesis) {
    return (district, year) -> {
      for (int y : new int[] {year, year - 1}) {
        var published = synthesis.published(district, y);
        if (published.isPresent()) {
          String recommendations = published.get().recommendations();
          return List.of(
              new AgendaSuggestion(
                  "SYNTHESIS",
                  "รับทราบผลการสังเคราะห์รายงานการประเมินตนเองของสถานศึกษา (SAR) ปีการศึกษา " + y,
                  recommendations == null ? "" : "ข้อเสนอแนะ: " + recommendations));
        }
      }
      return List.of();
    };
  }

  @Bean
  @Order(3)
  AgendaSource onesqaAgenda(ExternalAssessments assessments) {
    return (district, year) -> {
      for (int y : new int[] {year, year - 1}) {
        if (assessments.coordination(district, y).isPresent()) {
          return List.of(
              new AgendaSuggestion(
                  "ONESQA",
                  "รับทราบผลการประเมินคุณภาพภายนอก (สมศ.) ปีการศึกษา " + y,
                  "สถานศึกษาเป้าหมาย " + assessments.schools(district, y).size() + " แห่ง"));
        }
      }
      return List.of();
    };
  }
}
