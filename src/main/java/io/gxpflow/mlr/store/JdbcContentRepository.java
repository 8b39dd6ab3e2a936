package io.gxpflow.mlr.store;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentMarkup;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentRefused;
import io.gxpflow.mlr.content.ContentRefused.Problem;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.content.StoredVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ContentRepository} in {@code gxp_mlr_item}, {@code gxp_mlr_content_version}, {@code
 * gxp_mlr_content_module} and {@code gxp_mlr_module_claim}. A submission is checked whole before
 * anything is written; a new item's id comes from the year's counter row, locked until the
 * transaction ends (gap-free: a rolled-back submission gives its number back); a new version locks
 * its item's row, so two submissions of one item get consecutive versions. Every write is audited
 * ({@code MLR_CONTENT_SUBMITTED}, {@code MLR_CONTENT_STATUS_CHANGED}) in the same transaction.
 */
@Component
public class JdbcContentRepository implements ContentRepository {

  public static final String PROCESS = "mlr-review";

  /** {@code MLR-2026-0042}. */
  public static final Pattern ITEM_ID = Pattern.compile("MLR-\\d{4}-\\d{4,}");

  private static final Pattern MODULE_ID = Pattern.compile(ContentMarkup.MODULE_ID);
  private static final Set<ContentStatus> WAS_APPROVED =
      Set.of(ContentStatus.APPROVED, ContentStatus.REPLACED, ContentStatus.WITHDRAWN);

  private final JdbcTemplate jdbc;
  private final AuditTrail auditTrail;
  private final TransactionTemplate transaction;
  private final TransactionTemplate ownTransaction;

  public JdbcContentRepository(
      JdbcTemplate jdbc, AuditTrail auditTrail, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.auditTrail = auditTrail;
    this.transaction = new TransactionTemplate(transactionManager);
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public StoredVersion submit(String itemId, ContentDraft draft, String submittedBy) {
    return transaction.execute(status -> store(itemId, null, draft, submittedBy));
  }

  /**
   * Version 1 of an item with a given id (the demo seed's {@code MLR-2026-0001}); the year's
   * counter moves past it, so the store never gives the id again.
   */
  StoredVersion submitNewItem(String newItemId, ContentDraft draft, String submittedBy) {
    if (!ITEM_ID.matcher(newItemId).matches()) {
      throw new IllegalArgumentException("not an item id: " + newItemId);
    }
    return transaction.execute(status -> store(null, newItemId, draft, submittedBy));
  }

  private StoredVersion store(
      String itemId, String newItemId, ContentDraft draft, String submittedBy) {
    List<Problem> problems = new ArrayList<>();
    List<ModuleDraft> modules = normalized(draft.modules());
    Map<String, String> preApproved = check(modules, problems);
    if (itemId != null && !lockItem(itemId)) {
      problems.add(0, new Problem("itemId", "there is no content item " + itemId));
    }
    if (!problems.isEmpty()) {
      throw new ContentRefused(problems);
    }
    Instant now = StoreTime.now();
    int version;
    List<Integer> superseded = List.of();
    if (itemId == null) {
      itemId = newItemId != null ? reserve(newItemId) : nextItemId(now);
      jdbc.update(
          "INSERT INTO gxp_mlr_item (item_id, latest_version, created_by, created_at)"
              + " VALUES (?, 1, ?, ?)",
          itemId,
          submittedBy,
          StoreTime.column(now));
      version = 1;
    } else {
      Integer last =
          jdbc.queryForObject(
              "SELECT MAX(version_no) FROM gxp_mlr_content_version WHERE item_id = ?",
              Integer.class,
              itemId);
      version = last == null ? 1 : last + 1;
      jdbc.update("UPDATE gxp_mlr_item SET latest_version = ? WHERE item_id = ?", version, itemId);
      superseded =
          jdbc.queryForList(
              "SELECT version_no FROM gxp_mlr_content_version WHERE item_id = ? AND status = ?"
                  + " ORDER BY version_no",
              Integer.class,
              itemId,
              ContentStatus.IN_REVIEW.name());
    }
    for (int old : superseded) {
      changeStatus(
          itemId,
          old,
          ContentStatus.IN_REVIEW,
          ContentStatus.SUPERSEDED,
          "replaced by version " + version,
          submittedBy,
          null,
          null);
    }
    ContentVersion content =
        new ContentVersion(
            itemId,
            version,
            nfc(draft.title()),
            nfc(draft.product()),
            draft.markets(),
            draft.channel(),
            draft.audience(),
            modules.stream()
                .map(
                    module ->
                        new ContentModule(
                            module.id(),
                            module.type(),
                            module.text(),
                            module.claims(),
                            module.preApprovedModuleId(),
                            module.preApprovedModuleId() == null
                                ? null
                                : preApproved.get(module.preApprovedModuleId())))
                .toList());
    String hash = ContentHash.of(content);
    insert(content, submittedBy, now, hash);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("itemId", itemId);
    details.put("version", version);
    details.put("title", content.title());
    details.put("product", content.product());
    details.put("markets", new TreeSet<>(content.markets()).stream().toList());
    details.put("channel", content.channel().code());
    details.put("audience", content.audience().name());
    details.put("modules", content.modules().stream().map(ContentModule::id).toList());
    details.put("contentHash", hash);
    details.put("superseded", superseded);
    auditTrail.record(
        AuditEvent.builder(AuditEventTypes.MLR_CONTENT_SUBMITTED, submittedBy)
            .businessKey(itemId)
            .processDefinitionKey(PROCESS)
            .details(details)
            .build());
    return new StoredVersion(content, submittedBy, now, hash, ContentStatus.IN_REVIEW, null, null);
  }

  /** Unicode NFC, as the pre-check and the diff compare texts. */
  private static List<ModuleDraft> normalized(List<ModuleDraft> modules) {
    return modules.stream()
        .map(
            module ->
                new ModuleDraft(
                    nfc(module.id()),
                    module.type(),
                    nfc(module.text()),
                    module.claims().stream()
                        .map(claim -> new ClaimUse(nfc(claim.claimId()), nfc(claim.textUsed())))
                        .toList(),
                    module.preApprovedModuleId() == null || module.preApprovedModuleId().isBlank()
                        ? null
                        : nfc(module.preApprovedModuleId())))
        .toList();
  }

  /** What the store refuses; the approved texts of the pre-approved modules named. */
  private Map<String, String> check(List<ModuleDraft> modules, List<Problem> problems) {
    if (modules.isEmpty()) {
      problems.add(new Problem("modules", "a content version needs at least one module"));
    }
    Map<String, Integer> seen = new HashMap<>();
    Set<String> named = new LinkedHashSet<>();
    for (int i = 0; i < modules.size(); i++) {
      ModuleDraft module = modules.get(i);
      String at = "modules[" + i + "]";
      if (!MODULE_ID.matcher(module.id()).matches()) {
        problems.add(
            new Problem(
                at + ".id",
                "'"
                    + module.id()
                    + "' is not a module id: letters, digits, '.', '_' and '-', at most 64"));
      }
      Integer first = seen.putIfAbsent(module.id(), i);
      if (first != null) {
        problems.add(
            new Problem(
                at + ".id",
                "module id '" + module.id() + "' is used twice (also modules[" + first + "])"));
      }
      if (module.text().isBlank()) {
        problems.add(new Problem(at + ".text", "a module needs text"));
      }
      if (module.text().contains("](claim:")) {
        problems.add(
            new Problem(
                at + ".text",
                "claim links belong in the module's claims, not in its text (the markup form"
                    + " [words](claim:ID) is for the Tasklist forms)"));
      }
      for (int c = 0; c < module.claims().size(); c++) {
        ClaimUse claim = module.claims().get(c);
        String claimAt = at + ".claims[" + c + "]";
        if (!MODULE_ID.matcher(claim.claimId()).matches()) {
          problems.add(
              new Problem(claimAt + ".claimId", "'" + claim.claimId() + "' is not a claim id"));
        }
        if (claim.textUsed().isBlank()) {
          problems.add(new Problem(claimAt + ".words", "the words of a claim are required"));
        } else if (!module.text().contains(claim.textUsed())) {
          problems.add(
              new Problem(
                  claimAt + ".words",
                  "the words '" + claim.textUsed() + "' do not occur in the module's text"));
        }
      }
      if (module.preApprovedModuleId() != null) {
        named.add(module.preApprovedModuleId());
      }
    }
    Map<String, String> texts = preApprovedTexts(named);
    for (int i = 0; i < modules.size(); i++) {
      String source = modules.get(i).preApprovedModuleId();
      if (source != null && !texts.containsKey(source)) {
        problems.add(
            new Problem(
                "modules[" + i + "].preApprovedModuleId",
                "there is no pre-approved module " + source));
      }
    }
    return texts;
  }

  private Map<String, String> preApprovedTexts(Set<String> ids) {
    Map<String, String> texts = new HashMap<>();
    for (String id : ids) {
      jdbc.query(
          "SELECT module_text FROM gxp_mlr_preapproved_module WHERE module_id = ?",
          rs -> {
            texts.put(id, rs.getString(1));
          },
          id);
    }
    return texts;
  }

  private boolean lockItem(String itemId) {
    return !jdbc.queryForList(
            "SELECT item_id FROM gxp_mlr_item WHERE item_id = ? FOR UPDATE", String.class, itemId)
        .isEmpty();
  }

  /** The next {@code MLR-<year>-<nnnn>} of the engine clock's year, under the counter's lock. */
  private String nextItemId(Instant now) {
    int year = now.atZone(ZoneOffset.UTC).getYear();
    int next = lockCounter(year) + 1;
    jdbc.update(
        "UPDATE gxp_mlr_item_counter SET last_number = ? WHERE counter_year = ?", next, year);
    return String.format("MLR-%d-%04d", year, next);
  }

  /** A given id: the counter of its year moves past its number. */
  private String reserve(String itemId) {
    String[] parts = itemId.split("-");
    int year = Integer.parseInt(parts[1]);
    int number = Integer.parseInt(parts[2]);
    if (lockCounter(year) < number) {
      jdbc.update(
          "UPDATE gxp_mlr_item_counter SET last_number = ? WHERE counter_year = ?", number, year);
    }
    return itemId;
  }

  private int lockCounter(int year) {
    List<Integer> last = selectCounter(year);
    if (last.isEmpty()) {
      // the year's first item: its row is created in a transaction of its own, so a second
      // submission that creates it at the same moment fails there, not in the caller's transaction
      ownTransaction.executeWithoutResult(
          status -> {
            try {
              jdbc.update(
                  "INSERT INTO gxp_mlr_item_counter (counter_year, last_number) VALUES (?, 0)",
                  year);
            } catch (DuplicateKeyException sameMoment) {
              status.setRollbackOnly();
            }
          });
      last = selectCounter(year);
    }
    return last.get(0);
  }

  private List<Integer> selectCounter(int year) {
    return jdbc.queryForList(
        "SELECT last_number FROM gxp_mlr_item_counter WHERE counter_year = ? FOR UPDATE",
        Integer.class,
        year);
  }

  private void insert(ContentVersion content, String submittedBy, Instant now, String hash) {
    jdbc.update(
        "INSERT INTO gxp_mlr_content_version (item_id, version_no, title, product, markets,"
            + " channel, audience, submitted_by, submitted_at, content_hash, status,"
            + " status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        content.itemId(),
        content.version(),
        content.title(),
        content.product(),
        String.join(",", new TreeSet<>(content.markets())),
        content.channel().code(),
        content.audience().name(),
        submittedBy,
        StoreTime.column(now),
        hash,
        ContentStatus.IN_REVIEW.name(),
        StoreTime.column(now));
    for (int m = 0; m < content.modules().size(); m++) {
      ContentModule module = content.modules().get(m);
      jdbc.update(
          "INSERT INTO gxp_mlr_content_module (item_id, version_no, ordinal, module_id,"
              + " module_type, module_text, preapproved_module_id, preapproved_text)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          content.itemId(),
          content.version(),
          m,
          module.id(),
          module.type().name(),
          module.text(),
          module.preApprovedModuleId(),
          module.preApprovedText());
      for (int c = 0; c < module.claims().size(); c++) {
        ClaimUse claim = module.claims().get(c);
        jdbc.update(
            "INSERT INTO gxp_mlr_module_claim (item_id, version_no, module_ordinal, ordinal,"
                + " claim_id, text_used) VALUES (?, ?, ?, ?, ?, ?)",
            content.itemId(),
            content.version(),
            m,
            c,
            claim.claimId(),
            claim.textUsed());
      }
    }
  }

  @Override
  public Optional<StoredVersion> find(String itemId, int version) {
    return read("WHERE item_id = ? AND version_no = ?", itemId, version).stream().findFirst();
  }

  @Override
  public List<StoredVersion> versions(String itemId) {
    return read("WHERE item_id = ? ORDER BY version_no", itemId);
  }

  @Override
  public Optional<StoredVersion> lastApproved(String itemId) {
    List<StoredVersion> approved =
        read(
            "WHERE item_id = ? AND status IN ("
                + WAS_APPROVED.stream()
                    .map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(","))
                + ") ORDER BY version_no DESC",
            itemId);
    return approved.stream().findFirst();
  }

  @Override
  public void markApproved(String itemId, int version, String approvalCode, LocalDate expiresOn) {
    transaction.executeWithoutResult(
        status -> {
          lockItem(itemId);
          requireStatus(itemId, version, ContentStatus.IN_REVIEW);
          for (int old :
              jdbc.queryForList(
                  "SELECT version_no FROM gxp_mlr_content_version WHERE item_id = ? AND status = ?",
                  Integer.class,
                  itemId,
                  ContentStatus.APPROVED.name())) {
            changeStatus(
                itemId,
                old,
                ContentStatus.APPROVED,
                ContentStatus.REPLACED,
                "replaced by version " + version,
                EngineContext.actor(),
                null,
                null);
          }
          changeStatus(
              itemId,
              version,
              ContentStatus.IN_REVIEW,
              ContentStatus.APPROVED,
              null,
              EngineContext.actor(),
              approvalCode,
              expiresOn);
        });
  }

  @Override
  public void markWithdrawn(String itemId, String reason) {
    transaction.executeWithoutResult(
        status -> {
          lockItem(itemId);
          for (int approved :
              jdbc.queryForList(
                  "SELECT version_no FROM gxp_mlr_content_version WHERE item_id = ? AND status = ?",
                  Integer.class,
                  itemId,
                  ContentStatus.APPROVED.name())) {
            changeStatus(
                itemId,
                approved,
                ContentStatus.APPROVED,
                ContentStatus.WITHDRAWN,
                reason,
                EngineContext.actor(),
                null,
                null);
          }
        });
  }

  @Override
  public void markCancelled(String itemId, int version, String reason) {
    transaction.executeWithoutResult(
        status -> {
          lockItem(itemId);
          requireStatus(itemId, version, ContentStatus.IN_REVIEW);
          changeStatus(
              itemId,
              version,
              ContentStatus.IN_REVIEW,
              ContentStatus.CANCELLED,
              reason,
              EngineContext.actor(),
              null,
              null);
        });
  }

  @Override
  public List<String> approvedItemsUsingClaim(String claimId) {
    return jdbc.queryForList(
        "SELECT DISTINCT v.item_id FROM gxp_mlr_content_version v JOIN gxp_mlr_module_claim c"
            + " ON c.item_id = v.item_id AND c.version_no = v.version_no"
            + " WHERE v.status = ? AND c.claim_id = ? ORDER BY v.item_id",
        String.class,
        ContentStatus.APPROVED.name(),
        claimId);
  }

  /** What a version's status columns hold beyond {@link StoredVersion}: why, since when. */
  public record StatusDetails(
      int version, String statusReason, Instant statusChangedAt, Instant approvedAt) {}

  /** The status details of every version of the item, by version. */
  public Map<Integer, StatusDetails> statusDetails(String itemId) {
    Map<Integer, StatusDetails> details = new LinkedHashMap<>();
    jdbc.query(
        "SELECT version_no, status_reason, status_changed_at, approved_at"
            + " FROM gxp_mlr_content_version WHERE item_id = ? ORDER BY version_no",
        rs -> {
          details.put(
              rs.getInt("version_no"),
              new StatusDetails(
                  rs.getInt("version_no"),
                  rs.getString("status_reason"),
                  StoreTime.instant(rs, "status_changed_at"),
                  StoreTime.instant(rs, "approved_at")));
        },
        itemId);
    return details;
  }

  private void requireStatus(String itemId, int version, ContentStatus expected) {
    ContentStatus actual =
        find(itemId, version)
            .map(StoredVersion::status)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "there is no version " + version + " of content item " + itemId));
    if (actual != expected) {
      throw new IllegalStateException(
          "version "
              + version
              + " of "
              + itemId
              + " is "
              + actual
              + ", not "
              + expected
              + ": its status cannot change that way");
    }
  }

  private void changeStatus(
      String itemId,
      int version,
      ContentStatus from,
      ContentStatus to,
      String reason,
      String actor,
      String approvalCode,
      LocalDate expiresOn) {
    Instant now = StoreTime.now();
    int changed =
        to == ContentStatus.APPROVED
            ? jdbc.update(
                "UPDATE gxp_mlr_content_version SET status = ?, status_reason = ?,"
                    + " status_changed_at = ?, approval_code = ?, expires_on = ?, approved_at = ?"
                    + " WHERE item_id = ? AND version_no = ? AND status = ?",
                to.name(),
                reason,
                StoreTime.column(now),
                approvalCode,
                expiresOn,
                StoreTime.column(now),
                itemId,
                version,
                from.name())
            : jdbc.update(
                "UPDATE gxp_mlr_content_version SET status = ?, status_reason = ?,"
                    + " status_changed_at = ? WHERE item_id = ? AND version_no = ? AND status = ?",
                to.name(),
                reason,
                StoreTime.column(now),
                itemId,
                version,
                from.name());
    if (changed != 1) {
      throw new IllegalStateException(
          "version " + version + " of " + itemId + " is no longer " + from);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("itemId", itemId);
    details.put("version", version);
    details.put("from", from.name());
    details.put("to", to.name());
    details.put("reason", reason);
    if (to == ContentStatus.APPROVED) {
      details.put("approvalCode", approvalCode);
      details.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
    }
    auditTrail.record(
        AuditEvent.builder(AuditEventTypes.MLR_CONTENT_STATUS_CHANGED, actor)
            .businessKey(itemId)
            .processDefinitionKey(PROCESS)
            .details(details)
            .build());
  }

  private List<StoredVersion> read(String where, Object... args) {
    List<VersionRow> rows =
        jdbc.query(
            "SELECT item_id, version_no, title, product, markets, channel, audience,"
                + " submitted_by, submitted_at, content_hash, status, approval_code, expires_on"
                + " FROM gxp_mlr_content_version "
                + where,
            JdbcContentRepository::versionRow,
            args);
    List<StoredVersion> versions = new ArrayList<>();
    for (VersionRow row : rows) {
      versions.add(row.with(modules(row.itemId, row.version)));
    }
    return versions;
  }

  private List<ContentModule> modules(String itemId, int version) {
    Map<Integer, List<ClaimUse>> claims = new HashMap<>();
    jdbc.query(
        "SELECT module_ordinal, claim_id, text_used FROM gxp_mlr_module_claim"
            + " WHERE item_id = ? AND version_no = ? ORDER BY module_ordinal, ordinal",
        rs -> {
          claims
              .computeIfAbsent(rs.getInt(1), m -> new ArrayList<>())
              .add(new ClaimUse(rs.getString(2), rs.getString(3)));
        },
        itemId,
        version);
    return jdbc.query(
        "SELECT ordinal, module_id, module_type, module_text, preapproved_module_id,"
            + " preapproved_text FROM gxp_mlr_content_module WHERE item_id = ? AND version_no = ?"
            + " ORDER BY ordinal",
        (rs, n) ->
            new ContentModule(
                rs.getString("module_id"),
                ModuleType.valueOf(rs.getString("module_type")),
                rs.getString("module_text"),
                claims.getOrDefault(rs.getInt("ordinal"), List.of()),
                rs.getString("preapproved_module_id"),
                rs.getString("preapproved_text")),
        itemId,
        version);
  }

  private record VersionRow(
      String itemId,
      int version,
      String title,
      String product,
      Set<String> markets,
      Channel channel,
      Audience audience,
      String submittedBy,
      Instant submittedAt,
      String contentHash,
      ContentStatus status,
      String approvalCode,
      LocalDate expiresOn) {

    StoredVersion with(List<ContentModule> modules) {
      return new StoredVersion(
          new ContentVersion(itemId, version, title, product, markets, channel, audience, modules),
          submittedBy,
          submittedAt,
          contentHash,
          status,
          approvalCode,
          expiresOn);
    }
  }

  private static VersionRow versionRow(ResultSet rs, int row) throws SQLException {
    String markets = rs.getString("markets");
    return new VersionRow(
        rs.getString("item_id"),
        rs.getInt("version_no"),
        rs.getString("title"),
        rs.getString("product"),
        markets.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(markets.split(","))),
        Channel.ofCode(rs.getString("channel")),
        Audience.valueOf(rs.getString("audience")),
        rs.getString("submitted_by"),
        StoreTime.instant(rs, "submitted_at"),
        rs.getString("content_hash"),
        ContentStatus.valueOf(rs.getString("status")),
        rs.getString("approval_code"),
        StoreTime.date(rs, "expires_on"));
  }

  private static String nfc(String text) {
    return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
