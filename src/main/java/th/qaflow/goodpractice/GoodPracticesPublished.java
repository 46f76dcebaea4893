package th.qaflow.goodpractice;

import java.util.List;

/**
 * The district's good-practice selection of a year was honoured and published. Published inside the
 * engine's transaction by the round's publish step; the district's cycle completes its own
 * good-practice step with it.
 *
 * @param practices one line per selected practice: school, standard, practice
 */
public record GoodPracticesPublished(
    String districtCode, int academicYear, List<String> practices) {}
