package th.qaflow.organisation;

/**
 * The roles of domain.md. Where a role works decides which scope (school, cluster, district,
 * nation) applies.
 */
public enum Role {
  SCHOOL_QA(Level.SCHOOL),
  SCHOOL_DIRECTOR(Level.SCHOOL),
  SCHOOL_BOARD(Level.SCHOOL),
  SUPERVISOR(Level.DISTRICT),
  SUPERVISION_DIRECTOR(Level.DISTRICT),
  DISTRICT_QA_OFFICER(Level.DISTRICT),
  DISTRICT_DIRECTOR(Level.DISTRICT),
  /**
   * A member of a district committee (ก.ต.ป.น., อ.ก.ต.ป.น.) from outside the office: reads and
   * votes on the work of the committees they sit on, and nothing else of the district.
   */
  COMMITTEE_MEMBER(Level.COMMITTEE),
  OBEC_VIEWER(Level.NATION),
  ADMIN(Level.NATION);

  public enum Level {
    SCHOOL,
    DISTRICT,
    /** Tied to a district, but sees only the committees the person sits on. */
    COMMITTEE,
    NATION
  }

  private final Level level;

  Role(Level level) {
    this.level = level;
  }

  public Level level() {
    return level;
  }

  public boolean atSchool() {
    return level == Level.SCHOOL;
  }

  public boolean atDistrict() {
    return level == Level.DISTRICT;
  }
}
