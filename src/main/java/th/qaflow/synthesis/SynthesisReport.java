package th.qaflow.synthesis;

import java.util.Locale;
import java.util.Optional;

/** The district's published synthesis report as a file, for modules that pass it on. */
public interface SynthesisReport {

  /**
   * The published report of the district's year as PDF (the same file as the public page's), or
   * empty before it is published.
   */
  Optional<File> publishedPdf(String districtCode, int academicYear, Locale locale);

  record File(String filename, byte[] content) {}
}
