/**
 * The district calendar: each district's dates per stage and academic year, the rules a calendar
 * keeps, and moving a deadline (open tasks and timers follow).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"kernel", "organisation", "security"})
package th.qaflow.calendar;
