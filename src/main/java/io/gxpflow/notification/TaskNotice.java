package io.gxpflow.notification;

import java.util.Date;

/** What a notification is about: one task, one user, one reason. */
public record TaskNotice(
    NotificationKind kind,
    String recipient,
    String taskId,
    String taskName,
    String businessKey,
    String processInstanceId,
    Date dueDate) {}
