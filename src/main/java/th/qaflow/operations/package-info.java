/**
 * What operators watch: the engine's figures for Spring Boot Actuator (open incidents, failed and
 * due jobs, running processes, open tasks as Prometheus gauges; the engine's library and schema
 * versions in /actuator/info). The endpoints themselves are configured in application.yml and open
 * to operators only (security module).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package th.qaflow.operations;
