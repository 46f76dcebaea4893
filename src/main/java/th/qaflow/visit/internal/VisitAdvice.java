package th.qaflow.visit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolAdvice;

/**
 * The district's visits of a school's year for its next year's standards task: per standard the
 * level observed, the findings and the recommendations, and each visit's summary (the school's
 * latest completed visits, as on its self-check tasks).
 */
@Component
class VisitAdvice implements SchoolAdvice {
  private final VisitPanels visits;

  VisitAdvice(VisitPanels visits) {
    this.visits = visits;
  }

  @Override
  public List<Note> notes(String schoolCode, String districtCode, int academicYear) {
    List<Note> notes = new ArrayList<>();
    for (VisitPanels.CompletedVisit v :
        visits.completedVisits(schoolCode, academicYear, Map.of())) {
      for (Map<String, Object> f : v.findings()) {
        String code = text(f.get("standardCode"));
        String label = text(f.get("standardLabel"));
        String level = text(f.get("observedLevel"));
        notes.add(
            new Note(
                "lastyear.source.visitFinding",
                code.isEmpty() ? null : code,
                label.isEmpty() ? null : label,
                level.isEmpty() ? null : level,
                text(f.get("findings"))));
        notes.add(
            new Note(
                "lastyear.source.visitRecommendation",
                code.isEmpty() ? null : code,
                label.isEmpty() ? null : label,
                null,
                text(f.get("recommendations"))));
      }
      if (v.summary() != null && !v.summary().isBlank()) {
        notes.add(new Note("lastyear.source.visitSummary", null, null, null, v.summary()));
      }
    }
    return notes;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value).strip();
  }
}
