package th.qaflow.documents.internal;

import java.util.Locale;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;

/**
 * Helpers for the documents templates: {@code ${@documentViews.size(v.size)}}, {@code
 * uploader(id)}.
 */
@Component("documentViews")
public class DocumentViews {
  private final OrganisationDirectory directory;

  DocumentViews(OrganisationDirectory directory) {
    this.directory = directory;
  }

  /** 512 B, 13.4 KB, 2.1 MB (binary units, one decimal). */
  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** The uploader's name from the organisation directory, or the account id. */
  public String uploader(String userId) {
    return directory.person(userId).map(Person::displayName).orElse(userId);
  }
}
