package io.gxpflow.deviation;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.identity.DisplayName;
import io.gxpflow.identity.GxpGroup;
import io.gxpflow.identity.GxpProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationCapaOwnerOptions}}, when the CAPA plan task is created: the people who may own
 * a CAPA action, as the task-local variable {@code capaOwnerOptions} ({@code [{label: "Paul
 * Production", value: "paul"}]}, sorted by name). The plan form's owner fields are selects over it
 * ({@code valuesKey}), and the server accepts exactly these user ids (TaskInputValidator reads the
 * same variable). Owners are the members of the groups that work in deviation-capa ({@link
 * GxpProcess#DEVIATION_CAPA}: production, investigators, QA), as an action may be retraining on the
 * line as well as an SOP change; the list is taken when the task is created, so a plan round works
 * with the people of its time.
 */
@Component("deviationCapaOwnerOptions")
public class CapaOwnerOptions implements TaskListener {

  static final String VARIABLE = "capaOwnerOptions";

  private final RunAsSystem asSystem;

  public CapaOwnerOptions(RunAsSystem asSystem) {
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    // as the system: a participant may read only their own user (OwnUserReadOnly)
    task.setVariableLocal(VARIABLE, asSystem.call(() -> options(identity)));
  }

  static List<Map<String, Object>> options(IdentityService identity) {
    Map<String, User> people = new TreeMap<>();
    GxpProcess.DEVIATION_CAPA.participants().stream()
        .map(GxpGroup::id)
        .sorted()
        .forEach(
            group ->
                identity
                    .createUserQuery()
                    .memberOfGroup(group)
                    .list()
                    .forEach(user -> people.putIfAbsent(user.getId(), user)));
    List<Map<String, Object>> options = new ArrayList<>();
    people.values().stream()
        .sorted(Comparator.comparing(CapaOwnerOptions::label).thenComparing(User::getId))
        .forEach(
            user -> {
              Map<String, Object> option = new LinkedHashMap<>();
              option.put("label", label(user));
              option.put("value", user.getId());
              options.add(option);
            });
    return options;
  }

  private static String label(User user) {
    return DisplayName.of(user.getFirstName(), user.getLastName(), user.getId());
  }
}
