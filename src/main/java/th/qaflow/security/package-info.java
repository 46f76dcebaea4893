/** Sign-in, roles, and the scope rules: which school or district a user may see and act on. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation"})
package th.qaflow.security;
