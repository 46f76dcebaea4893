package th.qaflow.tumhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.qaflow.tumhome.TumhomeDrives.Ranked;

/**
 * The evaluation's ranking: mean of the levels, ties share a rank, the top three ranks honoured.
 */
class TumhomeRankingTest {

  static Map<String, Integer> levels(int q1, int q2, int q3, int q4) {
    return Map.of("Q1", q1, "Q2", q2, "Q3", q3, "Q4", q4);
  }

  @Test
  void equalMeansShareARankAndTheNextRankSkips() {
    Map<String, Map<String, Integer>> results = new LinkedHashMap<>();
    results.put("S5", levels(2, 2, 2, 3));
    results.put("S2", levels(4, 4, 4, 4));
    results.put("S1", levels(5, 5, 4, 4));
    results.put("S3", levels(5, 4, 5, 4));
    results.put("S4", levels(3, 3, 3, 3));
    assertThat(TumhomeRanking.rank(results))
        .extracting(Ranked::schoolCode, Ranked::mean, Ranked::rank, Ranked::honoured)
        .containsExactly(
            tuple("S1", new BigDecimal("4.50"), 1, true),
            tuple("S3", new BigDecimal("4.50"), 1, true),
            tuple("S2", new BigDecimal("4.00"), 3, true),
            tuple("S4", new BigDecimal("3.00"), 4, false),
            tuple("S5", new BigDecimal("2.25"), 5, false));
  }

  @Test
  void tiesAtTheThirdRankAreAllHonouredAndNoResultsRankNobody() {
    Map<String, Map<String, Integer>> results = new LinkedHashMap<>();
    results.put("A", levels(5, 5, 5, 5));
    results.put("B", levels(4, 4, 4, 4));
    results.put("C", levels(3, 3, 3, 3));
    results.put("D", levels(3, 3, 3, 3));
    assertThat(TumhomeRanking.rank(results))
        .extracting(Ranked::rank, Ranked::honoured)
        .containsExactly(tuple(1, true), tuple(2, true), tuple(3, true), tuple(3, true));
    assertThat(TumhomeRanking.rank(Map.of())).isEmpty();
  }
}
