package th.qaflow.calendar;

/**
 * Implemented by modules whose work follows the calendar (the cycle module moves open tasks' due
 * dates and pending timers). Called by {@link CalendarEditor} for each changed stage, inside the
 * saving transaction: throwing rolls the whole save back.
 */
public interface DeadlineFollower {

  /** Moves what follows the stage's window in the district's year and says how much moved. */
  Followed follow(String districtCode, int academicYearBE, StageWindow before, StageWindow after);

  record Followed(int tasks, int timers) {
    public static final Followed NOTHING = new Followed(0, 0);

    public Followed plus(Followed other) {
      return new Followed(tasks + other.tasks, timers + other.timers);
    }
  }
}
