package th.qaflow.synthesis.internal;

import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.synthesis.PublishedSynthesis;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.synthesis.SynthesisSummary.AcceptedSar;
import th.qaflow.web.NotFoundException;

/**
 * The published synthesis of a district's year, for everyone without a login: the page, its PDF,
 * and the SAR file of each school listed in the published report (the exact version the report
 * recorded). Anything not published is 404, the same as an unknown address.
 */
@Controller
@RequestMapping("/public/districts/{district}/synthesis")
class PublicSynthesisController {
  private final SarSynthesis synthesis;
  private final SynthesisReports reports;
  private final Documents documents;

  PublicSynthesisController(SarSynthesis synthesis, SynthesisReports reports, Documents documents) {
    this.synthesis = synthesis;
    this.reports = reports;
    this.documents = documents;
  }

  @GetMapping("/{year:\\d{4}}")
  String page(@PathVariable String district, @PathVariable int year, Model model) {
    PublishedSynthesis published = published(district, year);
    model.addAttribute("published", published);
    model.addAttribute("summary", published.summary());
    model.addAttribute("approvedBy", reports.personName(published.approvedBy()));
    model.addAttribute("narrative", SynthesisReports.narrative(published));
    model.addAttribute("pdf", "/public/districts/" + district + "/synthesis/" + year + ".pdf");
    model.addAttribute("sarBase", "/public/districts/" + district + "/synthesis/" + year + "/sar/");
    return "synthesis/public";
  }

  @GetMapping("/{year:\\d{4}}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String district, @PathVariable int year, Locale locale) {
    PublishedSynthesis published = published(district, year);
    return SynthesisController.file(
        reports.pdf(published.summary(), published, locale),
        reports.fileName(published.summary(), "pdf"),
        MediaType.APPLICATION_PDF);
  }

  /**
   * A school's SAR file as the published report recorded it: only a file the school itself
   * published. A school that published a link (or nothing) has no file here, though the district
   * holds its board-approved version.
   */
  @GetMapping("/{year:\\d{4}}/sar/{school:\\d{10}}")
  ResponseEntity<byte[]> sar(
      @PathVariable String district, @PathVariable int year, @PathVariable String school) {
    PublishedSynthesis published = published(district, year);
    String versionId =
        published.summary().schools().stream()
            .filter(s -> s.schoolCode().equals(school))
            .filter(AcceptedSar::publishedFile)
            .map(AcceptedSar::sarVersionId)
            .filter(v -> v != null)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("sar " + school));
    DocumentVersion version =
        documents
            .version(versionId)
            .filter(v -> school.equals(v.schoolCode()))
            .orElseThrow(() -> new NotFoundException("sar version " + versionId));
    return SynthesisController.file(
        documents.content(versionId),
        version.filename(),
        MediaType.parseMediaType(version.mimeType()));
  }

  private PublishedSynthesis published(String district, int year) {
    return synthesis
        .published(district, year)
        .orElseThrow(() -> new NotFoundException("synthesis " + district + "/" + year));
  }
}
