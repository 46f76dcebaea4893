package th.qaflow.tumhome.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeFramework;
import th.qaflow.tumhome.TumhomeFramework.Area;
import th.qaflow.tumhome.TumhomeRanking;
import th.qaflow.visit.VisitRounds;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * The drive's mentoring and evaluation on {@code /tumhome}: the QA officer or supervision director
 * of the district launches the mentoring's visit round (DistrictVisit, through the visit module's
 * {@link VisitRounds}) for the schools that signed the MOU while the mentoring task is open, and
 * records each MOU school's level per 4Q area while the evaluation task is open (QA Flow ranks
 * them); the district's staff download the ranking as XLSX. Scope is checked here.
 */
@Controller
@RequestMapping("/tumhome")
class TumhomeEvaluationController {
  static final String LEVEL_PARAM = "level.";

  private final TumhomeDrives drives;
  private final TumhomeViews views;
  private final TumhomeFramework framework;
  private final VisitRounds visitRounds;
  private final MessageSource messages;

  TumhomeEvaluationController(
      TumhomeDrives drives,
      TumhomeViews views,
      TumhomeFramework framework,
      VisitRounds visitRounds,
      MessageSource messages) {
    this.drives = drives;
    this.views = views;
    this.framework = framework;
    this.visitRounds = visitRounds;
    this.messages = messages;
  }

  /** The drive the district's QA officer or supervision director acts on, or refused. */
  private Optional<Drive> ownDrive(QaUser user, String district, String year) {
    if (district == null || !TumhomeController.mayStart(user, district)) {
      throw new ForbiddenException("tumhome of " + district);
    }
    Integer y = AcademicYears.parse(year);
    return y == null ? Optional.empty() : drives.drive(district, y);
  }

  private static String back(String district, Drive drive) {
    return "redirect:/tumhome?district="
        + district
        + (drive == null ? "" : "#tumhome-" + drive.academicYear());
  }

  /** Launches the mentoring's visit round for the drive's schools with a signed MOU. */
  @PostMapping("/mentoring/launch")
  @PreAuthorize(TumhomeController.ROLES)
  String launch(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String round,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Optional<Drive> found = ownDrive(user, district, year);
    if (found.isEmpty()) {
      flash.addFlashAttribute("error", "tumhome.error.noDrive");
      return back(district, null);
    }
    Drive drive = found.get();
    TumhomeViews.DriveView view = views.view(drive);
    Integer roundNo =
        round != null && round.strip().matches("[1-9]") ? Integer.valueOf(round.strip()) : null;
    if (!view.mentoringOpen()) {
      flash.addFlashAttribute("error", "tumhome.error.notMentoring");
    } else if (roundNo == null || roundNo > VisitRounds.MAX_ROUND) {
      flash.addFlashAttribute("error", "tumhome.error.round");
    } else if (drive.mentoringRoundNo() != null && !drive.mentoringRoundNo().equals(roundNo)) {
      flash.addFlashAttribute("error", "tumhome.error.roundSet");
    } else if (view.signedSchools().isEmpty()) {
      flash.addFlashAttribute("error", "tumhome.error.noMou");
    } else {
      List<String> schools = view.signedSchools().stream().map(s -> s.school().code()).toList();
      VisitRounds.LaunchResult result =
          visitRounds.launchForSchools(user, district, drive.academicYear(), roundNo, schools);
      drives.mentoringRound(drive.id(), roundNo);
      flash.addFlashAttribute("success", "tumhome.mentoring.launched");
      flash.addFlashAttribute(
          "successArg", result.started().size() + result.alreadyInRound().size());
    }
    return back(district, drive);
  }

  /**
   * Records levels {@code level.<school>.<area>} (1–5) of the drive's MOU schools: for each school
   * all four areas or none. Anything invalid changes nothing.
   */
  @PostMapping("/results")
  @PreAuthorize(TumhomeController.ROLES)
  String results(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      @RequestParam MultiValueMap<String, String> params,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Optional<Drive> found = ownDrive(user, district, year);
    if (found.isEmpty()) {
      flash.addFlashAttribute("error", "tumhome.error.noDrive");
      return back(district, null);
    }
    Drive drive = found.get();
    TumhomeViews.DriveView view = views.view(drive);
    if (!view.evaluationOpen()) {
      flash.addFlashAttribute("error", "tumhome.error.notEvaluation");
      return back(district, drive);
    }
    Map<String, Map<String, Integer>> levels = new LinkedHashMap<>();
    for (TumhomeViews.SchoolMou s : view.signedSchools()) {
      String school = s.school().code();
      Map<String, Integer> mine = new LinkedHashMap<>();
      List<String> blank = new ArrayList<>();
      for (Area area : framework.areas()) {
        String text = params.getFirst(LEVEL_PARAM + school + "." + area.code());
        if (text == null || text.isBlank()) {
          blank.add(area.code());
          continue;
        }
        Integer level = parseLevel(text);
        if (level == null) {
          flash.addFlashAttribute("error", "tumhome.error.level");
          return back(district, drive);
        }
        mine.put(area.code(), level);
      }
      if (!mine.isEmpty() && !blank.isEmpty()) {
        flash.addFlashAttribute("error", "tumhome.error.levelsIncomplete");
        return back(district, drive);
      }
      if (!mine.isEmpty()) {
        levels.put(school, mine);
      }
    }
    if (levels.isEmpty()) {
      flash.addFlashAttribute("error", "tumhome.error.noLevels");
      return back(district, drive);
    }
    drives.recordResults(drive.id(), levels);
    flash.addFlashAttribute("success", "tumhome.results.saved");
    return back(district, drive);
  }

  static Integer parseLevel(String text) {
    String t = text.strip();
    if (!t.matches("\\d")) {
      return null;
    }
    int level = Integer.parseInt(t);
    return level >= TumhomeRanking.MIN_LEVEL && level <= TumhomeRanking.MAX_LEVEL ? level : null;
  }

  /** The drive's ranking as XLSX, for the district's staff who see the drive. */
  @GetMapping("/ranking.xlsx")
  @PreAuthorize(TumhomeController.ROLES)
  ResponseEntity<byte[]> export(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year) {
    QaUser user = CurrentUser.get();
    if (district == null || !TumhomeViews.maySee(user, district)) {
      throw new ForbiddenException("tumhome ranking of " + district);
    }
    Integer y = AcademicYears.parse(year);
    Drive drive =
        (y == null ? Optional.<Drive>empty() : drives.drive(district, y))
            .orElseThrow(() -> new NotFoundException("tumhome " + district + "/" + year));
    Locale locale = LocaleContextHolder.getLocale();
    byte[] body = TableWriter.xlsx(table(views.view(drive), locale), locale);
    return ResponseEntity.ok()
        .contentType(TableWriter.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment(
                "tumhome-ranking-" + district + "-" + drive.academicYear() + ".xlsx"))
        .body(body);
  }

  Table table(TumhomeViews.DriveView view, Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    List<String> header = new ArrayList<>();
    header.add(messages.getMessage("tumhome.rank", null, locale));
    header.add(messages.getMessage("tumhome.schoolCode", null, locale));
    header.add(messages.getMessage("tumhome.school", null, locale));
    for (Area a : framework.areas()) {
      header.add(en ? a.nameEn() : a.nameTh());
    }
    header.add(messages.getMessage("tumhome.mean", null, locale));
    header.add(messages.getMessage("tumhome.honoured", null, locale));
    Table.Builder table = Table.of(messages.getMessage("tumhome.ranking", null, locale), header);
    String yes = messages.getMessage("tumhome.honoured.yes", null, locale);
    for (TumhomeViews.RankRow r : view.ranking()) {
      List<Table.Cell> cells = new ArrayList<>();
      cells.add(Table.integer(r.ranked().rank()));
      cells.add(Table.text(r.schoolCode()));
      cells.add(Table.text(r.schoolName()));
      for (Area a : framework.areas()) {
        Integer level = r.level(a.code());
        cells.add(level == null ? Table.text("") : Table.integer(level));
      }
      cells.add(Table.decimal(r.ranked().mean().doubleValue()));
      cells.add(Table.text(r.ranked().honoured() ? yes : ""));
      table.row(cells);
    }
    return table.build();
  }
}
