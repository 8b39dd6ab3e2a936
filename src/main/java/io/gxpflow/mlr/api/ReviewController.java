package io.gxpflow.mlr.api;

import io.gxpflow.mlr.content.ModuleComment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Review tab of {@code mlr-review} tasks in Tasklist (plugin {@code gxp-review}): what the
 * reviewer or the author sees on the task, and reviewers' module comments. 404 for a task the
 * caller may not see, 409 for a task that is not an MLR review's (problem type {@code
 * mlr-review-task}); see docs/processes/mlr-review.md, "In Tasklist".
 */
@RestController
@RequestMapping("/api/mlr/tasks/{taskId}")
public class ReviewController {

  /** A module comment as the reviewer writes it; the rest comes from the task. */
  public record CommentRequest(
      @NotBlank(message = "is required") @Size(max = 200, message = "is at most 200 characters")
          String moduleId,
      @NotNull(message = "is required (true: mandatory, false: suggested)") Boolean mandatory,
      @NotBlank(message = "is required") @Size(max = 4000, message = "is at most 4000 characters")
          String text) {}

  private final ReviewTasks reviews;

  public ReviewController(ReviewTasks reviews) {
    this.reviews = reviews;
  }

  @GetMapping("/review")
  public ReviewView review(@PathVariable String taskId, Authentication user) {
    return reviews.view(user.getName(), taskId);
  }

  /** 201 with the stored comment (its id and time are the store's). */
  @PostMapping("/comments")
  @ResponseStatus(HttpStatus.CREATED)
  public ModuleComment comment(
      @PathVariable String taskId,
      @Valid @RequestBody CommentRequest request,
      Authentication user) {
    return reviews.comment(
        user.getName(), taskId, request.moduleId(), request.mandatory(), request.text().strip());
  }
}
