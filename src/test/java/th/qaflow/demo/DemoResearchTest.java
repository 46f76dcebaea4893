package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.research.ResearchProcess;
import th.qaflow.research.ResearchProjects;
import th.qaflow.research.ResearchProjects.Kind;
import th.qaflow.research.ResearchProjects.Project;
import th.qaflow.research.ResearchProjects.Round;
import th.qaflow.research.SchoolResearchProcess;
import th.qaflow.research.SchoolResearchRegister;
import th.qaflow.research.SchoolResearchRegister.SchoolProject;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * The demo's R2R project loads through real form validation: the year (here 2915, as 2569 in the
 * demo) has its proposal approved after one return, a first round whose model did not work and was
 * revised, and the second round's data collection open; the project page shows it. Two school
 * projects: a joint one of schools 1 and 2 with its tools approved, and school 3's whose tools the
 * adviser sent back once.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoResearchTest {
  @Autowired DemoResearch demo;
  @Autowired ResearchProjects projects;
  @Autowired SchoolResearchRegister schools;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired MockMvc mvc;
  @Autowired java.util.List<th.qaflow.committee.AgendaSource> agendaSources;

  @Test
  void theYearsProjectIsHalfWayInTheModelLoop() throws Exception {
    organisation.importDemo();
    int year = 2915;
    EngineTestClock.at(year - 543, 12, 3, 10, 0);
    demo.load(year);
    demo.load(year); // loads once

    Project project =
        projects.projects("1099").stream()
            .filter(p -> p.academicYear() == year)
            .findFirst()
            .orElseThrow();
    assertThat(projects.projects("1099").stream().filter(p -> p.academicYear() == year)).hasSize(1);
    assertThat(project.kind()).isEqualTo(Kind.R2R);
    assertThat(project.revisions()).isEqualTo(1);
    assertThat(project.synthesisedProjects()).isEqualTo(2);
    assertThat(project.approvedAt()).isNotNull();
    assertThat(projects.rounds(project.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.effective()).isFalse();
              assertThat(r.revision()).contains("โค้ช");
            });
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(project.processInstanceId())
                .taskDefinitionKey(ResearchProcess.TASK_COLLECT_DATA)
                .count())
        .isEqualTo(1);
    assertThat(
            TaskPages.page(
                mvc, "/research/projects/" + project.id(), WebSessions.login(mvc, "supdirector")))
        .contains(DemoResearch.TITLE)
        .contains("data-round=\"1\"")
        .contains("เพิ่มการโค้ชรายสัปดาห์");
    assertThat(projects.rounds(project.id())).extracting(Round::round).containsExactly(1);

    // the schools' register: a joint project with its tools approved, one sent back once
    demo.loadSchools(year);
    demo.loadSchools(year); // loads once
    var ofYear = schools.ofDistrict("1099").stream().filter(p -> p.academicYear() == year).toList();
    assertThat(ofYear).hasSize(2);
    SchoolProject joint =
        ofYear.stream().filter(p -> p.title().equals(DemoResearch.JOINT_TITLE)).findFirst().get();
    assertThat(joint.partners()).containsExactly("1099010002");
    assertThat(joint.toolsApprovedAt()).isNotNull();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(joint.processInstanceId())
                .taskDefinitionKey(SchoolResearchProcess.TASK_RECORD_DATA)
                .count())
        .isEqualTo(1);
    SchoolProject returned =
        ofYear.stream().filter(p -> p.title().equals(DemoResearch.TOOLS_TITLE)).findFirst().get();
    assertThat(returned.toolsReturns()).isEqualTo(1);
    assertThat(returned.toolsApprovedAt()).isNull();
    // ก.ต.ป.น. is proposed the project's progress and the schools' register
    assertThat(
            agendaSources.stream()
                .flatMap(source -> source.suggestions("1099", year).stream())
                .filter(item -> item.source().equals("RESEARCH"))
                .map(item -> item.title()))
        .contains(
            "รับทราบความก้าวหน้าโครงการวิจัย เรื่อง " + DemoResearch.TITLE,
            "รับทราบทะเบียนงานวิจัยของสถานศึกษา ปีการศึกษา " + year);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(returned.processInstanceId())
                .taskDefinitionKey(SchoolResearchProcess.TASK_CHECK_TOOLS)
                .count())
        .isEqualTo(1);
  }
}
