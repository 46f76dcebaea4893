package th.qaflow.synthesis.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.synthesis.SynthesisReport;

@Service
class SynthesisReportFiles implements SynthesisReport {
  private final SarSynthesis synthesis;
  private final SynthesisReports reports;

  SynthesisReportFiles(SarSynthesis synthesis, SynthesisReports reports) {
    this.synthesis = synthesis;
    this.reports = reports;
  }

  @Override
  public Optional<File> publishedPdf(String districtCode, int academicYear, Locale locale) {
    return synthesis
        .published(districtCode, academicYear)
        .map(
            p ->
                new File(
                    reports.fileName(p.summary(), "pdf"), reports.pdf(p.summary(), p, locale)));
  }
}
