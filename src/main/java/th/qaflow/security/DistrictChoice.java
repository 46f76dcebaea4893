package th.qaflow.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import th.qaflow.organisation.District;

/**
 * The districts a district page offers its user and the one it shows: the requested district when
 * the user may see it, or, without a request, the user's own (else the first they may see). A
 * request for a district the user may not see is {@link #refused()}: the page answers 403, it does
 * not quietly show another district.
 *
 * @param visible every district the user may see, in the directory's order
 * @param shown the district shown; null when the user sees none or the request is refused
 * @param refused true when a district was requested that the user may not see
 */
public record DistrictChoice(List<District> visible, District shown, boolean refused) {

  public static DistrictChoice of(
      List<District> all, Predicate<String> maySee, String requested, String ownCode) {
    List<District> visible = all.stream().filter(d -> maySee.test(d.code())).toList();
    if (requested != null) {
      Optional<District> asked = find(visible, requested);
      return new DistrictChoice(visible, asked.orElse(null), asked.isEmpty());
    }
    District shown = find(visible, ownCode).orElse(visible.isEmpty() ? null : visible.get(0));
    return new DistrictChoice(visible, shown, false);
  }

  /** For the user's own read rule ({@link QaUser#canSeeDistrict}). */
  public static DistrictChoice of(List<District> all, QaUser user, String requested) {
    return of(all, user::canSeeDistrict, requested, user.districtCode());
  }

  private static Optional<District> find(List<District> districts, String code) {
    return code == null
        ? Optional.empty()
        : districts.stream().filter(d -> d.code().equals(code)).findFirst();
  }
}
