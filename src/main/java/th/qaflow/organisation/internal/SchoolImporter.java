package th.qaflow.organisation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;

/**
 * {@code
 * code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic}.
 * Clusters are created (or renamed) from the rows; a cluster that does not exist yet needs its name
 * on at least one row.
 */
@Component
class SchoolImporter implements RowImporter {

  private final OrganisationTables tables;
  private final IdentitySync identitySync;

  SchoolImporter(OrganisationTables tables, IdentitySync identitySync) {
    this.tables = tables;
    this.identitySync = identitySync;
  }

  @Override
  public ImportKind kind() {
    return ImportKind.SCHOOLS;
  }

  /** A cluster as the file describes it. */
  private static final class ClusterInFile {
    final String districtCode;
    String nameTh;
    final List<Long> rows = new ArrayList<>();

    ClusterInFile(String districtCode) {
      this.districtCode = districtCode;
    }
  }

  @Override
  public Writes validate(List<CsvTable.Row> rows, Person actor, ImportErrors errors) {
    String scope = RowChecker.scopeOf(actor);
    Map<String, Long> seenCodes = new HashMap<>();
    Map<String, Long> seenSmis = new HashMap<>();
    Map<String, Optional<District>> districts = new HashMap<>();
    Map<String, ClusterInFile> clusters = new LinkedHashMap<>();
    List<School> schools = new ArrayList<>();

    for (CsvTable.Row row : rows) {
      int before = errors.count();
      RowChecker c = new RowChecker(errors, row);

      String code =
          c.matching(
              "code", c.required("code", 1000), RowChecker.SCHOOL_CODE, "malformedSchoolCode");
      Optional<School> existing = Optional.empty();
      if (code != null) {
        Long first = seenCodes.putIfAbsent(code, row.number());
        if (first != null) {
          c.error("code", "duplicateKey", code, first);
        }
        existing = tables.school(code);
        if (scope != null && existing.isPresent() && !scope.equals(existing.get().districtCode())) {
          c.error("code", "outsideDistrict", code, scope);
        }
      }

      String smis =
          c.matching(
              "smis_code",
              c.required("smis_code", 1000),
              RowChecker.SMIS_CODE,
              "malformedSmisCode");
      if (smis != null) {
        Long first = seenSmis.putIfAbsent(smis, row.number());
        if (first != null) {
          c.error("smis_code", "duplicateKey", smis, first);
        } else {
          Optional<School> holder = tables.schoolBySmis(smis);
          if (holder.isPresent() && !holder.get().code().equals(code)) {
            c.error("smis_code", "smisTaken", smis, holder.get().code());
          }
        }
      }

      String nameTh = c.required("name_th", 200);
      String nameEn = c.optional("name_en", 200);

      String districtCode = c.required("district_code", 1000);
      if (districtCode != null) {
        if (districts.computeIfAbsent(districtCode, tables::district).isEmpty()) {
          c.error("district_code", "unknownDistrict", districtCode);
          districtCode = null;
        } else if (scope != null && !scope.equals(districtCode)) {
          c.error("district_code", "outsideDistrict", districtCode, scope);
        }
      }

      String clusterCode =
          c.matching(
              "cluster_code",
              c.optional("cluster_code", 1000),
              RowChecker.CLUSTER_CODE,
              "malformedCode");
      String clusterName = c.optional("cluster_name_th", 200);
      if (clusterCode == null && clusterName != null && row.optional("cluster_code") == null) {
        c.error("cluster_code", "required", "cluster_code");
      }
      if (clusterCode != null && districtCode != null) {
        Optional<Cluster> stored = tables.cluster(clusterCode);
        ClusterInFile inFile = clusters.get(clusterCode);
        if (stored.isPresent() && !stored.get().districtCode().equals(districtCode)) {
          c.error("cluster_code", "clusterOtherDistrict", clusterCode, stored.get().districtCode());
        } else if (inFile != null && !inFile.districtCode.equals(districtCode)) {
          c.error("cluster_code", "clusterOtherDistrict", clusterCode, inFile.districtCode);
        } else if (inFile != null
            && clusterName != null
            && inFile.nameTh != null
            && !inFile.nameTh.equals(clusterName)) {
          c.error("cluster_name_th", "clusterConflict", clusterCode, inFile.rows.get(0));
        } else {
          if (inFile == null) {
            inFile = new ClusterInFile(districtCode);
            clusters.put(clusterCode, inFile);
          }
          if (inFile.nameTh == null) {
            inFile.nameTh = clusterName;
          }
          inFile.rows.add(row.number());
        }
      }

      Boolean early = c.bool("early_childhood");
      Boolean basic = c.bool("basic");
      if (Boolean.FALSE.equals(early) && Boolean.FALSE.equals(basic)) {
        c.error("basic", "noLevel");
      }

      if (errors.count() == before) {
        schools.add(
            new School(code, smis, nameTh, nameEn, districtCode, clusterCode, early, basic));
      }
    }

    // A cluster new to QA Flow needs a name somewhere in the file; otherwise the code is unknown.
    for (Map.Entry<String, ClusterInFile> e : clusters.entrySet()) {
      if (e.getValue().nameTh == null && tables.cluster(e.getKey()).isEmpty()) {
        for (Long rowNumber : e.getValue().rows) {
          errors.add(rowNumber, "cluster_code", "unknownCluster", e.getKey());
        }
      }
    }

    return () -> {
      for (Map.Entry<String, ClusterInFile> e : clusters.entrySet()) {
        Optional<Cluster> stored = tables.cluster(e.getKey());
        Cluster cluster;
        if (stored.isEmpty()) {
          cluster = new Cluster(e.getKey(), e.getValue().districtCode, e.getValue().nameTh);
          tables.insertCluster(cluster);
        } else if (e.getValue().nameTh != null
            && !e.getValue().nameTh.equals(stored.get().nameTh())) {
          cluster = new Cluster(e.getKey(), stored.get().districtCode(), e.getValue().nameTh);
          tables.updateCluster(cluster);
        } else {
          cluster = stored.get();
        }
        identitySync.syncClusterGroup(cluster);
      }
      Counts counts = new Counts();
      for (School s : schools) {
        Optional<School> stored = tables.school(s.code());
        boolean changed = stored.isPresent() && !Objects.equals(stored.get(), s);
        if (stored.isEmpty()) {
          tables.insertSchool(s);
        } else if (changed) {
          tables.updateSchool(s);
        }
        counts.count(stored.isEmpty(), changed);
        identitySync.syncSchoolGroups(s);
      }
      return counts;
    };
  }
}
