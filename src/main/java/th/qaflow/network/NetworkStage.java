package th.qaflow.network;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the supervision network development (SupervisionNetwork) on the district calendar,
 * after the seed's timeline (003 L156): needs, plan and seminar at the start of the year (the
 * seed's January–May lie before a school year's start, so they open with the academic year on 16
 * May), a development round in each semester, evaluation, guidelines and the report in March–April.
 */
public enum NetworkStage implements Stage {
  NETWORK_NEEDS(StageDates.of(5, 16, 0, 6, 15, 0)),
  NETWORK_PLAN(StageDates.of(5, 16, 0, 6, 30, 0)),
  NETWORK_APPROVAL(StageDates.of(5, 16, 0, 7, 10, 0)),
  NETWORK_SEMINAR(StageDates.of(6, 1, 0, 7, 31, 0)),
  NETWORK_SEMESTER_ONE(StageDates.of(6, 1, 0, 9, 30, 0)),
  NETWORK_SEMESTER_TWO(StageDates.of(11, 1, 0, 2, 28, 1)),
  NETWORK_EVALUATION(StageDates.of(3, 1, 1, 3, 20, 1)),
  NETWORK_IMPROVEMENT(StageDates.of(3, 1, 1, 3, 31, 1)),
  NETWORK_GUIDELINES(StageDates.of(3, 1, 1, 4, 15, 1)),
  NETWORK_REPORT(StageDates.of(3, 1, 1, 4, 30, 1));

  private final StageDates dates;

  NetworkStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
