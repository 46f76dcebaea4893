package th.qaflow.kernel;

import java.util.List;

/**
 * A module's contribution to the stage registry: its stages in the order of its year. Declare one
 * as a bean with an {@link org.springframework.core.annotation.Order}; the registry lists the
 * catalogs in that order (the school's year first, then visits, the district's own work, ONESQA).
 */
@FunctionalInterface
public interface StageCatalog {
  List<? extends Stage> stages();
}
