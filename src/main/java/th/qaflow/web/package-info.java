/** Shared web infrastructure: layout, language switch, Buddhist-Era dates, error pages. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN,
    allowedDependencies = {"kernel"})
package th.qaflow.web;
