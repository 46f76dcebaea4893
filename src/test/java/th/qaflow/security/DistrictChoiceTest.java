package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.qaflow.organisation.District;

/** Which district a district page shows, and when it refuses (403) instead. */
class DistrictChoiceTest {
  static final District A = new District("1001", "เขต ก", "A", "PRIMARY");
  static final District B = new District("1002", "เขต ข", "B", "PRIMARY");
  static final District C = new District("1003", "เขต ค", "C", "SECONDARY");
  static final List<District> ALL = List.of(A, B, C);

  @Test
  void aRequestedDistrictTheUserMaySeeIsShown() {
    DistrictChoice choice = DistrictChoice.of(ALL, Set.of("1001", "1003")::contains, "1003", null);
    assertThat(choice.refused()).isFalse();
    assertThat(choice.shown()).isEqualTo(C);
    assertThat(choice.visible()).containsExactly(A, C);
  }

  @Test
  void aRequestedDistrictTheUserMayNotSeeIsRefusedNotReplaced() {
    DistrictChoice choice = DistrictChoice.of(ALL, Set.of("1001")::contains, "1002", "1001");
    assertThat(choice.refused()).isTrue();
    assertThat(choice.shown()).isNull();
    assertThat(DistrictChoice.of(ALL, Set.of("1001")::contains, "9999", "1001").refused()).isTrue();
  }

  @Test
  void withoutARequestTheUsersOwnDistrictElseTheFirstTheyMaySee() {
    assertThat(DistrictChoice.of(ALL, code -> true, null, "1002").shown()).isEqualTo(B);
    assertThat(DistrictChoice.of(ALL, code -> true, null, null).shown()).isEqualTo(A);
    assertThat(DistrictChoice.of(ALL, Set.of("1003")::contains, null, "1001").shown()).isEqualTo(C);
    DistrictChoice none = DistrictChoice.of(ALL, code -> false, null, null);
    assertThat(none.shown()).isNull();
    assertThat(none.refused()).isFalse();
    assertThat(none.visible()).isEmpty();
  }
}
