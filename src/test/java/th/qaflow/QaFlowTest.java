package th.qaflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on an in-memory H2 database, without the demo loader and with the job
 * executor off, so tests fire timers themselves under a controlled engine clock. Test classes share
 * this one context; each works on its own schools and academic years so they do not meet. Stored
 * passwords use BCrypt's lowest cost here: tests import the demo organisation and sign in hundreds
 * of times (the production cost is measured in PasswordHashingTest and used by the demo contexts).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-test;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=false",
      "camunda.bpm.job-execution.enabled=false",
      "qaflow.security.password-cost=4"
    })
@AutoConfigureMockMvc
public @interface QaFlowTest {}
