package th.qaflow.goodpractice.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.goodpractice.GoodPracticeNominations;
import th.qaflow.goodpractice.GoodPractices.Nomination;
import th.qaflow.goodpractice.GoodPractices.Round;
import th.qaflow.goodpractice.GoodPractices.Source;
import th.qaflow.goodpractice.internal.JdbcGoodPractices.NominationInput;
import th.qaflow.kernel.InputText;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;

/**
 * Who may nominate, see and change which nomination, and the checks on what they send. A school's
 * QA group and director nominate their own school's practices from its SAR; the district's
 * supervisors, QA officer and supervision director nominate practices of the district's schools
 * they saw on visits. Each side changes only its own nominations, and only while the round accepts
 * nominations. School people see only their own school's nominations; the district's staff, OBEC
 * and admins every nomination of the district.
 */
@Service
class NominationService implements GoodPracticeNominations {
  static final int TITLE_MAX = 300;
  static final int PRACTICE_MAX = 4000;
  static final int URL_MAX = 1000;
  static final int NOTE_MAX = 1000;

  private final JdbcGoodPractices rounds;
  private final OrganisationDirectory directory;

  NominationService(JdbcGoodPractices rounds, OrganisationDirectory directory) {
    this.rounds = rounds;
    this.directory = directory;
  }

  /** The side the user nominates for: SAR (a school's people), VISIT (district staff), or none. */
  static Optional<Source> side(QaUser user) {
    if (user.role() == null) {
      return Optional.empty();
    }
    return switch (user.role()) {
      case SCHOOL_QA, SCHOOL_DIRECTOR -> Optional.of(Source.SAR);
      case SUPERVISOR, DISTRICT_QA_OFFICER, SUPERVISION_DIRECTOR -> Optional.of(Source.VISIT);
      default -> Optional.empty();
    };
  }

  /** The schools the user may nominate for in the district. */
  List<School> nominable(QaUser user, String districtCode) {
    Optional<Source> side = side(user);
    if (side.isEmpty()) {
      return List.of();
    }
    if (side.get() == Source.SAR) {
      return directory
          .school(user.schoolCode())
          .filter(s -> s.districtCode().equals(districtCode))
          .stream()
          .toList();
    }
    return districtCode.equals(user.districtCode())
        ? directory.schoolsOfDistrict(districtCode)
        : List.of();
  }

  /** The nominations of the round the user may see. */
  List<Nomination> visible(QaUser user, String districtCode, int year) {
    List<Nomination> all = rounds.nominations(districtCode, year);
    if (user.isSchoolUser()) {
      return all.stream().filter(n -> n.schoolCode().equals(user.schoolCode())).toList();
    }
    return user.canSeeDistrict(districtCode) ? all : List.of();
  }

  boolean mayChange(QaUser user, Nomination n, Round round) {
    if (!round.stage().acceptsNominations() || user.isReadOnly()) {
      return false;
    }
    Optional<Source> side = side(user);
    if (side.isEmpty() || side.get() != n.source()) {
      return false;
    }
    return side.get() == Source.SAR
        ? n.schoolCode().equals(user.schoolCode())
        : n.districtCode().equals(user.districtCode());
  }

  /** A nomination the user may see, else refused (unknown ids too, so ids reveal nothing). */
  Nomination seen(QaUser user, long id) {
    return rounds
        .nomination(id)
        .filter(n -> visible(user, n.districtCode(), n.academicYear()).contains(n))
        .orElseThrow(() -> new ForbiddenException("nomination " + id));
  }

  /** Field → message key of each problem; empty when the input may be stored. */
  Map<String, String> check(
      NominationInput in, List<School> schools, List<JdbcGoodPractices.StandardOption> options) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (in.schoolCode() == null || in.schoolCode().isBlank()) {
      errors.put("school", "gp.error.school.required");
    } else if (schools.stream().noneMatch(s -> s.code().equals(in.schoolCode()))) {
      errors.put("school", "gp.error.school.scope");
    }
    if (in.standardCode() == null || in.standardCode().isBlank()) {
      errors.put("standard", "gp.error.standard.required");
    } else if (options.stream().noneMatch(o -> o.value().equals(in.standardCode()))) {
      errors.put("standard", "gp.error.standard.unknown");
    }
    if (in.title() == null || in.title().isBlank()) {
      errors.put("title", "gp.error.title.required");
    } else if (in.title().length() > TITLE_MAX) {
      errors.put("title", "gp.error.title.long");
    } else if (InputText.badSingleLine(in.title())) {
      errors.put("title", "gp.error.control");
    }
    if (in.practice() == null || in.practice().isBlank()) {
      errors.put("practice", "gp.error.practice.required");
    } else if (in.practice().length() > PRACTICE_MAX) {
      errors.put("practice", "gp.error.practice.long");
    } else if (InputText.badMultiLine(in.practice())) {
      errors.put("practice", "gp.error.control");
    }
    boolean noUrl = in.evidenceUrl() == null || in.evidenceUrl().isBlank();
    boolean noNote = in.evidenceNote() == null || in.evidenceNote().isBlank();
    if (noUrl && noNote) {
      errors.put("evidenceUrl", "gp.error.evidence.required");
    }
    if (!noUrl && (in.evidenceUrl().length() > URL_MAX || !webLink(in.evidenceUrl()))) {
      errors.put("evidenceUrl", "gp.error.evidence.url");
    }
    if (!noNote && in.evidenceNote().length() > NOTE_MAX) {
      errors.put("evidenceNote", "gp.error.evidence.note.long");
    } else if (InputText.badMultiLine(in.evidenceNote())) {
      errors.put("evidenceNote", "gp.error.control");
    }
    return errors;
  }

  /** An http(s) address with a host: what a teacher pastes from a drive or a school site. */
  static boolean webLink(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && !InputText.badSingleLine(text);
    } catch (Exception notAnAddress) {
      return false;
    }
  }

  @Override
  @Transactional
  public long nominate(
      QaUser user,
      String schoolCode,
      int academicYearBE,
      String standardCode,
      String title,
      String practice,
      String evidenceUrl,
      String evidenceNote) {
    School school =
        directory
            .school(schoolCode)
            .orElseThrow(() -> new IllegalArgumentException("unknown school " + schoolCode));
    String district = school.districtCode();
    if (rounds
        .round(district, academicYearBE)
        .filter(r -> r.stage().acceptsNominations())
        .isEmpty()) {
      throw new IllegalStateException("no round open for nominations " + district);
    }
    List<School> schools = nominable(user, district);
    NominationInput in =
        new NominationInput(schoolCode, standardCode, title, practice, evidenceUrl, evidenceNote);
    Map<String, String> errors = check(in, schools, rounds.standardOptions(academicYearBE, school));
    if (!errors.isEmpty() || user.isReadOnly()) {
      throw new IllegalArgumentException("nomination refused: " + errors.values());
    }
    return add(user, district, academicYearBE, in);
  }

  @Transactional
  long add(QaUser user, String districtCode, int year, NominationInput in) {
    return rounds.insert(districtCode, year, side(user).orElseThrow(), in, user.userId());
  }

  @Transactional
  boolean change(long id, NominationInput in) {
    return rounds.update(id, in);
  }

  @Transactional
  boolean withdraw(long id) {
    return rounds.withdraw(id);
  }
}
