/**
 * Help for schools below the standard (seed 001 L569, L621): a school on the synthesis'
 * below-target list gets a working team, an assistance plan approved by the supervision director,
 * follow-up visits, and its result is checked at its next self-check; a school still below its
 * targets goes through another round (SchoolAssistance).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "cycle",
      "kernel",
      "organisation",
      "security",
      "synthesis",
      "tasklist",
      "web"
    })
package th.qaflow.assistance;
