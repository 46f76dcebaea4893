/**
 * Camunda Forms (form-js JSON in forms/): loading, rendering with Thymeleaf, and validating
 * submissions on the server.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel"})
package th.qaflow.forms;
