package th.qaflow.onesqa.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.onesqa.LevelComparison;
import th.qaflow.onesqa.StakeholderIssue;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.TableWriter;

/**
 * {@code /external}: the district's ONESQA coordination of a year — start it (the district QA
 * officer) and see where each school is; the readiness list for OBEC as CSV or XLSX. District staff
 * see their district, OBEC and administrators any district ({@code ?district=}).
 */
@Controller
@RequestMapping("/external")
class ExternalController {
  private final Clock clock;
  static final int MIN_YEAR = 2560;
  static final int MAX_YEAR = 2999;

  private final ExternalAssessments external;
  private final OrganisationDirectory directory;
  private final StakeholderIssueRegister issues;
  private final LevelComparisons comparisons;
  private final OnesqaPackage onesqaPackage;
  private final OnesqaBaselines baselines;
  private final MessageSource messages;

  ExternalController(
      ExternalAssessments external,
      OrganisationDirectory directory,
      StakeholderIssueRegister issues,
      LevelComparisons comparisons,
      OnesqaPackage onesqaPackage,
      OnesqaBaselines baselines,
      MessageSource messages,
      Clock clock) {
    this.clock = clock;
    this.external = external;
    this.directory = directory;
    this.issues = issues;
    this.comparisons = comparisons;
    this.onesqaPackage = onesqaPackage;
    this.baselines = baselines;
    this.messages = messages;
  }

  @GetMapping
  String page(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      Model model) {
    QaUser user = CurrentUser.get();
    District d = district(user, district);
    int academicYear = year(year, model);
    model.addAttribute("district", d);
    model.addAttribute("districts", user.isDistrictUser() ? List.of(d) : directory.districts());
    model.addAttribute("year", academicYear);
    model.addAttribute("coordination", external.coordination(d.code(), academicYear).orElse(null));
    model.addAttribute("schools", external.schools(d.code(), academicYear));
    model.addAttribute("canStart", user.canManageDistrict(d.code()));
    model.addAttribute("issues", issues.of(d.code(), academicYear));
    model.addAttribute("stakeholders", StakeholderIssue.STAKEHOLDERS);
    model.addAttribute("issueStandards", issues.standards(academicYear));
    return "external/external";
  }

  /** Each assessed school's SAR levels beside ONESQA's, per standard (IQA and EQA together). */
  @GetMapping("/compare")
  String compare(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      Model model) {
    QaUser user = CurrentUser.get();
    District d = district(user, district);
    int academicYear = year(year, model);
    List<LevelComparison> schools = comparisons.of(d.code(), academicYear);
    model.addAttribute("district", d);
    model.addAttribute("year", academicYear);
    model.addAttribute("comparisons", schools);
    model.addAttribute("ratedHigher", schools.stream().filter(c -> c.ratedHigher() > 0).count());
    return "external/compare";
  }

  /** Adds an issue to the district's register of the year (the district's QA staff). */
  @MultiLineFields("issue")
  @PostMapping("/issues")
  String addIssue(
      @RequestParam String district,
      @RequestParam String year,
      @RequestParam(required = false) String stakeholder,
      @RequestParam(required = false) String standardCode,
      @RequestParam(required = false) String issue,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    int academicYear = mayManage(user, district, year);
    issues
        .add(district, academicYear, stakeholder, standardCode, issue, user.userId())
        .ifPresentOrElse(
            error -> {
              flash.addFlashAttribute("error", error);
              flash.addFlashAttribute("issueDraft", issue);
            },
            () -> flash.addFlashAttribute("success", "external.issue.added"));
    return "redirect:/external?district=" + district + "&year=" + academicYear + "#issues";
  }

  @PostMapping("/issues/{id}/delete")
  String removeIssue(
      @PathVariable String id,
      @RequestParam String district,
      @RequestParam String year,
      RedirectAttributes flash) {
    int academicYear = mayManage(CurrentUser.get(), district, year);
    if (!issues.remove(district, id)) {
      throw new NotFoundException("issue " + id);
    }
    flash.addFlashAttribute("success", "external.issue.removed");
    return "redirect:/external?district=" + district + "&year=" + academicYear + "#issues";
  }

  /**
   * Imports earlier ONESQA rounds' results from CSV (the district's QA staff): all rows or none,
   * each problem explained with its row.
   */
  @PostMapping("/baseline")
  String importBaseline(
      @RequestParam String district,
      @RequestParam String year,
      @RequestParam(required = false) MultipartFile file,
      Locale locale,
      RedirectAttributes flash)
      throws java.io.IOException {
    QaUser user = CurrentUser.get();
    int academicYear = mayManage(user, district, year);
    String back = "redirect:/external/compare?district=" + district + "&year=" + academicYear;
    if (file == null || file.isEmpty()) {
      flash.addFlashAttribute("error", "external.baseline.error.noFile");
      return back;
    }
    OnesqaBaselines.Result result = baselines.importCsv(district, file.getBytes(), user.userId());
    if (result.problems().isEmpty()) {
      flash.addFlashAttribute(
          "baselineImported",
          messages.getMessage(
              "external.baseline.imported", new Object[] {result.stored()}, locale));
    } else {
      flash.addFlashAttribute(
          "baselineProblems",
          result.problems().stream()
              .map(
                  p ->
                      messages.getMessage(
                          p.key(), new Object[] {p.row(), p.value()}, p.key(), locale))
              .toList());
    }
    return back;
  }

  /**
   * The year, when the user may manage the district's ONESQA records (issues, baseline); else
   * refused.
   */
  private int mayManage(QaUser user, String district, String year) {
    if (directory.district(district).isEmpty()) {
      throw new NotFoundException("district " + district);
    }
    if (!user.canManageDistrict(district)) {
      throw new ForbiddenException("stakeholder issues of " + district);
    }
    return yearOrNotFound(year);
  }

  @PostMapping("/start")
  String start(@RequestParam String district, @RequestParam String year, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (directory.district(district).isEmpty()) {
      throw new NotFoundException("district " + district);
    }
    if (!user.canManageDistrict(district)) {
      throw new ForbiddenException("start ONESQA coordination of " + district);
    }
    Integer academicYear = parseYear(year);
    if (academicYear == null) {
      flash.addFlashAttribute("error", "external.error.year");
      return "redirect:/external?district=" + district;
    }
    ExternalAssessments.StartResult result = external.start(district, academicYear, user.userId());
    flash.addFlashAttribute(
        "success", result.started() ? "external.started" : "external.alreadyStarted");
    return "redirect:/external?district=" + district + "&year=" + academicYear;
  }

  @GetMapping("/readiness.csv")
  ResponseEntity<byte[]> csv(
      @RequestParam(required = false) String district, @RequestParam String year) {
    District d = district(CurrentUser.get(), district);
    int y = yearOrNotFound(year);
    return file(
        external.readinessCsv(d.code(), y),
        "onesqa-readiness-" + d.code() + "-" + y + ".csv",
        TableWriter.CSV);
  }

  @GetMapping("/readiness.xlsx")
  ResponseEntity<byte[]> xlsx(
      @RequestParam(required = false) String district, @RequestParam String year) {
    District d = district(CurrentUser.get(), district);
    int y = yearOrNotFound(year);
    return file(
        external.readinessXlsx(d.code(), y),
        "onesqa-readiness-" + d.code() + "-" + y + ".xlsx",
        TableWriter.XLSX);
  }

  /**
   * The ONESQA package of the year as one ZIP, streamed: the target schools' SARs, the synthesis,
   * the stakeholders' issues and the readiness list ({@link OnesqaPackage}).
   */
  @GetMapping("/package.zip")
  ResponseEntity<StreamingResponseBody> onesqaPackage(
      @RequestParam(required = false) String district, @RequestParam String year) {
    District d = district(CurrentUser.get(), district);
    int y = yearOrNotFound(year);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment(OnesqaPackage.fileName(d.code(), y)))
        .contentType(MediaType.parseMediaType("application/zip"))
        .body(out -> onesqaPackage.write(d.code(), y, out));
  }

  /** District staff: their own district (another one is refused); OBEC and admins: any district. */
  private District district(QaUser user, String requested) {
    if (user.isDistrictUser()) {
      if (requested != null && !requested.equals(user.districtCode())) {
        throw new ForbiddenException("ONESQA coordination of " + requested);
      }
      return directory
          .district(user.districtCode())
          .orElseThrow(() -> new NotFoundException("district"));
    }
    if (!user.isOperator() && !user.isReadOnly()) {
      throw new ForbiddenException("ONESQA coordination");
    }
    if (requested == null) {
      return directory.districts().stream()
          .findFirst()
          .orElseThrow(() -> new NotFoundException("district"));
    }
    return directory
        .district(requested)
        .orElseThrow(() -> new NotFoundException("district " + requested));
  }

  private int year(String text, Model model) {
    if (text == null || text.isBlank()) {
      return AcademicYears.current(clock);
    }
    Integer y = parseYear(text);
    if (y == null) {
      model.addAttribute("error", "external.error.year");
      return AcademicYears.current(clock);
    }
    return y;
  }

  private static int yearOrNotFound(String text) {
    Integer y = parseYear(text);
    if (y == null) {
      throw new NotFoundException("year " + text);
    }
    return y;
  }

  static Integer parseYear(String text) {
    try {
      int y = Integer.parseInt(text.strip());
      return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static ResponseEntity<byte[]> file(byte[] content, String filename, MediaType type) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(filename))
        .contentType(type)
        .body(content);
  }
}
