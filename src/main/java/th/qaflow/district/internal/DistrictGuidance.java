package th.qaflow.district.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.documents.Documents;
import th.qaflow.documents.PublishedDocument;

/**
 * What a district published to its schools, year by year: the newest publication of each year
 * (summary, letter number or link, who and when, from {@code district_guidance}) and the newest
 * published version of each file ({@link Documents#publishedToSchools}). Callers check the reader
 * first ({@code Scopes#canReadPublishedBy}).
 */
@Component
class DistrictGuidance {
  private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");

  /** The summary and reference of a year's newest publication. */
  record Publication(String summary, String reference, String publishedBy, Instant publishedAt) {
    /** A reference that is a web address is shown as a link; a letter number as text. */
    public boolean referenceIsLink() {
      return reference != null && WEB_ADDRESS.matcher(reference).matches();
    }
  }

  /** One academic year's guidance; {@code publication} is null when only files are known. */
  record Year(int year, Publication publication, List<PublishedDocument> documents) {
    /** When the year's guidance was last published: the publication, else its newest file. */
    public Instant publishedAt() {
      if (publication != null) {
        return publication.publishedAt();
      }
      return documents.stream()
          .map(PublishedDocument::publishedAt)
          .max(Instant::compareTo)
          .orElse(null);
    }
  }

  private final JdbcClient jdbc;
  private final Documents documents;

  DistrictGuidance(JdbcClient jdbc, Documents documents) {
    this.jdbc = jdbc;
    this.documents = documents;
  }

  /** Every year with guidance, newest year first. */
  List<Year> years(String districtCode) {
    Map<Integer, Publication> publications = new TreeMap<>();
    jdbc.sql(
            """
            select g.academic_year, g.summary, g.reference, g.published_by, g.published_at
            from district_guidance g where g.district_code = ?
            order by g.academic_year, g.published_at, g.id""")
        .param(districtCode)
        .query(
            rs -> {
              // ordered oldest first: the last row of a year is its newest publication
              publications.put(
                  rs.getInt(1),
                  new Publication(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getTimestamp(5).toInstant()));
            });
    Map<Integer, List<PublishedDocument>> files = new TreeMap<>();
    for (PublishedDocument d : documents.publishedToSchools(districtCode)) {
      files.computeIfAbsent(d.version().academicYear(), y -> new ArrayList<>()).add(d);
    }
    TreeMap<Integer, Year> years = new TreeMap<>();
    publications.forEach((y, p) -> years.put(y, new Year(y, p, files.getOrDefault(y, List.of()))));
    files.forEach((y, f) -> years.putIfAbsent(y, new Year(y, null, f)));
    return new ArrayList<>(years.descendingMap().values());
  }

  /** The guidance of one academic year, if the district published any. */
  Optional<Year> year(String districtCode, int academicYear) {
    return years(districtCode).stream().filter(y -> y.year() == academicYear).findFirst();
  }
}
