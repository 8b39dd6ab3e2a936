package io.gxpflow.mlr.api;

import io.gxpflow.mlr.content.ApprovedProducts;
import io.gxpflow.mlr.content.ClaimsLibrary;
import io.gxpflow.mlr.content.ClaimsRepository;
import io.gxpflow.mlr.content.CommentRepository;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.precheck.FindingsRepository;
import io.gxpflow.mlr.precheck.PrecheckResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stand-ins for the mlr-review stores while their JDBC implementations are built on another branch:
 * maps in memory, just enough for the review API's integration test (no audit, no Liquibase). The
 * test puts versions, pre-check runs and pre-approved modules in directly. {@code @Primary}, so
 * once the real stores exist this class still wins in {@link ReviewApiIT}: remove the import there
 * to run the test against the real store.
 */
@TestConfiguration
public class InMemoryMlrStores {

  @Bean
  @Primary
  Contents inMemoryContents() {
    return new Contents();
  }

  @Bean
  @Primary
  Claims inMemoryClaims() {
    return new Claims();
  }

  @Bean
  @Primary
  Findings inMemoryFindings() {
    return new Findings();
  }

  @Bean
  @Primary
  Comments inMemoryComments() {
    return new Comments();
  }

  /** Versions by item, as put. */
  public static class Contents implements ContentRepository {

    private final Map<String, List<StoredVersion>> items = new ConcurrentHashMap<>();

    /** Puts a version as it is (status included), replacing one of the same number. */
    public StoredVersion put(ContentVersion content, ContentStatus status) {
      StoredVersion stored =
          new StoredVersion(
              content,
              "alice",
              Instant.parse("2026-11-02T09:00:00Z"),
              "sha256-of-" + content.itemId() + "-" + content.version(),
              status,
              null,
              null);
      List<StoredVersion> versions =
          items.computeIfAbsent(content.itemId(), id -> new CopyOnWriteArrayList<>());
      versions.removeIf(v -> v.content().version() == content.version());
      versions.add(stored);
      versions.sort(Comparator.comparingInt(v -> v.content().version()));
      return stored;
    }

    @Override
    public StoredVersion submit(String itemId, ContentDraft draft, String submittedBy) {
      throw new UnsupportedOperationException("the review API does not submit");
    }

    @Override
    public Optional<StoredVersion> find(String itemId, int version) {
      return versions(itemId).stream().filter(v -> v.content().version() == version).findFirst();
    }

    @Override
    public List<StoredVersion> versions(String itemId) {
      return List.copyOf(items.getOrDefault(itemId, List.of()));
    }

    @Override
    public Optional<StoredVersion> lastApproved(String itemId) {
      return versions(itemId).stream()
          .filter(
              v ->
                  v.status() == ContentStatus.APPROVED
                      || v.status() == ContentStatus.REPLACED
                      || v.status() == ContentStatus.WITHDRAWN)
          .reduce((a, b) -> b);
    }

    @Override
    public void markApproved(String itemId, int version, String approvalCode, LocalDate expiresOn) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void markWithdrawn(String itemId, String reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void markCancelled(String itemId, int version, String reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> approvedItemsUsingClaim(String claimId) {
      return List.of();
    }
  }

  /** Pre-approved modules only. */
  public static class Claims implements ClaimsRepository {

    private final Map<String, String> preApproved = new ConcurrentHashMap<>();

    public void preApproved(String moduleId, String text) {
      preApproved.put(moduleId, text);
    }

    @Override
    public ClaimsLibrary library() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ApprovedProducts products() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, String> preApprovedTexts(Collection<String> moduleIds) {
      return moduleIds.stream()
          .filter(preApproved::containsKey)
          .collect(Collectors.toMap(Function.identity(), preApproved::get));
    }
  }

  public static class Findings implements FindingsRepository {

    private final List<PrecheckRun> runs = new CopyOnWriteArrayList<>();

    @Override
    public void record(String itemId, int version, int round, PrecheckResult result) {
      runs.add(new PrecheckRun(itemId, version, round, Instant.now(), result));
    }

    @Override
    public List<PrecheckRun> runs(String itemId) {
      return runs.stream().filter(run -> run.itemId().equals(itemId)).toList();
    }
  }

  public static class Comments implements CommentRepository {

    private final AtomicLong ids = new AtomicLong();
    private final List<ModuleComment> comments = new CopyOnWriteArrayList<>();

    @Override
    public ModuleComment add(ModuleComment comment) {
      ModuleComment stored =
          new ModuleComment(
              ids.incrementAndGet(),
              comment.itemId(),
              comment.version(),
              comment.round(),
              comment.moduleId(),
              comment.mandatory(),
              comment.text(),
              comment.author(),
              comment.reviewGroup(),
              comment.taskId(),
              Instant.now());
      comments.add(stored);
      return stored;
    }

    @Override
    public List<ModuleComment> ofRound(String itemId, int round) {
      return new ArrayList<>(
          comments.stream().filter(c -> c.itemId().equals(itemId) && c.round() == round).toList());
    }

    /** Every comment of the item, any round. */
    public List<ModuleComment> of(String itemId) {
      return comments.stream().filter(c -> c.itemId().equals(itemId)).toList();
    }
  }

  /** A module written for the item. */
  public static ContentModule body(String id, String text) {
    return ContentModule.of(id, ModuleType.BODY, text);
  }
}
