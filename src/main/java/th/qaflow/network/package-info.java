/**
 * The district supervision unit's supervision network development (SupervisionNetwork, issue 14 §5,
 * seed 003 L105-156): data and needs, the plan of networks (people, communities, levels, paired and
 * sister schools, classrooms) approved by the supervision director, the seminar, the development in
 * each semester, the evaluation with its "as intended?" loop, the network guidelines and the
 * published report.
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
package th.qaflow.network;
