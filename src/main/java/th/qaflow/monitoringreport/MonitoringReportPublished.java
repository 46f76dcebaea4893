package th.qaflow.monitoringreport;

import java.time.Instant;

/**
 * The district's monitoring report of the year was published (after the committee and the schools
 * were informed), at {@code publicPath}; published in the engine's transaction.
 */
public record MonitoringReportPublished(
    String districtCode, int academicYear, String publicPath, Instant publishedAt) {}
