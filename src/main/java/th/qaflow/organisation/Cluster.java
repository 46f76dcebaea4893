package th.qaflow.organisation;

/** A school cluster (กลุ่มโรงเรียน / สหวิทยาเขต) of a district, looked after by its supervisors. */
public record Cluster(String code, String districtCode, String nameTh) {
  /** 002 L809: a school group has 7 to 15 schools; outside that the import warns, never blocks. */
  public static final int MIN_SCHOOLS = 7;

  public static final int MAX_SCHOOLS = 15;

  public static boolean sizeOk(int schools) {
    return schools >= MIN_SCHOOLS && schools <= MAX_SCHOOLS;
  }
}
