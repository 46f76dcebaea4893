package th.qaflow.organisation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.District;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.Person;

/** {@code code,name_th,name_en,kind}; administrators only (checked by the caller). */
@Component
class DistrictImporter implements RowImporter {

  private final OrganisationTables tables;
  private final IdentitySync identitySync;

  DistrictImporter(OrganisationTables tables, IdentitySync identitySync) {
    this.tables = tables;
    this.identitySync = identitySync;
  }

  @Override
  public ImportKind kind() {
    return ImportKind.DISTRICTS;
  }

  @Override
  public Writes validate(List<CsvTable.Row> rows, Person actor, ImportErrors errors) {
    Map<String, Long> seen = new HashMap<>();
    List<District> districts = new ArrayList<>();
    for (CsvTable.Row row : rows) {
      int before = errors.count();
      RowChecker c = new RowChecker(errors, row);
      String code =
          c.matching("code", c.required("code", 1000), RowChecker.DISTRICT_CODE, "malformedCode");
      if (code != null) {
        Long first = seen.putIfAbsent(code, row.number());
        if (first != null) {
          c.error("code", "duplicateKey", code, first);
        }
      }
      String nameTh = c.required("name_th", 200);
      String nameEn = c.optional("name_en", 200);
      String kind = c.required("kind", 1000);
      if (kind != null) {
        kind = kind.toUpperCase(Locale.ROOT);
        if (!kind.equals("PRIMARY") && !kind.equals("SECONDARY")) {
          c.error("kind", "badKind", row.get("kind"));
        }
      }
      if (errors.count() == before) {
        districts.add(new District(code, nameTh, nameEn, kind));
      }
    }
    return () -> {
      Counts counts = new Counts();
      for (District d : districts) {
        Optional<District> existing = tables.district(d.code());
        if (existing.isEmpty()) {
          tables.insertDistrict(d);
        } else if (!existing.get().equals(d)) {
          tables.updateDistrict(d);
        }
        counts.count(existing.isEmpty(), existing.isPresent() && !existing.get().equals(d));
        identitySync.syncDistrictGroups(d);
      }
      return counts;
    };
  }
}
