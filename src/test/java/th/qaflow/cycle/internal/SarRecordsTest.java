package th.qaflow.cycle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.qaflow.cycle.AcceptedSar;
import th.qaflow.cycle.AcceptedSar.AssessmentNote;

/**
 * What the district's synthesis reads of an accepted SAR (issue 13 §3): the SAR's own strengths and
 * points to improve (DraftSar), the internal assessment's only where the SAR has none (years
 * drafted before the SAR had these fields).
 */
class SarRecordsTest {

  static Map<String, Object> row(String code, String strengths, String improvements) {
    return Map.of(
        "standardCode", code,
        "achievedLevel", "4",
        "strengths", strengths,
        "improvements", improvements);
  }

  @Test
  void theSarsOwnStrengthsAndImprovementsWin() {
    Map<String, Object> v =
        Map.of(
            "assessment",
            List.of(row("BASIC-1", "ประเมินภายใน ก", "ประเมินภายใน ข"), row("BASIC-2", "ค", "ง")),
            "sarLevels",
            List.of(row("BASIC-1", "ตาม SAR ก", "ตาม SAR ข"), row("BASIC-2", "", "  ")));
    AcceptedSar sar = SarRecords.accepted("1099010001", "โรงเรียน", "1099-C1", v);
    assertThat(sar.notes())
        .containsExactly(
            new AssessmentNote("BASIC-1", "ตาม SAR ก", "ตาม SAR ข"),
            // the SAR left them blank: the assessment's stand
            new AssessmentNote("BASIC-2", "ค", "ง"));
  }

  @Test
  void aYearStoredBeforeTheSarHadThemReadsTheAssessments() {
    Map<String, Object> v =
        Map.of(
            "assessment",
            List.of(row("BASIC-1", "ประเมินภายใน ก", "ประเมินภายใน ข")),
            "sarLevels",
            List.of(Map.of("standardCode", "BASIC-1", "achievedLevel", "3")));
    AcceptedSar sar = SarRecords.accepted("1099010001", "โรงเรียน", "1099-C1", v);
    assertThat(sar.notes())
        .containsExactly(new AssessmentNote("BASIC-1", "ประเมินภายใน ก", "ประเมินภายใน ข"));
    assertThat(sar.levels()).extracting(AcceptedSar.StandardLevel::achieved).containsExactly(3);
  }

  @Test
  void aSarWithoutAnAssessmentStillGivesItsOwn() {
    Map<String, Object> v = Map.of("sarLevels", List.of(row("SCH-1", "อัตลักษณ์เด่น", "")));
    assertThat(SarRecords.accepted("1099010001", "โรงเรียน", "1099-C1", v).notes())
        .containsExactly(new AssessmentNote("SCH-1", "อัตลักษณ์เด่น", ""));
  }
}
