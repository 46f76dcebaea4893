/**
 * The help desk instead of the LINE group (issue 15 §3a; seed 000 L155-157, 001 L565): schools ask
 * questions about the standards, the SAR, ONESQA or the system; the cluster's supervisors answer in
 * the question's thread (SchoolQuestion, reminded and escalated like every task); a good answer
 * becomes an entry of the district's FAQ that every school of the district reads and searches.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"kernel", "organisation", "security", "web", "documents", "calendar"})
package th.qaflow.helpdesk;
