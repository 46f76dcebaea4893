package th.qaflow.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import th.qaflow.kernel.Chunks;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;

/** SQL for the organisation tables (JdbcClient, plain SQL that runs on H2 and PostgreSQL). */
@Repository
public class OrganisationTables {

  private static final RowMapper<District> DISTRICT =
      (rs, i) ->
          new District(
              rs.getString("code"),
              rs.getString("name_th"),
              rs.getString("name_en"),
              rs.getString("kind"));

  private static final RowMapper<Cluster> CLUSTER =
      (rs, i) ->
          new Cluster(rs.getString("code"), rs.getString("district_code"), rs.getString("name_th"));

  private static final RowMapper<School> SCHOOL =
      (rs, i) ->
          new School(
              trim(rs.getString("code")),
              trim(rs.getString("smis_code")),
              rs.getString("name_th"),
              rs.getString("name_en"),
              rs.getString("district_code"),
              rs.getString("cluster_code"),
              rs.getBoolean("early_childhood"),
              rs.getBoolean("basic"));

  /**
   * People with the district of their school for school roles; clusters are filled in afterwards.
   */
  private static final String PERSON_SELECT =
      """
      select p.user_id, p.first_name, p.last_name, p.email, p.role, p.school_code, p.language,
             coalesce(s.district_code, p.district_code) as district_code
        from person p left join school s on s.code = p.school_code
      """;

  private final JdbcClient jdbc;

  public OrganisationTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- districts

  public List<District> districts() {
    return jdbc.sql("select * from district order by code").query(DISTRICT).list();
  }

  public Optional<District> district(String code) {
    return jdbc.sql("select * from district where code = :code")
        .param("code", code)
        .query(DISTRICT)
        .optional();
  }

  public void insertDistrict(District d) {
    jdbc.sql(
            "insert into district (code, name_th, name_en, kind) values (:code, :nameTh, :nameEn, :kind)")
        .paramSource(d)
        .update();
  }

  public void updateDistrict(District d) {
    jdbc.sql(
            "update district set name_th = :nameTh, name_en = :nameEn, kind = :kind where code = :code")
        .paramSource(d)
        .update();
  }

  // ---- clusters

  public List<Cluster> clusters(String districtCode) {
    return jdbc.sql("select * from cluster where district_code = :d order by code")
        .param("d", districtCode)
        .query(CLUSTER)
        .list();
  }

  public Optional<Cluster> cluster(String code) {
    return jdbc.sql("select * from cluster where code = :code")
        .param("code", code)
        .query(CLUSTER)
        .optional();
  }

  public void insertCluster(Cluster c) {
    jdbc.sql(
            "insert into cluster (code, district_code, name_th) values (:code, :districtCode, :nameTh)")
        .paramSource(c)
        .update();
  }

  public void updateCluster(Cluster c) {
    jdbc.sql(
            "update cluster set district_code = :districtCode, name_th = :nameTh where code = :code")
        .paramSource(c)
        .update();
  }

  // ---- schools

  public Optional<School> school(String code) {
    return jdbc.sql("select * from school where code = :code")
        .param("code", code)
        .query(SCHOOL)
        .optional();
  }

  public Optional<School> schoolBySmis(String smisCode) {
    return jdbc.sql("select * from school where smis_code = :smis")
        .param("smis", smisCode)
        .query(SCHOOL)
        .optional();
  }

  public List<School> schoolsOfDistrict(String districtCode) {
    return jdbc.sql("select * from school where district_code = :d order by code")
        .param("d", districtCode)
        .query(SCHOOL)
        .list();
  }

  public List<School> schoolsOfCluster(String clusterCode) {
    return jdbc.sql("select * from school where cluster_code = :c order by code")
        .param("c", clusterCode)
        .query(SCHOOL)
        .list();
  }

  public void insertSchool(School s) {
    jdbc.sql(
            """
        insert into school (code, smis_code, name_th, name_en, district_code, cluster_code, early_childhood, basic)
        values (:code, :smisCode, :nameTh, :nameEn, :districtCode, :clusterCode, :earlyChildhood, :basic)
        """)
        .paramSource(s)
        .update();
  }

  public void updateSchool(School s) {
    jdbc.sql(
            """
        update school set smis_code = :smisCode, name_th = :nameTh, name_en = :nameEn,
               district_code = :districtCode, cluster_code = :clusterCode,
               early_childhood = :earlyChildhood, basic = :basic
         where code = :code
        """)
        .paramSource(s)
        .update();
  }

  // ---- people

  public Optional<Person> person(String userId) {
    return withClusters(
            jdbc.sql(PERSON_SELECT + " where p.user_id = :id")
                .param("id", userId)
                .query(PersonRow.MAPPER)
                .list())
        .stream()
        .findFirst();
  }

  public List<Person> people() {
    return withClusters(
        jdbc.sql(PERSON_SELECT + " order by p.user_id").query(PersonRow.MAPPER).list());
  }

  public List<Person> peopleOfSchool(String schoolCode) {
    return withClusters(
        jdbc.sql(PERSON_SELECT + " where p.school_code = :s order by p.role, p.user_id")
            .param("s", schoolCode)
            .query(PersonRow.MAPPER)
            .list());
  }

  public List<Person> peopleOfDistrict(String districtCode) {
    return withClusters(
        jdbc.sql(
                PERSON_SELECT
                    + " where coalesce(s.district_code, p.district_code) = :d order by p.user_id")
            .param("d", districtCode)
            .query(PersonRow.MAPPER)
            .list());
  }

  public List<Person> supervisorsOfCluster(String clusterCode) {
    return withClusters(
        jdbc.sql(
                PERSON_SELECT
                    + " where p.user_id in (select sc.user_id from supervisor_cluster sc where sc.cluster_code = :c)"
                    + " order by p.user_id")
            .param("c", clusterCode)
            .query(PersonRow.MAPPER)
            .list());
  }

  /** The supervisors of any cluster of the district, by user id. */
  public List<Person> supervisorsOfDistrict(String districtCode) {
    return withClusters(
        jdbc.sql(
                PERSON_SELECT
                    + " where p.user_id in (select sc.user_id from supervisor_cluster sc"
                    + " join cluster c on c.code = sc.cluster_code where c.district_code = :d)"
                    + " order by p.user_id")
            .param("d", districtCode)
            .query(PersonRow.MAPPER)
            .list());
  }

  /**
   * Every e-mail in use, in lower case, with the user ids using it (in user id order): one read for
   * a whole file instead of one per row.
   */
  public Map<String, List<String>> userIdsByEmail() {
    Map<String, List<String>> result = new HashMap<>();
    jdbc.sql("select user_id, email from person order by user_id")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  result
                      .computeIfAbsent(
                          rs.getString("email").toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                      .add(rs.getString("user_id"));
                });
    return result;
  }

  /** The people with these user ids (those that exist), read in chunks of 1,000 ids. */
  public Map<String, Person> people(Collection<String> userIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
    Map<String, Person> result = new HashMap<>();
    for (List<String> chunk : Chunks.of(ids)) {
      withClusters(
              jdbc.sql(PERSON_SELECT + " where p.user_id in (:ids)")
                  .param("ids", chunk)
                  .query(PersonRow.MAPPER)
                  .list())
          .forEach(p -> result.put(p.userId(), p));
    }
    return result;
  }

  public void insertPerson(Person p) {
    jdbc.sql(
            """
        insert into person (user_id, first_name, last_name, email, role, district_code, school_code, language)
        values (:userId, :firstName, :lastName, :email, :role, :districtCode, :schoolCode, :language)
        """)
        .params(personParams(p))
        .update();
    // a new person has no clusters yet: nothing to read or delete
    insertClusters(p.userId(), p.clusterCodes());
  }

  /** Updates everything but the language, which is the person's own setting. */
  public void updatePerson(Person p) {
    jdbc.sql(
            """
        update person set first_name = :firstName, last_name = :lastName, email = :email, role = :role,
               district_code = :districtCode, school_code = :schoolCode
         where user_id = :userId
        """)
        .params(personParams(p))
        .update();
    setClusters(p.userId(), p.clusterCodes());
  }

  private void setClusters(String userId, List<String> clusterCodes) {
    List<String> current =
        jdbc.sql("select cluster_code from supervisor_cluster where user_id = :u")
            .param("u", userId)
            .query(String.class)
            .list();
    if (current.size() == clusterCodes.size() && current.containsAll(clusterCodes)) {
      return;
    }
    jdbc.sql("delete from supervisor_cluster where user_id = :u").param("u", userId).update();
    insertClusters(userId, clusterCodes);
  }

  private void insertClusters(String userId, List<String> clusterCodes) {
    for (String c : clusterCodes) {
      jdbc.sql("insert into supervisor_cluster (user_id, cluster_code) values (:u, :c)")
          .param("u", userId)
          .param("c", c)
          .update();
    }
  }

  private static Map<String, Object> personParams(Person p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("userId", p.userId());
    m.put("firstName", p.firstName());
    m.put("lastName", p.lastName());
    m.put("email", p.email());
    m.put("role", p.role().name());
    m.put("districtCode", p.districtCode());
    m.put("schoolCode", p.schoolCode());
    m.put("language", p.language() == null ? "th" : p.language());
    return m;
  }

  private List<Person> withClusters(List<PersonRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> clusters = new LinkedHashMap<>();
    List<String> supervisorIds =
        rows.stream().filter(r -> r.role == Role.SUPERVISOR).map(r -> r.userId).toList();
    if (!supervisorIds.isEmpty()) {
      jdbc.sql(
              "select user_id, cluster_code from supervisor_cluster where user_id in (:ids) order by cluster_code")
          .param("ids", supervisorIds)
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> {
                    clusters
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2));
                  });
    }
    return rows.stream().map(r -> r.toPerson(clusters.getOrDefault(r.userId, List.of()))).toList();
  }

  private record PersonRow(
      String userId,
      String firstName,
      String lastName,
      String email,
      Role role,
      String districtCode,
      String schoolCode,
      String language) {

    static final RowMapper<PersonRow> MAPPER = PersonRow::map;

    static PersonRow map(ResultSet rs, int i) throws SQLException {
      return new PersonRow(
          rs.getString("user_id"),
          rs.getString("first_name"),
          rs.getString("last_name"),
          rs.getString("email"),
          Role.valueOf(rs.getString("role")),
          rs.getString("district_code"),
          trim(rs.getString("school_code")),
          rs.getString("language"));
    }

    Person toPerson(List<String> clusterCodes) {
      return new Person(
          userId,
          firstName,
          lastName,
          email,
          role,
          districtCode,
          schoolCode,
          List.copyOf(clusterCodes),
          language);
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
