package th.qaflow.synthesis.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.synthesis.BelowTargetHelp;
import th.qaflow.synthesis.PublishedSynthesis;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.synthesis.SynthesisSummary;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.TableWriter;

/**
 * The current synthesis of a district's year for its staff, OBEC and administrators: a page and the
 * XLSX and PDF downloads. Schools' own users are refused (403); an unknown district is 404.
 */
@Controller
@RequestMapping("/synthesis")
class SynthesisController {
  private final Clock clock;
  private final SarSynthesis synthesis;
  private final SynthesisReports reports;
  private final OrganisationDirectory directory;
  private final PublishedReports publishedReports;
  private final ObjectProvider<BelowTargetHelp> help;

  SynthesisController(
      SarSynthesis synthesis,
      SynthesisReports reports,
      OrganisationDirectory directory,
      PublishedReports publishedReports,
      Clock clock,
      ObjectProvider<BelowTargetHelp> help) {
    this.publishedReports = publishedReports;
    this.help = help;
    this.clock = clock;
    this.synthesis = synthesis;
    this.reports = reports;
    this.directory = directory;
  }

  /**
   * District staff go to their district's current year; OBEC and administrators choose a district.
   */
  @GetMapping
  String index(Model model) {
    QaUser user = CurrentUser.get();
    int year = AcademicYears.current(clock);
    if (user.isDistrictUser()) {
      return "redirect:/synthesis/" + user.districtCode() + "/" + year;
    }
    List<District> districts =
        directory.districts().stream().filter(d -> SynthesisAccess.maySee(user, d.code())).toList();
    if (districts.isEmpty()) {
      throw new ForbiddenException("synthesis index");
    }
    model.addAttribute("districts", districts);
    model.addAttribute("year", year);
    return "synthesis/index";
  }

  @GetMapping("/{district}/{year:\\d{4}}")
  String page(@PathVariable String district, @PathVariable int year, Model model) {
    SynthesisSummary summary = summary(district, year);
    model.addAttribute("summary", summary);
    PublishedSynthesis published = synthesis.published(district, year).orElse(null);
    model.addAttribute("published", published);
    model.addAttribute(
        "approvedBy", published == null ? null : reports.personName(published.approvedBy()));
    model.addAttribute("downloads", Downloads.of(district, year));
    model.addAttribute("years", years(district, year));
    model.addAttribute("publishedYears", publishedReports.years(district));
    BelowTargetHelp helper = help.getIfAvailable();
    if (helper != null) {
      model.addAttribute("help", helper.view(district, year, CurrentUser.get()));
    }
    return "synthesis/page";
  }

  @GetMapping("/{district}/{year:\\d{4}}.xlsx")
  ResponseEntity<byte[]> xlsx(
      @PathVariable String district, @PathVariable int year, Locale locale) {
    SynthesisSummary summary = summary(district, year);
    PublishedSynthesis published = synthesis.published(district, year).orElse(null);
    return file(
        reports.xlsx(summary, published, locale),
        reports.fileName(summary, "xlsx"),
        TableWriter.XLSX);
  }

  @GetMapping("/{district}/{year:\\d{4}}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String district, @PathVariable int year, Locale locale) {
    SynthesisSummary summary = summary(district, year);
    PublishedSynthesis published = synthesis.published(district, year).orElse(null);
    return file(
        reports.pdf(summary, published, locale),
        reports.fileName(summary, "pdf"),
        MediaType.APPLICATION_PDF);
  }

  /**
   * This year and the three before it, every year the district published, and the year shown;
   * newest first, so last year's and every earlier synthesis is one click away.
   */
  private List<Integer> years(String district, int shown) {
    int current = AcademicYears.current(clock);
    java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
    for (int y = current; y >= current - 3; y--) {
      years.add(y);
    }
    years.addAll(publishedReports.years(district));
    years.add(shown);
    years.removeIf(y -> !SynthesisAccess.plausibleYear(y));
    return List.copyOf(years);
  }

  private SynthesisSummary summary(String district, int year) {
    if (!SynthesisAccess.plausibleYear(year) || directory.district(district).isEmpty()) {
      throw new NotFoundException("synthesis " + district + "/" + year);
    }
    if (!SynthesisAccess.maySee(CurrentUser.get(), district)) {
      throw new ForbiddenException("synthesis " + district + "/" + year);
    }
    return synthesis.summary(district, year);
  }

  static ResponseEntity<byte[]> file(byte[] content, String name, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(name))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }

  /** The download links of a district's year. */
  record Downloads(String xlsx, String pdf) {
    static Downloads of(String district, int year) {
      return new Downloads(
          "/synthesis/" + district + "/" + year + ".xlsx",
          "/synthesis/" + district + "/" + year + ".pdf");
    }
  }
}
