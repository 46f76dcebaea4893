package th.qaflow.organisation;

/** An Educational Service Area Office (สพป. primary or สพม. secondary). */
public record District(String code, String nameTh, String nameEn, String kind) {}
