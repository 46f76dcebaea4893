package th.qaflow.district;

import java.time.Instant;
import java.util.List;

/**
 * A district published its year's guidance to its schools (Task_PublishGuidance completed): the
 * summary, the letter number or link, the names of the files now readable by the district's
 * schools, who and when. Published inside the engine's transaction that completes the task, so
 * whatever a listener writes (the notification module's announcement mails) commits with the
 * publication.
 */
public record GuidancePublished(
    String districtCode,
    int academicYear,
    String summary,
    String reference,
    List<String> filenames,
    String publishedBy,
    Instant publishedAt) {
  public GuidancePublished {
    filenames = List.copyOf(filenames);
  }
}
