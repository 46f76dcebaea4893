package th.qaflow.organisation;

/** A school cluster (กลุ่มโรงเรียน / สหวิทยาเขต) of a district, looked after by its supervisors. */
public record Cluster(String code, String districtCode, String nameTh) {}
