package th.qaflow.district;

import java.util.List;

/**
 * The district year's good-practice step (Task_SelectGoodPractices): the selection itself happens
 * in the good-practice round (module goodpractice), which completes the step through this when it
 * publishes its selection.
 */
public interface GoodPracticeSelection {

  /**
   * Completes the district year's open good-practice step with the published selection; returns how
   * many steps were completed (0 when the year has none open).
   *
   * @param practices one line per selected practice: school, standard, practice
   * @param publicPage where the selection is published
   */
  int selectionPublished(
      String districtCode, int academicYearBE, List<String> practices, String publicPage);
}
