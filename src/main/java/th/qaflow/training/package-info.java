/**
 * Training events of the district (issue 15 §3b; seed 001 L147 and L336: build the knowledge of
 * internal QA among the district's and schools' staff): a supervisor or the QA officer plans an
 * event for target schools and roles, the supervision director approves it (or returns it), the
 * targeted people are invited and register, the organiser records attendance, the attendees
 * evaluate the event and the organiser reports on it (TrainingEvent).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"calendar", "kernel", "organisation", "security", "web"})
package th.qaflow.training;
