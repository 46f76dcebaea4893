package th.qaflow.kernel;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a yearly instance (a district's cycle, plan or round) at most once: in one transaction,
 * nothing when its row exists already; a second start racing the first loses on the row's unique
 * key and gets nothing either, and its transaction (with its half-started instance) rolls back.
 */
public final class StartOnce {
  private StartOnce() {}

  /**
   * The id {@code start} returns, or empty when {@code exists} or a concurrent start got there
   * first.
   */
  public static Optional<String> inTransaction(
      TransactionTemplate tx, BooleanSupplier exists, Supplier<String> start) {
    try {
      return tx.execute(
          status -> exists.getAsBoolean() ? Optional.<String>empty() : Optional.of(start.get()));
    } catch (DuplicateKeyException raced) {
      return Optional.empty();
    }
  }
}
