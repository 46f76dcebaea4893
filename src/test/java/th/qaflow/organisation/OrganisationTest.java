package th.qaflow.organisation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.QaFlowApplication;

/**
 * The whole application against a private in-memory H2 database. All organisation tests share this one
 * context (same annotation, same cache key), so each test works in its own fictional district.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = QaFlowApplication.class,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:org-${random.uuid};DB_CLOSE_DELAY=-1",
        "qaflow.demo.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
        // no default task filter (an empty camunda.bpm.filter.create makes the starter fail)
        "camunda.bpm.filter.create=false"
    })
@AutoConfigureMockMvc
public @interface OrganisationTest {}
