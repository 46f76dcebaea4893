/**
 * Reminders and escalations by mail: the transactional outbox and its sender, digests, preferences
 * and calendar feeds.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"calendar", "district", "kernel", "organisation", "security", "web"})
package th.qaflow.notification;
