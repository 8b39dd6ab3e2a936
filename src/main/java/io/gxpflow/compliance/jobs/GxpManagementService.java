package io.gxpflow.compliance.jobs;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * Jobs (timers, async steps, their retries) are operations' business, not the participants' of a
 * case.
 *
 * <ul>
 *   <li>Executing a job by hand checks the right first, in a command of its own: the engine checks
 *       it only while running the job, and its failed-job handling then counts the refusal as a
 *       failed attempt (retries down, an incident at zero) — a participant could switch off his own
 *       escalation timer.
 *   <li>Only users who may operate jobs of every process (RETRY_JOB or UPDATE_INSTANCE on process
 *       definition {@code *}: {@code ops}, {@code camunda-admin}) list jobs; for everyone else a
 *       job query is empty, although READ_INSTANCE on their process would otherwise show every
 *       case's timers.
 * </ul>
 */
public class GxpManagementService extends ManagementServiceImpl {

  public GxpManagementService(ProcessEngineConfigurationImpl configuration) {
    super(configuration);
  }

  @Override
  public void executeJob(String jobId) {
    commandExecutor.execute(
        context -> {
          JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
          if (job != null) {
            for (CommandChecker checker :
                context.getProcessEngineConfiguration().getCommandCheckers()) {
              checker.checkUpdateJob(job);
            }
          }
          return null; // no job: the engine's own "not found" below
        });
    super.executeJob(jobId);
  }

  @Override
  public JobQuery createJobQuery() {
    return new OperationsJobQuery(this);
  }

  /** The engine's job query, empty for a user who does not operate jobs. */
  static final class OperationsJobQuery extends JobQueryImpl {

    OperationsJobQuery(GxpManagementService service) {
      super(service.commandExecutor);
    }

    @Override
    public long executeCount(CommandContext context) {
      return operatesJobs(context) ? super.executeCount(context) : 0;
    }

    @Override
    public List<Job> executeList(CommandContext context, Page page) {
      return operatesJobs(context) ? super.executeList(context, page) : List.of();
    }

    private static boolean operatesJobs(CommandContext context) {
      if (!context.isAuthorizationCheckEnabled() || context.getAuthentication() == null) {
        return true; // the application itself, the job executor
      }
      AuthorizationManager authorizations = context.getAuthorizationManager();
      return authorizations.isAuthorized(
              ProcessDefinitionPermissions.RETRY_JOB, Resources.PROCESS_DEFINITION, ANY)
          || authorizations.isAuthorized(
              ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, ANY);
    }
  }
}
