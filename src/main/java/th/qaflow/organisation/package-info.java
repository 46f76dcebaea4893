/**
 * Districts, clusters, schools, people and their roles; CSV import; Camunda's users and groups kept
 * in step.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel"})
package th.qaflow.organisation;
