package io.gxpflow.compliance.tasks;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who may hold a task: its candidate users and the members of its candidate groups. A task is only
 * ever handed on "within the group" — reassigned, delegated, claimed for someone else or forwarded
 * to a deputy — so the person who ends up with it is one the model meant. A task without candidates
 * (a standalone task) has no such limit.
 */
final class TaskCandidates {

  private TaskCandidates() {}

  /** Must run inside an engine command. */
  static boolean isCandidate(DelegateTask task, String userId) {
    List<IdentityLink> candidates =
        task.getCandidates().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .toList();
    if (candidates.isEmpty()) {
      return true;
    }
    if (candidates.stream().anyMatch(link -> userId.equals(link.getUserId()))) {
      return true;
    }
    CommandContext commandContext = Context.getCommandContext();
    IdentityService identity = commandContext.getProcessEngineConfiguration().getIdentityService();
    return commandContext.runWithoutAuthorization(
        () ->
            candidates.stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .anyMatch(
                    group ->
                        identity.createUserQuery().userId(userId).memberOfGroup(group).count()
                            > 0));
  }

  /** The candidate groups, for messages. */
  static List<String> groups(DelegateTask task) {
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .filter(group -> group != null)
        .sorted()
        .toList();
  }
}
