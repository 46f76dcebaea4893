package th.qaflow.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The stage registry: every stage every module contributes ({@link StageCatalog}), in the order of
 * the year. Calendars, dashboards and reminders work over this list and so learn a new process's
 * stages without change.
 */
@Component
public class Stages {
  private final Map<String, Stage> byCode = new LinkedHashMap<>();
  private final List<Stage> all;

  public Stages(ObjectProvider<StageCatalog> catalogs) {
    catalogs
        .orderedStream()
        .flatMap(c -> c.stages().stream())
        .forEach(
            s -> {
              Stage twin = byCode.putIfAbsent(s.name(), s);
              if (twin != null) {
                throw new IllegalStateException("Two modules declare the stage " + s.name());
              }
            });
    this.all = Collections.unmodifiableList(new ArrayList<>(byCode.values()));
  }

  /** Every stage, in the order of the year. */
  public List<Stage> all() {
    return all;
  }

  /**
   * The stage with this code; a code no module declares is a programming error (e.g. a typo in a
   * model).
   */
  public Stage byCode(String code) {
    Stage stage = code == null ? null : byCode.get(code);
    if (stage == null) {
      throw new IllegalArgumentException("No module declares the stage " + code);
    }
    return stage;
  }

  public Optional<Stage> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /** The stage's place in the year; codes no module declares (any more) come last. */
  public int position(String code) {
    Stage stage = code == null ? null : byCode.get(code);
    return stage == null ? Integer.MAX_VALUE : all.indexOf(stage);
  }

  /** Stage codes in the order of the year; unknown codes last, by name. */
  public Comparator<String> codeOrder() {
    return Comparator.comparingInt(this::position).thenComparing(Comparator.naturalOrder());
  }
}
