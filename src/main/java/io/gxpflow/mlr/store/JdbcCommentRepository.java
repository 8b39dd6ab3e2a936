package io.gxpflow.mlr.store;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.mlr.content.CommentRepository;
import io.gxpflow.mlr.content.ContentRefused;
import io.gxpflow.mlr.content.ModuleComment;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CommentRepository} in {@code gxp_mlr_module_comment} (insert-only), each comment audited
 * as {@code MLR_MODULE_COMMENT_ADDED} in the same transaction. A comment may be on a module of the
 * version or of an earlier version of the item (a module the version deleted is reviewed too); one
 * on a module the item never had up to that version is refused ({@link ContentRefused}, field
 * {@code moduleId}).
 */
@Component
public class JdbcCommentRepository implements CommentRepository {

  private final JdbcTemplate jdbc;
  private final AuditTrail auditTrail;
  private final TransactionTemplate transaction;

  public JdbcCommentRepository(
      JdbcTemplate jdbc, AuditTrail auditTrail, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.auditTrail = auditTrail;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public ModuleComment add(ModuleComment comment) {
    Objects.requireNonNull(comment.author(), "author");
    return transaction.execute(
        status -> {
          Integer modules =
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM gxp_mlr_content_module WHERE item_id = ? AND version_no <= ?"
                      + " AND module_id = ?",
                  Integer.class,
                  comment.itemId(),
                  comment.version(),
                  comment.moduleId());
          if (modules == null || modules == 0) {
            throw new ContentRefused(
                List.of(
                    new ContentRefused.Problem(
                        "moduleId",
                        "neither version "
                            + comment.version()
                            + " of "
                            + comment.itemId()
                            + " nor an earlier one has a module "
                            + comment.moduleId())));
          }
          Instant now = StoreTime.now();
          KeyHolder key = new GeneratedKeyHolder();
          jdbc.update(
              connection -> {
                PreparedStatement insert =
                    connection.prepareStatement(
                        "INSERT INTO gxp_mlr_module_comment (item_id, version_no, review_round,"
                            + " module_id, mandatory, comment_text, author, review_group, task_id,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"comment_id"});
                insert.setString(1, comment.itemId());
                insert.setInt(2, comment.version());
                insert.setInt(3, comment.round());
                insert.setString(4, comment.moduleId());
                insert.setBoolean(5, comment.mandatory());
                insert.setString(6, comment.text());
                insert.setString(7, comment.author());
                insert.setString(8, comment.reviewGroup());
                insert.setString(9, comment.taskId());
                insert.setObject(10, StoreTime.column(now));
                return insert;
              },
              key);
          long id = Objects.requireNonNull(key.getKey()).longValue();
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("commentId", id);
          details.put("itemId", comment.itemId());
          details.put("version", comment.version());
          details.put("round", comment.round());
          details.put("moduleId", comment.moduleId());
          details.put("mandatory", comment.mandatory());
          details.put("reviewGroup", comment.reviewGroup());
          details.put("text", comment.text());
          auditTrail.record(
              AuditEvent.builder(AuditEventTypes.MLR_MODULE_COMMENT_ADDED, comment.author())
                  .businessKey(comment.itemId())
                  .processDefinitionKey(JdbcContentRepository.PROCESS)
                  .taskId(comment.taskId())
                  .details(details)
                  .build());
          return new ModuleComment(
              id,
              comment.itemId(),
              comment.version(),
              comment.round(),
              comment.moduleId(),
              comment.mandatory(),
              comment.text(),
              comment.author(),
              comment.reviewGroup(),
              comment.taskId(),
              now);
        });
  }

  @Override
  public List<ModuleComment> ofRound(String itemId, int round) {
    return jdbc.query(
        "SELECT comment_id, item_id, version_no, review_round, module_id, mandatory,"
            + " comment_text, author, review_group, task_id, created_at"
            + " FROM gxp_mlr_module_comment WHERE item_id = ? AND review_round = ?"
            + " ORDER BY comment_id",
        (rs, n) ->
            new ModuleComment(
                rs.getLong("comment_id"),
                rs.getString("item_id"),
                rs.getInt("version_no"),
                rs.getInt("review_round"),
                rs.getString("module_id"),
                rs.getBoolean("mandatory"),
                rs.getString("comment_text"),
                rs.getString("author"),
                rs.getString("review_group"),
                rs.getString("task_id"),
                StoreTime.instant(rs, "created_at")),
        itemId,
        round);
  }
}
