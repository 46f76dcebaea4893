/**
 * The education standards frameworks (school standards by education level, ONESQA's) and their
 * levels.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation"})
package th.qaflow.standards;
