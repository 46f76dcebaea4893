package th.qaflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import th.qaflow.organisation.OrganisationImport;

/**
 * Part of {@link ProcessTest}: the engine for the BPMN assertions, and the demo people and groups.
 */
final class ProcessTestSetup implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    BpmnAwareTests.init(spring.getBean(ProcessEngine.class));
    spring.getBean(OrganisationImport.class).importDemo();
  }
}
