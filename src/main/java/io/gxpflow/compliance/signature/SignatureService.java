package io.gxpflow.compliance.signature;

import io.gxpflow.compliance.CanonicalJson;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.tasks.DeployedForms;
import io.gxpflow.compliance.tasks.SignedCompletion;
import io.gxpflow.compliance.tasks.SubmittedValues;
import io.gxpflow.compliance.tasks.UserTaskRules;
import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.FieldKind;
import io.gxpflow.identity.DisplayName;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Part 11 electronic signatures on the tasks a model marks with {@code signature.meaning}. The
 * signer re-enters their password (checked by the identity service) and confirms the meaning; then,
 * in ONE transaction, the task completes (validation and segregation of duties as always), the
 * SIGNATURE audit event is appended and the manifest stored. A refused attempt changes nothing but
 * is audited and counted toward the lock. The password is only passed to the identity service:
 * never stored, logged or put into a variable.
 */
@Service
public class SignatureService {

  private final ProcessEngine engine;
  private final SignedCompletion completion;
  private final CommandExecutor commands;
  private final RunAsSystem asSystem;
  private final AuditTrail auditTrail;
  private final SigningLocks locks;
  private final SignatureManifests manifests;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public SignatureService(
      ProcessEngine engine,
      RunAsSystem asSystem,
      AuditTrail auditTrail,
      SigningLocks locks,
      SignatureManifests manifests,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.engine = engine;
    this.completion = SignedCompletion.of(engine);
    this.commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    this.asSystem = asSystem;
    this.auditTrail = auditTrail;
    this.locks = locks;
    this.manifests = manifests;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Signs and completes the task as {@code signerId}, the authenticated user of the request (the
   * engine's authorizations apply: a task the signer may not see is "not found").
   */
  public SignatureManifest sign(String signerId, String taskId, SignatureRequest request) {
    Task task = signatureTask(signerId, taskId);
    String meaning = meaningOf(task);
    if (request.meaning() == null || !meaning.equals(request.meaning().trim())) {
      throw new SignatureRejected(
          HttpStatus.BAD_REQUEST,
          "meaning-not-confirmed",
          "Confirm the meaning of this " + "signature: \"" + meaning + "\"");
    }
    if (request.password() == null || request.password().isEmpty()) {
      throw new SignatureRejected(
          HttpStatus.BAD_REQUEST, "password-missing", "Re-enter your password to sign");
    }
    RecordKeys instance = recordKeys(task);
    Instant lockedUntil = locks.lockedUntil(signerId);
    if (lockedUntil != null) {
      auditFailure(signerId, task, instance, meaning, "signing locked until " + lockedUntil);
      throw new SignatureRejected(
          HttpStatus.FORBIDDEN,
          "locked",
          "Signing is locked for "
              + signerId
              + " until "
              + lockedUntil
              + " after "
              + SigningLocks.MAX_FAILURES
              + " failed attempts in a row");
    }
    PasswordCheck check = checkPassword(signerId, request.password());
    if (check != PasswordCheck.RIGHT) {
      auditFailure(
          signerId,
          task,
          instance,
          meaning,
          check == PasswordCheck.WRONG
              ? "wrong password"
              : "the identity provider refused the login (account disabled or locked)");
      Instant locked = locks.recordFailure(signerId);
      if (locked != null) {
        auditTrail.recordIndependently(
            new AuditEvent(
                AuditEventTypes.SIGNING_LOCKED,
                signerId,
                businessKey(instance),
                task.getProcessInstanceId(),
                instance.processDefinitionKey(),
                task.getId(),
                Map.of("lockedUntil", locked.toString(), "failures", SigningLocks.MAX_FAILURES)));
      }
      throw new SignatureRejected(
          HttpStatus.UNAUTHORIZED,
          "wrong-password",
          (check == PasswordCheck.WRONG
                  ? "Signature refused: wrong password"
                  : "Signature refused: your account may not log in (disabled or locked)")
              + (locked != null ? "; signing is now locked until " + locked : ""));
    }
    locks.recordSuccess(signerId);
    return transaction.execute(
        status -> signAndComplete(signerId, task, instance, meaning, request.variables()));
  }

  private SignatureManifest signAndComplete(
      String signerId,
      Task task,
      RecordKeys instance,
      String meaning,
      Map<String, Object> submitted) {
    String signatureId = UUID.randomUUID().toString();
    Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Map<String, Object> variables = submitted == null ? Map.of() : submitted;
    String contentHash = contentHash(task, instance, meaning, variables);
    // read once, in the signing transaction: the manifest prints the name the SIGNATURE event
    // records; a later
    // rename (admin only, audited as USER_UPDATED) changes neither
    String signerName = fullName(signerId);

    completion.completeWithSignature(task.getId(), variables, signatureId);

    // the SIGNATURE event carries every field of the manifest, so the chain covers the manifest
    // (SignatureManifestCheck): one printed name for both
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("signatureId", signatureId);
    details.put("signerName", signerName);
    details.put("signedAt", signedAt.toString());
    details.put("meaning", meaning);
    details.put("taskName", task.getName());
    details.put("contentHash", contentHash);
    StoredAuditEvent audit =
        auditTrail.record(
            new AuditEvent(
                AuditEventTypes.SIGNATURE,
                signerId,
                businessKey(instance),
                task.getProcessInstanceId(),
                instance.processDefinitionKey(),
                task.getId(),
                details));
    SignatureManifest manifest =
        new SignatureManifest(
            signatureId,
            signerId,
            signerName,
            signedAt,
            meaning,
            businessKey(instance),
            task.getProcessInstanceId(),
            instance.processDefinitionKey(),
            task.getId(),
            task.getName(),
            contentHash,
            audit.seq());
    manifests.store(manifest);
    return manifest;
  }

  /**
   * The signature step as the signer sees it; 404 when the task is not theirs to see, 409 when no
   * signature step.
   */
  public SignatureStep describe(String signerId, String taskId) {
    Task task = signatureTask(signerId, taskId);
    String meaning = meaningOf(task);
    Map<String, Object> current =
        SubmittedValues.plain(engine.getTaskService().getVariables(taskId));
    List<SignatureStep.Field> fields =
        formOf(task)
            .map(
                form ->
                    form.fields().stream()
                        .filter(
                            field ->
                                field.kind() != FieldKind.LIST
                                    && field.kind() != FieldKind.COMPUTED)
                        .map(
                            field ->
                                new SignatureStep.Field(
                                    field.key(),
                                    field.label(),
                                    field.type(),
                                    field.required(),
                                    field.readOnly(),
                                    field.values() == null
                                        ? List.of()
                                        : List.copyOf(field.values()),
                                    field.valueLabels(),
                                    current.get(field.key())))
                        .toList())
            .orElse(List.of());
    return new SignatureStep(
        task.getId(), task.getName(), meaning, signerId, fullName(signerId), fields);
  }

  /** The step's Camunda Form, if it has one; the task was found visible to the signer. */
  private Optional<CamundaForm> formOf(Task task) {
    return Optional.ofNullable(
        commands.execute(
            context -> {
              TaskEntity entity = context.getTaskManager().findTaskById(task.getId());
              return entity == null ? null : DeployedForms.ofTask(context, entity);
            }));
  }

  public List<SignatureManifest> findByBusinessKey(String businessKey) {
    return manifests.findByBusinessKey(businessKey);
  }

  /**
   * The open task, as the signer may see it, that the model marks as a signature step: else 404 or
   * 409.
   */
  private Task signatureTask(String signerId, String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new SignatureRejected(
          HttpStatus.NOT_FOUND,
          "task-not-found",
          "No open task " + taskId + " visible to " + signerId);
    }
    if (meaningOf(task) == null) {
      throw new SignatureRejected(
          HttpStatus.CONFLICT,
          "not-a-signature-step",
          "Task '" + task.getName() + "' is not a signature step; complete it without a signature");
    }
    return task;
  }

  /** The model's meaning of the signature step, or null. */
  private String meaningOf(Task task) {
    RepositoryService repository = engine.getRepositoryService();
    UserTask userTask =
        repository
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(task.getTaskDefinitionKey());
    return UserTaskRules.of(userTask).signatureMeaning();
  }

  /**
   * SHA-256 over a canonical JSON of what is signed: the record, the step, its meaning and the
   * task's data.
   */
  private String contentHash(
      Task task, RecordKeys instance, String meaning, Map<String, Object> submitted) {
    Map<String, Object> data =
        new TreeMap<>(SubmittedValues.plain(engine.getTaskService().getVariables(task.getId())));
    data.putAll(SubmittedValues.plain(submitted));
    Map<String, Object> content = new TreeMap<>();
    content.put("businessKey", businessKey(instance));
    content.put("processInstanceId", task.getProcessInstanceId());
    content.put("taskId", task.getId());
    content.put("taskDefinitionKey", task.getTaskDefinitionKey());
    content.put("taskName", task.getName());
    content.put("meaning", meaning);
    content.put("data", data);
    return CanonicalJson.sha256(content);
  }

  /** What the identity provider said of the password. */
  private enum PasswordCheck {
    RIGHT,
    WRONG,
    /** Keycloak answered, but refused the login: the account is disabled or locked. */
    ACCOUNT_REFUSED
  }

  private PasswordCheck checkPassword(String userId, String password) {
    IdentityService identity = engine.getIdentityService();
    try {
      return identity.checkPassword(userId, password) ? PasswordCheck.RIGHT : PasswordCheck.WRONG;
    } catch (IdentityProviderException failed) {
      if (failed.getCause() instanceof HttpClientErrorException) {
        return PasswordCheck.ACCOUNT_REFUSED;
      }
      // Keycloak down or unreachable: nothing is signed and the signer's count is not touched
      throw new SignatureRejected(
          HttpStatus.SERVICE_UNAVAILABLE,
          "identity-provider-unavailable",
          "Signature not possible now: the identity provider cannot check the password. Try again"
              + " later; nothing was signed.");
    }
  }

  private void auditFailure(
      String signerId, Task task, RecordKeys instance, String meaning, String reason) {
    auditTrail.recordIndependently(
        new AuditEvent(
            AuditEventTypes.SIGNATURE_FAILED,
            signerId,
            businessKey(instance),
            task.getProcessInstanceId(),
            instance.processDefinitionKey(),
            task.getId(),
            Map.of("taskName", task.getName(), "meaning", meaning, "reason", reason)));
  }

  private String fullName(String userId) {
    return DisplayName.of(engine.getIdentityService(), userId);
  }

  /** The record a task belongs to. */
  private record RecordKeys(String businessKey, String processDefinitionKey) {}

  /**
   * Read as the engine, not as the signer: a reviewer may work a task without read access to the
   * whole process instance, yet the manifest must name the record.
   */
  private RecordKeys recordKeys(Task task) {
    if (task.getProcessInstanceId() == null) {
      return new RecordKeys(null, null);
    }
    RecordKeys keys =
        asSystem.call(
            () -> {
              ProcessInstance processInstance =
                  engine
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .processInstanceId(task.getProcessInstanceId())
                      .singleResult();
              return processInstance == null
                  ? null
                  : new RecordKeys(
                      processInstance.getBusinessKey(),
                      engine
                          .getRepositoryService()
                          .getProcessDefinition(processInstance.getProcessDefinitionId())
                          .getKey());
            });
    if (keys == null) {
      // another signer's signature ended the instance since the task was read
      throw new SignatureRejected(
          HttpStatus.CONFLICT,
          "task-completed-meanwhile",
          "Task '" + task.getName() + "' was completed by someone else at the same moment");
    }
    return keys;
  }

  private static String businessKey(RecordKeys instance) {
    return instance.businessKey();
  }
}
