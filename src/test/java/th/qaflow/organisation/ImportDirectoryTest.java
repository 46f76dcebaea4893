package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new installation imports its organisation and first administrator from a folder of CSV files.
 */
@OrganisationTest
class ImportDirectoryTest {
  @Autowired OrganisationImport imports;
  @Autowired OrganisationDirectory directory;
  @Autowired IdentityService identity;

  @Test
  void importsTheFilesPresentAndTheFirstAdministratorCanSignIn(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("districts.csv"),
        "code,name_th,name_en,kind\n2901,สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดลอง,Test SESAO,SECONDARY\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("people.csv"),
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password\n"
            + "ops2901,สมศรี,ดูแลดี,ops2901@qaflow.example,ADMIN,,,,s3cret-start\n",
        StandardCharsets.UTF_8);

    assertThat(imports.importDirectory(dir)).hasSize(2);
    assertThat(directory.district("2901")).isPresent();
    assertThat(identity.checkPassword("ops2901", "s3cret-start")).isTrue();
    assertThat(imports.importDirectory(dir)).allSatisfy(r -> assertThat(r.created()).isZero());
  }

  @Test
  void aBadFileImportsNothing(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("districts.csv"),
        "code,name_th,name_en,kind\n2902,เขตดี,Good,PRIMARY\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("schools.csv"),
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n"
            + "12345,29020001,โรงเรียนรหัสสั้น,,2902,,,true,true\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> imports.importDirectory(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schools.csv");
    assertThat(directory.district("2902")).isEmpty();
  }
}
