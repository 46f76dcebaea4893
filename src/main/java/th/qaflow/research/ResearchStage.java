package th.qaflow.research;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of a district research project (DistrictResearch) on the district calendar: the study
 * and the proposal at the start of the academic year, the plan before the first semester's
 * supervision, data collection over the first semester, analysis, evaluation (and a revision round)
 * in January–February, the report in March and the sharing event in April. The schools' projects
 * (SchoolResearch): tools by August, the adviser's check by mid-September, the data record over the
 * year and the final report in March.
 */
public enum ResearchStage implements Stage {
  RESEARCH_STUDY(StageDates.of(5, 16, 0, 6, 30, 0)),
  RESEARCH_SYNTHESIS(StageDates.of(5, 16, 0, 7, 5, 0)),
  RESEARCH_PROPOSAL(StageDates.of(6, 1, 0, 7, 15, 0)),
  RESEARCH_APPROVAL(StageDates.of(6, 1, 0, 7, 31, 0)),
  RESEARCH_PLAN(StageDates.of(7, 1, 0, 8, 15, 0)),
  RESEARCH_DATA(StageDates.of(8, 1, 0, 12, 31, 0)),
  RESEARCH_ANALYSIS(StageDates.of(1, 1, 1, 1, 31, 1)),
  RESEARCH_EVALUATION(StageDates.of(2, 1, 1, 2, 15, 1)),
  RESEARCH_REVISION(StageDates.of(2, 1, 1, 2, 28, 1)),
  RESEARCH_REPORT(StageDates.of(3, 1, 1, 3, 31, 1)),
  RESEARCH_SHARING(StageDates.of(4, 1, 1, 4, 30, 1)),
  SCHOOL_RESEARCH_TOOLS(StageDates.of(6, 1, 0, 8, 31, 0)),
  SCHOOL_RESEARCH_CHECK(StageDates.of(6, 1, 0, 9, 15, 0)),
  SCHOOL_RESEARCH_DATA(StageDates.of(9, 1, 0, 2, 28, 1)),
  SCHOOL_RESEARCH_REPORT(StageDates.of(3, 1, 1, 3, 31, 1));

  private final StageDates dates;

  ResearchStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
