package th.qaflow.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A long list cut into consecutive pieces (views, not copies), for queries with an IN list or
 * batched writes: every database has a limit on parameters a statement, and a national file has
 * ~100,000 ids.
 */
public final class Chunks {
  /** Ids per IN list or rows per batch, well below every supported database's limit. */
  public static final int SIZE = 1000;

  private Chunks() {}

  /** The list in pieces of at most {@code size} items, in order; none for an empty list. */
  public static <T> List<List<T>> of(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return chunks;
  }

  /** The list in pieces of {@link #SIZE}. */
  public static <T> List<List<T>> of(List<T> items) {
    return of(items, SIZE);
  }
}
