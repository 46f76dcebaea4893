package th.qaflow.tumhome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.qaflow.tumhome.TumhomeDrives.Ranked;

/**
 * The quality ranking of the evaluation (seed 004: "รายงานผลการดำเนินงานของโรงเรียน
 * โดยมีการจัดลำดับคุณภาพโรงเรียน"): each school's mean level over the four 4Q areas, rounded to two
 * decimals; the higher mean ranks first, equal means share a rank and the next rank skips (1, 1, 3:
 * standard competition ranking); schools with equal means are listed by school code. The schools of
 * the first {@link #HONOURED_RANKS} ranks are honoured (ยกย่องเชิดชูเกียรติ), ties included.
 */
public final class TumhomeRanking {
  public static final int HONOURED_RANKS = 3;
  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 5;

  private TumhomeRanking() {}

  public static List<Ranked> rank(Map<String, Map<String, Integer>> levelsBySchool) {
    record Mean(String school, Map<String, Integer> levels, BigDecimal mean) {}
    List<Mean> means = new ArrayList<>();
    levelsBySchool.forEach(
        (school, levels) -> {
          if (!levels.isEmpty()) {
            int sum = levels.values().stream().mapToInt(Integer::intValue).sum();
            means.add(
                new Mean(
                    school,
                    new LinkedHashMap<>(levels),
                    BigDecimal.valueOf(sum)
                        .divide(BigDecimal.valueOf(levels.size()), 2, RoundingMode.HALF_UP)));
          }
        });
    means.sort(Comparator.comparing(Mean::mean).reversed().thenComparing(Mean::school));
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < means.size(); i++) {
      Mean m = means.get(i);
      int rank =
          i > 0 && means.get(i - 1).mean().compareTo(m.mean()) == 0
              ? ranked.get(i - 1).rank()
              : i + 1;
      ranked.add(
          new Ranked(m.school(), Map.copyOf(m.levels()), m.mean(), rank, rank <= HONOURED_RANKS));
    }
    return List.copyOf(ranked);
  }
}
