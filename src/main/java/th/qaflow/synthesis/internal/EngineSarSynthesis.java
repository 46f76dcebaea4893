package th.qaflow.synthesis.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.synthesis.PublishedSynthesis;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.synthesis.SynthesisSummary;

/**
 * Builds the summary from the district's SARs of the year as the school-cycle module gives them
 * ({@link SchoolCycles#sars}, typed): the synthesis reads no process variable of the schools'
 * cycles.
 */
@Service
class EngineSarSynthesis implements SarSynthesis {
  private final Clock clock;
  private final SchoolCycles schoolCycles;
  private final OrganisationDirectory directory;
  private final StandardsCatalog catalog;
  private final PublishedReports reports;

  EngineSarSynthesis(
      SchoolCycles schoolCycles,
      OrganisationDirectory directory,
      StandardsCatalog catalog,
      PublishedReports reports,
      Clock clock) {

    this.clock = clock;
    this.schoolCycles = schoolCycles;
    this.directory = directory;
    this.catalog = catalog;
    this.reports = reports;
  }

  @Override
  public SynthesisSummary summary(String districtCode, int academicYear) {
    Map<EducationLevel, Framework> frameworks = new EnumMap<>(EducationLevel.class);
    for (EducationLevel level : EducationLevel.values()) {
      catalog.internalFramework(level, academicYear).ifPresent(f -> frameworks.put(level, f));
    }
    return SummaryBuilder.build(
        districtCode,
        directory.district(districtCode),
        academicYear,
        frameworks,
        directory.schoolsOfDistrict(districtCode),
        schoolCycles.sars(districtCode, academicYear),
        clock.instant());
  }

  @Override
  public Optional<PublishedSynthesis> published(String districtCode, int academicYear) {
    return reports.find(districtCode, academicYear);
  }
}
