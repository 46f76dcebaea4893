package th.qaflow.assistance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The help cases of schools below the standard (SchoolAssistance): start them, list them. */
public interface AssistanceCases {

  /**
   * Starts help for the school from the synthesis of the year: the school must be on that year's
   * below-target list of its district, and never gets two cases for one year.
   */
  StartResult start(String schoolCode, int academicYearBE, String startedBy);

  /** Why a start did or did not happen. */
  enum StartResult {
    STARTED,
    ALREADY_RUNNING,
    NOT_BELOW_TARGET
  }

  /** The district's cases, newest year first, then by school. */
  List<AssistanceCase> cases(String districtCode);

  /** The school's cases, newest year first. */
  List<AssistanceCase> casesOf(String schoolCode);

  Optional<AssistanceCase> caseOf(String schoolCode, int academicYearBE);

  /**
   * A help case as stored.
   *
   * @param academicYear the year whose SARs were below target
   * @param round the round of plan → visits → self-check it is in (from 1)
   * @param closedAt when the school reached its targets and the report was written, else null
   */
  record AssistanceCase(
      String schoolCode,
      String districtCode,
      int academicYear,
      String processInstanceId,
      Instant startedAt,
      String startedBy,
      int round,
      Instant closedAt) {

    public boolean closed() {
      return closedAt != null;
    }
  }
}
