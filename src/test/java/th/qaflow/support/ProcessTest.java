package th.qaflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import th.qaflow.QaFlowTest;

/**
 * A test of the processes on the real engine, in the shared {@link QaFlowTest} context. Before each
 * test: the engine clock at real time ({@link EngineTestClock}, put back after the test too), the
 * engine the BPMN assertions read, and the demo organisation imported, i.e. its people and groups
 * in Camunda's identity service (idempotent). The processes are those the application deploys from
 * {@code bpmn/}. A test moves the clock with {@link EngineTestClock#at} in its own
 * {@code @BeforeEach}, which runs after this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QaFlowTest
@ExtendWith(EngineTestClock.class)
@ExtendWith(ProcessTestSetup.class)
public @interface ProcessTest {}
