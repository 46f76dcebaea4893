/**
 * The participants' tasklist: my tasks and my groups' tasks, claim, complete with a form, comments
 * and history.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "cycle",
      "documents",
      "forms",
      "kernel",
      "organisation",
      "security",
      "web"
    })
package th.qaflow.tasklist;
