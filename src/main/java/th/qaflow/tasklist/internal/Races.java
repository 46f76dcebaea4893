package th.qaflow.tasklist.internal;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What another person's simultaneous work on the same task looks like when it reaches us as an
 * exception: the engine's optimistic lock, its "already claimed", the task gone under our feet
 * ({@code NullValueException} / {@code NotFoundException} from the engine, only meaningful once we
 * know the task existed a moment ago), or the database's own answer to two writers (lock timeout,
 * serialization failure, a second row for the same task's submission), also when it surfaces only
 * at commit.
 */
final class Races {
  private Races() {}

  /** Whether the failure is one of the two people losing a race; anything else is a real error. */
  static boolean isRace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException
          || t instanceof TaskAlreadyClaimedException
          || t instanceof NullValueException
          || t instanceof NotFoundException
          || t instanceof ConcurrencyFailureException
          || t instanceof DuplicateKeyException) {
        return true;
      }
      if (t instanceof SQLException sql && concurrentWrite(sql)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the engine said the task is not there (only a race if it is indeed gone now). */
  static boolean isGone(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NullValueException || t instanceof NotFoundException) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQL states of a write that lost to another transaction: class 40 (serialization failure,
   * deadlock), 23505 (a unique key, e.g. the task's one submission row), H2's lock timeout (HYT00)
   * and concurrent update (90131).
   */
  private static boolean concurrentWrite(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("40")
            || state.equals("23505")
            || state.equals("HYT00")
            || state.equals("90131"));
  }
}
