package th.qaflow.research.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.research.internal.ResearchData.Dataset;
import th.qaflow.research.internal.ResearchData.Row;
import th.qaflow.research.internal.ResearchData.Summary;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * Data for researchers ({@code /research/data}): the request form (requester, organisation,
 * purpose), the anonymised workbook of levels per standard it returns, and the log of requests for
 * the supervision director. Only the district's staff (QA officer, supervision director,
 * supervisors) and administrators take their district's data.
 */
@Controller
@RequestMapping("/research/data")
class ResearchDataController {
  static final int MAX_NAME = 200;
  static final int MIN_PURPOSE = 10;
  static final int MAX_PURPOSE = 2000;

  private final ResearchData data;
  private final OrganisationDirectory directory;
  private final MessageSource messages;

  ResearchDataController(
      ResearchData data, OrganisationDirectory directory, MessageSource messages) {
    this.data = data;
    this.directory = directory;
    this.messages = messages;
  }

  private District district(String code, QaUser user) {
    String wanted = code == null || code.isBlank() ? user.districtCode() : code;
    if (wanted == null || !ResearchViews.maySee(user, wanted)) {
      throw new ForbiddenException("research data of " + code);
    }
    return directory
        .district(wanted)
        .orElseThrow(() -> new ForbiddenException("research data of " + code));
  }

  @GetMapping
  @PreAuthorize(ResearchController.ROLES)
  String form(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    District d = district(district, user);
    model.addAttribute("district", d);
    model.addAttribute("minGroup", data.minGroup());
    model.addAttribute("canReadLog", ResearchViews.mayReadLog(user, d.code()));
    model.addAttribute("errors", Map.of());
    return "research/data";
  }

  @MultiLineFields("purpose")
  @PostMapping
  @PreAuthorize(ResearchController.ROLES)
  Object export(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String requester,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String purpose,
      Model model) {
    QaUser user = CurrentUser.get();
    District d = district(district, user);
    Map<String, String> errors = new LinkedHashMap<>();
    String who = clean(requester);
    String org = clean(organisation);
    String why = clean(purpose);
    if (who.isEmpty() || who.length() > MAX_NAME) {
      errors.put("requester", "research.data.error.requester");
    }
    if (org.isEmpty() || org.length() > MAX_NAME) {
      errors.put("organisation", "research.data.error.organisation");
    }
    if (why.length() < MIN_PURPOSE || why.length() > MAX_PURPOSE) {
      errors.put("purpose", "research.data.error.purpose");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("district", d);
      model.addAttribute("minGroup", data.minGroup());
      model.addAttribute("canReadLog", ResearchViews.mayReadLog(user, d.code()));
      model.addAttribute("errors", errors);
      model.addAttribute("requester", requester);
      model.addAttribute("organisation", organisation);
      model.addAttribute("purpose", purpose);
      return "research/data";
    }
    Dataset dataset = data.dataset(d.code());
    data.log(d.code(), user.userId(), who, org, why, dataset);
    Locale locale = LocaleContextHolder.getLocale();
    return ResponseEntity.ok()
        .contentType(TableWriter.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment("research-data-" + d.code() + ".xlsx"))
        .body(TableWriter.xlsx(sheets(dataset, locale), locale));
  }

  @GetMapping("/log")
  @PreAuthorize("hasAnyRole('ADMIN','SUPERVISION_DIRECTOR')")
  String log(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    District d = district(district, user);
    if (!ResearchViews.mayReadLog(user, d.code())) {
      throw new ForbiddenException("research data log of " + district);
    }
    model.addAttribute("district", d);
    model.addAttribute("requests", data.requests(d.code()));
    return "research/log";
  }

  private List<Table> sheets(Dataset dataset, Locale locale) {
    Table.Builder about =
        Table.of(
            msg("research.xlsx.about", locale),
            List.of(msg("research.xlsx.item", locale), msg("research.xlsx.value", locale)));
    about.row(Table.text(msg("research.xlsx.dataset", locale)), Table.text(ResearchData.DATASET));
    about.row(Table.text(msg("research.xlsx.pseudonym", locale)), Table.text(""));
    about.row(Table.text(msg("research.xlsx.minGroup", locale)), Table.integer(data.minGroup()));
    about.row(Table.text(msg("research.xlsx.schools", locale)), Table.integer(dataset.schools()));
    about.row(
        Table.text(msg("research.xlsx.suppressed", locale)),
        Table.integer(dataset.suppressedSchools()));

    Table.Builder rows =
        Table.of(
            msg("research.xlsx.rows", locale),
            List.of(
                msg("research.xlsx.school", locale),
                msg("research.xlsx.group", locale),
                msg("research.xlsx.year", locale),
                msg("research.xlsx.standard", locale),
                msg("research.xlsx.level", locale)));
    for (Row r : dataset.rows()) {
      rows.row(
          Table.text(r.pseudonym()),
          Table.text(msg(r.group().messageKey(), locale)),
          Table.integer(r.academicYear()),
          Table.text(r.standard()),
          Table.text(r.level()));
    }
    Table.Builder summary =
        Table.of(
            msg("research.xlsx.summary", locale),
            List.of(
                msg("research.xlsx.group", locale),
                msg("research.xlsx.year", locale),
                msg("research.xlsx.standard", locale),
                msg("research.xlsx.schoolsReporting", locale),
                msg("research.xlsx.levels", locale)));
    for (Summary s : dataset.summary()) {
      String levels =
          s.suppressed()
              ? msg("research.xlsx.suppressedCell", new Object[] {data.minGroup()}, locale)
              : s.levels().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .reduce((a, b) -> a + "; " + b)
                  .orElse("");
      summary.row(
          Table.text(msg(s.group().messageKey(), locale)),
          Table.integer(s.academicYear()),
          Table.text(s.standard()),
          s.suppressed() ? Table.text("") : Table.integer(s.schools()),
          Table.text(levels));
    }
    return List.of(about.build(), rows.build(), summary.build());
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  private String msg(String key, Object[] args, Locale locale) {
    return messages.getMessage(key, args, locale);
  }
}
