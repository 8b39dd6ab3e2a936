package io.gxpflow.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The groups of the public contract (README, Demo users), each with its demo user (password = user
 * id in the demo profile), plus {@code systems} for the technical clients that post events.
 * Candidate groups in the models, authorizations and Tasklist filters all refer to these ids.
 */
public enum GxpGroup {
  CONTENT_AUTHORS("content-authors", "Content authors", "alice", "Alice", "Author", true),
  MLR_COORDINATORS("mlr-coordinators", "MLR coordinators", "carl", "Carl", "Coordinator", true),
  MLR_MEDICAL("mlr-medical", "MLR medical reviewers", "mark", "Mark", "Medic", true),
  MLR_LEGAL("mlr-legal", "MLR legal reviewers", "lena", "Lena", "Lawyer", true),
  MLR_REGULATORY("mlr-regulatory", "MLR regulatory reviewers", "rita", "Rita", "Regulatory", true),
  PRODUCTION("production", "Production", "paul", "Paul", "Production", true),
  INVESTIGATORS("investigators", "Investigators", "ivan", "Ivan", "Investigator", true),
  QA("qa", "Quality assurance", "quinn", "Quinn", "Quality", true),
  QP("qp", "Qualified persons", "petra", "Petra", "Qualified-Person", true),
  PROCESS_OWNERS("process-owners", "Process owners", "olivia", "Olivia", "Owner", false),
  OPS("ops", "Operations", "oscar", "Oscar", "Operator", false),
  CAMUNDA_ADMIN("camunda-admin", "Camunda administrators", "admin", "Ada", "Admin", false),
  /**
   * Not a group of people: the technical clients (MES and QMS bridges) that post events to
   * /api/events. Never a candidate group of a user task.
   */
  SYSTEMS("systems", "Technical clients (MES/QMS bridges)", "mes-bridge", "MES", "Bridge", false);

  private final String id;
  private final String displayName;
  private final String demoUserId;
  private final String demoFirstName;
  private final String demoLastName;
  private final boolean doesTaskWork;

  GxpGroup(
      String id,
      String displayName,
      String demoUserId,
      String demoFirstName,
      String demoLastName,
      boolean doesTaskWork) {
    this.id = id;
    this.displayName = displayName;
    this.demoUserId = demoUserId;
    this.demoFirstName = demoFirstName;
    this.demoLastName = demoLastName;
    this.doesTaskWork = doesTaskWork;
  }

  public String id() {
    return id;
  }

  /** The Spring Security authority a member of this group holds ({@code GROUP_qa}). */
  public String authority() {
    return EngineIdentityAuthenticationProvider.GROUP_PREFIX + id;
  }

  public String displayName() {
    return displayName;
  }

  public String demoUserId() {
    return demoUserId;
  }

  public String demoFirstName() {
    return demoFirstName;
  }

  public String demoLastName() {
    return demoLastName;
  }

  /**
   * Authors and reviewers work tasks in Tasklist; process owners, ops and admins do not
   * (segregation).
   */
  public boolean doesTaskWork() {
    return doesTaskWork;
  }

  /** A group of people who may be candidates of user tasks (all but {@link #SYSTEMS}). */
  public boolean isPeople() {
    return this != SYSTEMS;
  }

  public static Optional<GxpGroup> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }
}
