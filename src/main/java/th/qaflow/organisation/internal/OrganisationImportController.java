package th.qaflow.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.organisation.ImportError;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.ImportReport;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;

/**
 * The admin page for CSV imports: upload form with column docs; post/redirect/get to the report.
 */
@Controller
@RequestMapping("/admin/organisation/import")
@PreAuthorize("hasAnyRole('ADMIN','DISTRICT_QA_OFFICER')")
public class OrganisationImportController {

  static final String PATH = "/admin/organisation/import";

  private final OrganisationImport imports;
  private final OrganisationDirectory directory;
  private final MessageSource messages;

  public OrganisationImportController(
      OrganisationImport imports, OrganisationDirectory directory, MessageSource messages) {
    this.imports = imports;
    this.directory = directory;
    this.messages = messages;
  }

  /** An error of the report as the page shows it. */
  public record ErrorLine(String row, String column, String message) {}

  @GetMapping
  public String form(Principal principal, Model model, Locale locale) {
    Person actor = actor(principal);
    model.addAttribute("kinds", allowedKinds(actor));
    model.addAttribute("allKinds", ImportKind.values());
    if (model.getAttribute("report") instanceof ImportReport report) {
      model.addAttribute(
          "errorLines",
          report.errors().stream()
              .map(
                  e ->
                      new ErrorLine(
                          e.row() > 0 ? String.valueOf(e.row()) : "–",
                          e.column(),
                          messages.getMessage(e, locale)))
              .toList());
    }
    return "organisation/import";
  }

  @PostMapping
  public String upload(
      @RequestParam ImportKind kind,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Principal principal,
      RedirectAttributes redirect)
      throws IOException {
    Person actor = actor(principal);
    ImportReport report;
    if (file == null || file.isEmpty()) {
      report =
          ImportReport.failed(
              kind, 0, List.of(new ImportError(0, "", ImportErrors.PREFIX + "noFile", List.of())));
    } else {
      try (InputStream in = file.getInputStream()) {
        report = imports.importCsv(kind, in, actor);
      }
    }
    redirect.addFlashAttribute("report", report);
    if (report.ok() && kind == ImportKind.SCHOOLS) {
      redirect.addFlashAttribute("clusterWarnings", clusterWarnings(actor));
    }
    redirect.addFlashAttribute("fileName", file == null ? "" : file.getOriginalFilename());
    return "redirect:" + PATH;
  }

  /**
   * The acting person: from the directory, or, for an operator made in Camunda Admin who has no
   * entry there but holds ROLE_ADMIN, an administrator without a place.
   */
  private Person actor(Principal principal) {
    if (principal == null) {
      throw new AccessDeniedException("Not signed in");
    }
    Person person = directory.person(principal.getName()).orElse(null);
    if (person == null
        && principal instanceof Authentication auth
        && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
      person =
          new Person(
              principal.getName(),
              principal.getName(),
              "",
              "",
              Role.ADMIN,
              null,
              null,
              List.of(),
              "th");
    }
    if (person == null
        || !(person.role() == Role.ADMIN
            || (person.role() == Role.DISTRICT_QA_OFFICER && person.districtCode() != null))) {
      throw new AccessDeniedException("Not allowed to import organisation data");
    }
    return person;
  }

  /** A cluster outside 7–15 schools: a warning after the import, never a block. */
  public record ClusterWarning(String code, String nameTh, int schools, int min, int max) {}

  private List<ClusterWarning> clusterWarnings(Person actor) {
    List<ClusterWarning> out = new java.util.ArrayList<>();
    for (th.qaflow.organisation.District d : directory.districts()) {
      if (actor.role() != Role.ADMIN && !d.code().equals(actor.districtCode())) {
        continue;
      }
      for (th.qaflow.organisation.Cluster c : directory.clusters(d.code())) {
        int n = directory.schoolsOfCluster(c.code()).size();
        if (!th.qaflow.organisation.Cluster.sizeOk(n)) {
          out.add(
              new ClusterWarning(
                  c.code(),
                  c.nameTh(),
                  n,
                  th.qaflow.organisation.Cluster.MIN_SCHOOLS,
                  th.qaflow.organisation.Cluster.MAX_SCHOOLS));
        }
      }
    }
    return out;
  }

  private static List<ImportKind> allowedKinds(Person actor) {
    return actor.role() == Role.ADMIN
        ? Arrays.asList(ImportKind.values())
        : List.of(ImportKind.SCHOOLS, ImportKind.PEOPLE);
  }
}
