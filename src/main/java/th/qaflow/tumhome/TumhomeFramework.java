package th.qaflow.tumhome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The 4Q indicators of the TUMHOME drive, a framework file like the MoE and ONESQA ones ({@code
 * standards/district/tumhome-4q.json}). It lies in a sub-folder so the standards module, which
 * loads {@code standards/*.json} as a school's internal or external framework, does not take it for
 * one; this module reads it itself.
 */
@Component
public class TumhomeFramework {
  public static final String FILE = "standards/district/tumhome-4q.json";

  public record Indicator(String code, String nameTh, String nameEn) {}

  public record Area(
      String code,
      String nameTh,
      String nameEn,
      String descriptionTh,
      List<Indicator> indicators) {}

  /** A level of the evaluation (1 = needs improvement … 5 = excellent). */
  public record Level(int level, String nameTh, String nameEn) {}

  private final List<Level> levels;
  private final String nameTh;
  private final String nameEn;
  private final List<Area> areas;

  public TumhomeFramework() {
    try (InputStream in = TumhomeFramework.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + FILE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      nameTh = root.path("nameTh").asText();
      nameEn = root.path("nameEn").asText();
      List<Area> list = new ArrayList<>();
      for (JsonNode s : root.path("standards")) {
        List<Indicator> items = new ArrayList<>();
        for (JsonNode i : s.path("items")) {
          items.add(
              new Indicator(
                  i.path("code").asText(), i.path("nameTh").asText(), i.path("nameEn").asText()));
        }
        list.add(
            new Area(
                s.path("code").asText(),
                s.path("nameTh").asText(),
                s.path("nameEn").asText(),
                s.path("descriptionTh").asText(),
                List.copyOf(items)));
      }
      areas = List.copyOf(list);
      List<Level> lv = new ArrayList<>();
      for (JsonNode l : root.path("levels")) {
        lv.add(
            new Level(
                l.path("level").asInt(), l.path("nameTh").asText(), l.path("nameEn").asText()));
      }
      levels = List.copyOf(lv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String nameTh() {
    return nameTh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** The evaluation's levels 1–5, lowest first. */
  public List<Level> levels() {
    return levels;
  }

  /** The four areas: students, teachers, classrooms, directors. */
  public List<Area> areas() {
    return areas;
  }
}
