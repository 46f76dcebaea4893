package th.qaflow.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * Camunda's webapps (Cockpit, Admin, Tasklist, Welcome) and its REST API find their engine and
 * runtime in statics: the engine registry, and one runtime delegate per app, set when a servlet
 * context starts and set to null when one stops (the apps' container bootstraps). One application
 * per JVM never notices; the test JVM holds several web contexts, and when another one stopped
 * (e.g. a {@code @DirtiesContext} test's), Cockpit answered 500 in the contexts still running, or
 * served the other context's engine from the delegate's cache. Tests that call the webapps over
 * HTTP point the statics at their own context first.
 */
public final class CamundaWebappStatics {
  private CamundaWebappStatics() {}

  public static void pointAt(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
    Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
  }
}
