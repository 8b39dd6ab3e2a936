package io.gxpflow.compliance.tasks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Marks, on the current thread, the task completions that went through {@link GuardedCompletion}:
 * the global complete listener refuses any other completion (a raw {@code CompleteTaskCmd}, say),
 * so no path around validation, segregation of duties or the signature exists. Also carries what
 * was submitted and the values it replaced, for the audit event.
 */
public final class CompletionGate {

  /**
   * One completion in progress: the task, who signs it (null if not a signature), submitted and old
   * values.
   */
  public record Submission(
      String taskId,
      String signatureId,
      Map<String, Object> submitted,
      Map<String, Object> previous) {}

  private static final ThreadLocal<Deque<Submission>> IN_PROGRESS =
      ThreadLocal.withInitial(ArrayDeque::new);

  private CompletionGate() {}

  static void open(Submission submission) {
    IN_PROGRESS.get().push(submission);
  }

  static void close() {
    Deque<Submission> submissions = IN_PROGRESS.get();
    submissions.pop();
    if (submissions.isEmpty()) {
      IN_PROGRESS.remove();
    }
  }

  /** The submission for this task, or null when the task is being completed around the guard. */
  public static Submission current(String taskId) {
    return IN_PROGRESS.get().stream()
        .filter(s -> s.taskId().equals(taskId))
        .findFirst()
        .orElse(null);
  }
}
