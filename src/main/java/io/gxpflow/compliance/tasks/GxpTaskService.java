package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.Sha256;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.sod.SegregationOfDuties;
import io.gxpflow.compliance.validation.FieldViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's TaskService with the compliance checks in front of every way to complete a task or
 * set its variables. Installed into the engine by {@code ComplianceEnginePlugin}, so {@code
 * /engine-rest}, Tasklist and Java callers all go through it. Also: a task is handed back by
 * whoever holds it and handed on only within its group; comments and attachments are by the people
 * who may work the task, audited, and never deleted or changed (docs/security/working-tasks.md).
 */
public class GxpTaskService extends TaskServiceImpl implements SignedCompletion {

  /** The largest attachment kept (the engine holds it in memory and in one database row). */
  public static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

  private final TaskInputCheck inputCheck;
  private final SegregationOfDuties segregation;
  private final AuditTrail auditTrail;

  public GxpTaskService(
      TaskInputCheck inputCheck, SegregationOfDuties segregation, AuditTrail auditTrail) {
    this.inputCheck = inputCheck;
    this.segregation = segregation;
    this.auditTrail = auditTrail;
  }

  static final ProblemType CLAIM_FOR_SELF_RULE = ProblemType.CLAIM_FOR_SELF;

  /**
   * A claim is only ever for oneself: claiming for someone else is an assignment and needs
   * assignment rights (TASK_ASSIGN or UPDATE), checked before anything else, so {@code claim
   * {"userId": "paul"}} by ivan is refused.
   */
  @Override
  public void claim(String taskId, String userId) {
    Command<Void> claim =
        guardedAssignment(taskId, userId, "claim", new ClaimTaskCmd(taskId, userId));
    commandExecutor.execute(
        commandContext -> {
          String actor = commandContext.getAuthenticatedUserId();
          TaskEntity task =
              taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
          if (task != null && actor != null && userId != null && !userId.equals(actor)) {
            requireAssignRight(commandContext, task, actor, userId);
            requireCandidate(task, userId, "claim");
          }
          return claim.execute(commandContext);
        });
  }

  private static void requireAssignRight(
      CommandContext commandContext, TaskEntity task, String actor, String userId) {
    try {
      for (CommandChecker checker :
          commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskAssign(task);
      }
    } catch (AuthorizationException noAssignRight) {
      throw new ComplianceRefusal(
          CLAIM_FOR_SELF_RULE,
          actor
              + " may claim task '"
              + task.getName()
              + "' only for "
              + actor
              + ", not for "
              + userId
              + ": giving a task to someone else is an assignment");
    }
  }

  /**
   * Whoever holds a task may hand it back (Tasklist's <em>Unclaim</em>) without assignment rights:
   * giving up one's own work takes nothing from anyone. Giving a task to someone else needs
   * assignment rights (a QA lead's TASK_ASSIGN) and stays within the task's candidates.
   */
  @Override
  public void setAssignee(String taskId, String userId) {
    Command<Void> change =
        guardedAssignment(taskId, userId, "be assigned", new AssignTaskCmd(taskId, userId));
    commandExecutor.execute(
        commandContext -> {
          String actor = commandContext.getAuthenticatedUserId();
          TaskEntity task =
              taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
          if (task != null && userId == null && actor != null && actor.equals(task.getAssignee())) {
            return commandContext.runWithoutAuthorization(() -> change.execute(commandContext));
          }
          if (task != null && userId != null && actor != null && !userId.equals(actor)) {
            requireCandidate(task, userId, "be assigned");
          }
          return change.execute(commandContext);
        });
  }

  @Override
  public void delegateTask(String taskId, String userId) {
    Command<Void> change =
        guardedAssignment(taskId, userId, "be delegated", new DelegateTaskCmd(taskId, userId));
    commandExecutor.execute(
        commandContext -> {
          TaskEntity task =
              taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
          if (task != null && userId != null && commandContext.getAuthenticatedUserId() != null) {
            requireCandidate(task, userId, "be delegated");
          }
          return change.execute(commandContext);
        });
  }

  private static void requireCandidate(TaskEntity task, String userId, String action) {
    if (!TaskCandidates.isCandidate(task, userId)) {
      throw new ComplianceRefusal(
          ProblemType.ASSIGNEE_NOT_CANDIDATE,
          userId
              + " may not "
              + action
              + " task '"
              + task.getName()
              + "': only a member of "
              + String.join(", ", TaskCandidates.groups(task))
              + " may hold it");
    }
  }

  // --- comments and attachments: by participants, audited, kept as written

  @Override
  public Comment createComment(String taskId, String processInstanceId, String message) {
    return commandExecutor.execute(
        commandContext -> {
          TaskEntity task =
              participantTask(commandContext, taskId, processInstanceId, "comment on");
          Comment comment =
              new AddCommentCmd(taskId, processInstanceId, message).execute(commandContext);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("commentId", comment.getId());
          details.put("message", comment.getFullMessage());
          auditTrail.record(event(AuditEventTypes.COMMENT_ADDED, task, processInstanceId, details));
          return comment;
        });
  }

  @Override
  public void addComment(String taskId, String processInstanceId, String message) {
    createComment(taskId, processInstanceId, message);
  }

  /**
   * Links are refused: a link's target can change after it is recorded; the file itself is kept.
   */
  @Override
  public Attachment createAttachment(
      String type,
      String taskId,
      String processInstanceId,
      String name,
      String description,
      String url) {
    throw new BadUserRequestException(
        "Attach the document itself, not a link: a linked document can change after it is"
            + " recorded, an attached one is kept as it was attached.");
  }

  @Override
  public Attachment createAttachment(
      String type,
      String taskId,
      String processInstanceId,
      String name,
      String description,
      InputStream content) {
    if (content == null) {
      throw new BadUserRequestException("An attachment needs its content: no file was sent.");
    }
    byte[] bytes = readLimited(content);
    return commandExecutor.execute(
        commandContext -> {
          TaskEntity task = participantTask(commandContext, taskId, processInstanceId, "attach to");
          Attachment attachment =
              new CreateAttachmentCmd(
                      type,
                      taskId,
                      // a task's file belongs to its record too, listed with it after the task ends
                      task != null && processInstanceId == null
                          ? task.getProcessInstanceId()
                          : processInstanceId,
                      name,
                      description,
                      new ByteArrayInputStream(bytes),
                      null)
                  .execute(commandContext);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("attachmentId", attachment.getId());
          details.put("name", name);
          details.put("type", type);
          details.put("size", bytes.length);
          details.put("sha256", Sha256.hex(bytes));
          auditTrail.record(
              event(AuditEventTypes.ATTACHMENT_ADDED, task, processInstanceId, details));
          return attachment;
        });
  }

  private static byte[] readLimited(InputStream content) {
    try (content) {
      byte[] bytes = content.readNBytes(MAX_ATTACHMENT_BYTES + 1);
      if (bytes.length > MAX_ATTACHMENT_BYTES) {
        throw new BadUserRequestException(
            "The file is larger than "
                + MAX_ATTACHMENT_BYTES / (1024 * 1024)
                + " MB; attach a smaller one (or a reference in a comment to where the"
                + " document is controlled).");
      }
      return bytes;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * The open task a comment or attachment is about, if the actor may work it; a record-level one
   * (no task) needs the right to change the process instance (administrators).
   */
  private static TaskEntity participantTask(
      CommandContext commandContext, String taskId, String processInstanceId, String action) {
    String actor = EngineContext.actor();
    if (taskId == null) {
      if (processInstanceId != null) {
        for (CommandChecker checker :
            commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkUpdateProcessInstanceById(processInstanceId);
        }
      }
      return null;
    }
    TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new BadUserRequestException(
          "Task " + taskId + " is not open: comments and attachments go with an open task.");
    }
    try {
      for (CommandChecker checker :
          commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
    } catch (AuthorizationException notParticipant) {
      throw new ComplianceRefusal(
          ProblemType.NOT_A_PARTICIPANT,
          actor
              + " may not "
              + action
              + " task '"
              + task.getName()
              + "': only the people who may work it can");
    }
    return task;
  }

  private static AuditEvent event(
      String type, TaskEntity task, String processInstanceId, Map<String, Object> details) {
    if (task != null) {
      details.put("taskName", task.getName());
      details.put("taskDefinitionKey", task.getTaskDefinitionKey());
      return EngineContext.taskEvent(type, task, details);
    }
    return AuditEvent.builder(type, EngineContext.actor())
        .processInstanceId(processInstanceId)
        .details(details)
        .build();
  }

  /** Comments and attachments are part of the record: kept as written (21 CFR 11.10(e)). */
  private static ComplianceRefusal appendOnly(String what) {
    return new ComplianceRefusal(
        ProblemType.RECORD_APPEND_ONLY,
        what
            + " cannot be changed or deleted: it is part of the record. Add a new comment that"
            + " corrects it.");
  }

  @Override
  public void deleteTaskComment(String taskId, String commentId) {
    throw appendOnly("A comment");
  }

  @Override
  public void deleteProcessInstanceComment(String processInstanceId, String commentId) {
    throw appendOnly("A comment");
  }

  @Override
  public void deleteTaskComments(String taskId) {
    throw appendOnly("A comment");
  }

  @Override
  public void deleteProcessInstanceComments(String processInstanceId) {
    throw appendOnly("A comment");
  }

  @Override
  public void updateTaskComment(String taskId, String commentId, String message) {
    throw appendOnly("A comment");
  }

  @Override
  public void updateProcessInstanceComment(
      String processInstanceId, String commentId, String message) {
    throw appendOnly("A comment");
  }

  @Override
  public void deleteAttachment(String attachmentId) {
    throw appendOnly("An attachment");
  }

  @Override
  public void deleteTaskAttachment(String taskId, String attachmentId) {
    throw appendOnly("An attachment");
  }

  @Override
  public void saveAttachment(Attachment attachment) {
    throw appendOnly("An attachment");
  }

  @Override
  public void saveTask(Task task) {
    String taskId = task.getId();
    commandExecutor.execute(
        guardedAssignment(taskId, task.getAssignee(), "be assigned", new SaveTaskCmd(task)));
  }

  /**
   * Checks segregation of duties for the person who would hold the task, in the same command as the
   * change, so a refusal reaches every client unwrapped (the listener's check is the safety net for
   * other paths).
   */
  private Command<Void> guardedAssignment(
      String taskId, String userId, String action, Command<?> change) {
    return commandContext -> {
      TaskEntity task =
          taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
      if (task != null && userId != null && !userId.equals(task.getAssignee())) {
        segregation.enforce(task, userId, action);
      }
      change.execute(commandContext);
      return null;
    };
  }

  @Override
  public void complete(String taskId) {
    complete(taskId, null);
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    commandExecutor.execute(
        guarded(taskId, variables, null, new CompleteTaskCmd(taskId, variables, false, false)));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(
      String taskId, Map<String, Object> variables, boolean deserializeValues) {
    return commandExecutor.execute(
        guarded(
            taskId,
            variables,
            null,
            new CompleteTaskCmd(taskId, variables, true, deserializeValues)));
  }

  /**
   * Completion by an electronic signature (the signature service only: it has re-authenticated the
   * signer).
   */
  @Override
  public void completeWithSignature(
      String taskId, Map<String, Object> variables, String signatureId) {
    commandExecutor.execute(
        guarded(
            taskId, variables, signatureId, new CompleteTaskCmd(taskId, variables, false, false)));
  }

  GuardedCompletion guarded(
      String taskId,
      Map<String, Object> variables,
      String signatureId,
      Command<VariableMap> completion) {
    return new GuardedCompletion(
        taskId, variables, signatureId, completion, inputCheck, segregation);
  }

  @Override
  protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
    commandExecutor.execute(new CheckedVariableUpdate(taskId, variables, inputCheck));
    super.setVariables(taskId, variables, local);
  }

  @Override
  protected void updateVariables(
      String taskId, Map<String, ?> modifications, Collection<String> deletions, boolean local) {
    commandExecutor.execute(new CheckedVariableUpdate(taskId, modifications, inputCheck));
    super.updateVariables(taskId, modifications, deletions, local);
  }

  /**
   * Setting task variables outside completion: each must be a valid field of the task's form (no
   * required check).
   */
  private record CheckedVariableUpdate(
      String taskId, Map<String, ?> variables, TaskInputCheck inputCheck) implements Command<Void> {

    @Override
    public Void execute(CommandContext commandContext) {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      if (task != null && variables != null && !variables.isEmpty()) {
        // rights before validation: who may not set the task's variables learns nothing about its
        // form
        for (CommandChecker checker :
            commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkUpdateTaskVariable(task);
        }
        List<FieldViolation> violations =
            inputCheck.check(task, SubmittedValues.plain(variables), false);
        if (!violations.isEmpty()) {
          throw new InvalidTaskInput(taskId, violations);
        }
      }
      return null;
    }
  }
}
