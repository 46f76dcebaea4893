package th.qaflow.organisation;

/**
 * A school, identified by its 10-digit school code, with the 8-digit SMIS code as alternate key.
 */
public record School(
    String code,
    String smisCode,
    String nameTh,
    String nameEn,
    String districtCode,
    String clusterCode,
    boolean earlyChildhood,
    boolean basic) {}
