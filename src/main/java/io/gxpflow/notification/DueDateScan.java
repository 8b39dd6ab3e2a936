package io.gxpflow.notification;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.RunAsSystem;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Finds open tasks whose due date is near ({@code due-soon}) or passed and queues one notification
 * per task, kind, due date and recipient: a scan every minute sends each mail once, and a new due
 * date (an approved extension) is announced anew. Recipients: the assignee; for a task nobody has
 * claimed, the users of its candidate groups and its candidate users.
 */
@Component
public class DueDateScan {

  /** Tasks per scan; the ones due first come first, the rest in the next scan. */
  static final int MAX_TASKS = 500;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final RunAsSystem asSystem;
  private final NotificationOutbox outbox;
  private final NotificationProperties properties;

  public DueDateScan(
      TaskService tasks,
      RuntimeService runtime,
      IdentityService identity,
      RunAsSystem asSystem,
      NotificationOutbox outbox,
      NotificationProperties properties) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.asSystem = asSystem;
    this.outbox = outbox;
    this.properties = properties;
  }

  /** One scan; the number of notifications queued. */
  public int scan() {
    Date now = EngineContext.now();
    Date horizon = new Date(now.getTime() + properties.dueSoon().toMillis());
    List<TaskNotice> notices = asSystem.call(() -> notices(now, horizon));
    int queued = 0;
    for (TaskNotice notice : notices) {
      String onceKey =
          notice.kind()
              + ":"
              + notice.taskId()
              + ":"
              + notice.dueDate().getTime()
              + ":"
              + notice.recipient();
      if (outbox.addOnce(notice, now, onceKey)) {
        queued++;
      }
    }
    return queued;
  }

  private List<TaskNotice> notices(Date now, Date horizon) {
    List<TaskNotice> notices = new ArrayList<>();
    for (Task task :
        tasks
            .createTaskQuery()
            .active()
            .dueBefore(horizon)
            .orderByDueDate()
            .asc()
            .listPage(0, MAX_TASKS)) {
      NotificationKind kind =
          task.getDueDate().before(now) ? NotificationKind.OVERDUE : NotificationKind.DUE_SOON;
      String businessKey = businessKey(task);
      for (String recipient : recipients(task)) {
        notices.add(
            new TaskNotice(
                kind,
                recipient,
                task.getId(),
                task.getName(),
                businessKey,
                task.getProcessInstanceId(),
                task.getDueDate()));
      }
    }
    return notices;
  }

  private Set<String> recipients(Task task) {
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return users;
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      } else if (link.getGroupId() != null) {
        identity.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
            .map(User::getId)
            .forEach(users::add);
      }
    }
    return users;
  }

  private String businessKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }
}
