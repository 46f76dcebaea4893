/**
 * The classroom-level QA pilot (ClassroomQaPilot, issue 15 §2, seed 000 L349-399): one per district
 * and academic year. The district chooses the pilot (model) school and its network schools,
 * promotes PLC and Lesson Study with the Co-5 steps, the school's teacher team runs lesson-study
 * cycles (plan, teach and observe, reflect, revise) as long as it needs, the district supervises
 * the model school and its network, coordinates the regional IQA team's readiness assessment (not
 * ready: improve and assess again), announces the model school and spreads its process and results
 * to every school of the district.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "calendar",
      "committee",
      "kernel",
      "organisation",
      "security",
      "tasklist",
      "web"
    })
package th.qaflow.classroomqa;
