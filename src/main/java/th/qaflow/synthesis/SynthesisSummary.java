package th.qaflow.synthesis;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The generated summary of a district's accepted SARs of one academic year. Levels are the
 * framework's quality levels, best first ({@code "5"} ยอดเยี่ยม … {@code "1"} กำลังพัฒนา); each
 * count list follows {@link #levels} in that order.
 *
 * @param schoolsInDistrict schools of the district in the organisation data
 * @param cycles the district's school cycles of the year
 * @param accepted schools whose SAR the district accepted (the ones summarised)
 * @param returned schools whose SAR the district returned and which have not been accepted since
 * @param educationLevels per education level (early childhood first), schools per quality level per
 *     standard
 * @param lowestRated the standards with the lowest mean level over all education levels, lowest
 *     first
 * @param belowTargets every standard, of every accepted school, whose level is below the school's
 *     own target
 * @param strengths strengths written in the internal assessments, the most shared first
 * @param improvements points to improve written in the internal assessments, the most shared first
 * @param schools the accepted schools, with their SAR's public link or document version
 */
public record SynthesisSummary(
    String districtCode,
    String districtName,
    int academicYear,
    Instant generatedAt,
    List<QualityLevel> levels,
    int schoolsInDistrict,
    int cycles,
    int accepted,
    int returned,
    List<EducationLevelSummary> educationLevels,
    List<StandardResult> lowestRated,
    List<BelowTarget> belowTargets,
    List<Theme> strengths,
    List<Theme> improvements,
    List<AcceptedSar> schools) {

  public SynthesisSummary {
    levels = List.copyOf(levels);
    educationLevels = List.copyOf(educationLevels);
    lowestRated = List.copyOf(lowestRated);
    belowTargets = List.copyOf(belowTargets);
    strengths = List.copyOf(strengths);
    improvements = List.copyOf(improvements);
    schools = List.copyOf(schools);
  }

  /** The name of a quality level value (e.g. 4 → ดีเลิศ), or the value itself when unknown. */
  public String levelName(int value, Locale locale) {
    return levels.stream()
        .filter(l -> l.value().equals(String.valueOf(value)))
        .findFirst()
        .map(l -> l.name(locale))
        .orElse(String.valueOf(value));
  }

  /** A quality level of the frameworks, e.g. {@code 5} ยอดเยี่ยม. */
  public record QualityLevel(String value, String nameTh, String nameEn) {
    public String name(Locale locale) {
      return english(locale) ? nameEn : nameTh;
    }
  }

  /**
   * One education level (ปฐมวัย or ขั้นพื้นฐาน): how many accepted schools offer it, and each
   * standard.
   */
  public record EducationLevelSummary(
      String educationLevel,
      String nameTh,
      String nameEn,
      int schools,
      List<StandardResult> standards) {
    public EducationLevelSummary {
      standards = List.copyOf(standards);
    }

    public String name(Locale locale) {
      return english(locale) ? nameEn : nameTh;
    }
  }

  /**
   * Schools per quality level for one standard.
   *
   * @param counts schools at each level, in the order of {@link SynthesisSummary#levels}
   * @param rated schools that gave the standard a level
   * @param mean mean level (5 best), 0 when no school rated it
   */
  public record StandardResult(
      String educationLevel,
      String standardCode,
      String labelTh,
      String labelEn,
      List<Integer> counts,
      int rated,
      double mean) {
    public StandardResult {
      counts = List.copyOf(counts);
    }

    public String label(Locale locale) {
      return english(locale) && labelEn != null && !labelEn.isBlank() ? labelEn : labelTh;
    }
  }

  /** A standard a school rated below its own target. */
  public record BelowTarget(
      String schoolCode,
      String schoolName,
      String standardCode,
      String labelTh,
      String labelEn,
      int target,
      int achieved) {
    public String label(Locale locale) {
      return english(locale) && labelEn != null && !labelEn.isBlank() ? labelEn : labelTh;
    }
  }

  /**
   * A point written (after trimming) by one or more schools in their internal assessment.
   *
   * @param standardCodes the standards it was written for
   * @param schoolCodes the schools that wrote it
   */
  public record Theme(String text, List<String> standardCodes, List<String> schoolCodes) {
    public Theme {
      standardCodes = List.copyOf(standardCodes);
      schoolCodes = List.copyOf(schoolCodes);
    }

    public int schools() {
      return schoolCodes.size();
    }
  }

  /**
   * An accepted school and where its SAR can be read.
   *
   * @param publicLink the link the school published its SAR at (PublishSar), or null
   * @param sarVersionId the document version of the SAR: the published file, else the
   *     board-approved version, or null
   * @param belowTargets how many of its standards are below its own targets
   * @param publishedFile whether {@code sarVersionId} is the file the school itself published
   *     (PublishSar "file"); only such a file may be served to the public (false in reports stored
   *     before this field)
   */
  public record AcceptedSar(
      String schoolCode,
      String schoolName,
      String clusterCode,
      String publicLink,
      String sarVersionId,
      int belowTargets,
      boolean publishedFile) {}

  static boolean english(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }
}
