package io.gxpflow.mlr.store;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.mlr.content.ApprovedProduct;
import io.gxpflow.mlr.content.ApprovedProducts;
import io.gxpflow.mlr.content.ClaimReference;
import io.gxpflow.mlr.content.ClaimsLibrary;
import io.gxpflow.mlr.content.ClaimsRepository;
import io.gxpflow.mlr.content.LibraryClaim;
import io.gxpflow.mlr.content.ModuleType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ClaimsRepository} in {@code gxp_mlr_claim*}, {@code gxp_mlr_product*} and {@code
 * gxp_mlr_preapproved_module}; also the claims library's own writes (the claims API): adding a
 * claim ({@code MLR_CLAIM_ADDED}) and withdrawing one ({@code MLR_CLAIM_WITHDRAWN}), each audited
 * in its transaction. A claim's text, variations, references and markets never change once added: a
 * changed claim is a new claim.
 */
@Component
public class JdbcClaimsRepository implements ClaimsRepository {

  public static final String ACTIVE = "ACTIVE";
  public static final String WITHDRAWN = "WITHDRAWN";

  private final JdbcTemplate jdbc;
  private final AuditTrail auditTrail;
  private final TransactionTemplate transaction;

  public JdbcClaimsRepository(
      JdbcTemplate jdbc, AuditTrail auditTrail, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.auditTrail = auditTrail;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** A claim of the library as it stands: active or withdrawn, by whom and when. */
  public record StoredClaim(
      LibraryClaim claim,
      String status,
      String addedBy,
      Instant addedAt,
      String withdrawnBy,
      Instant withdrawnAt,
      String withdrawalReason) {

    public boolean active() {
      return ACTIVE.equals(status);
    }
  }

  /** A claim id that is in the library already (active or withdrawn: ids are never reused). */
  public static class ClaimExists extends RuntimeException {
    public ClaimExists(String claimId) {
      super(
          "claim " + claimId + " is in the claims library already; a changed claim gets a new id");
    }
  }

  /** A pre-approved module (id, product, type, approved text). */
  public record PreApprovedModule(String id, String product, ModuleType type, String text) {}

  @Override
  public ClaimsLibrary library() {
    return ClaimsLibrary.of(
        claims("WHERE status = ?", ACTIVE).stream().map(StoredClaim::claim).toList());
  }

  /** Every claim of the library, active and withdrawn, by id. */
  public List<StoredClaim> all() {
    return claims("");
  }

  public Optional<StoredClaim> find(String claimId) {
    return claims("WHERE claim_id = ?", claimId).stream().findFirst();
  }

  /** Adds an approved claim; {@link ClaimExists} when its id is taken. */
  public StoredClaim add(LibraryClaim claim, String addedBy) {
    LibraryClaim stored = nfc(claim);
    return transaction.execute(
        status -> {
          if (!jdbc.queryForList(
                  "SELECT claim_id FROM gxp_mlr_claim WHERE claim_id = ?",
                  String.class,
                  stored.id())
              .isEmpty()) {
            throw new ClaimExists(stored.id());
          }
          Instant now = StoreTime.now();
          try {
            jdbc.update(
                "INSERT INTO gxp_mlr_claim (claim_id, product, approved_text, status, added_by,"
                    + " added_at) VALUES (?, ?, ?, ?, ?, ?)",
                stored.id(),
                stored.product(),
                stored.approvedText(),
                ACTIVE,
                addedBy,
                StoreTime.column(now));
          } catch (DuplicateKeyException sameMoment) {
            throw new ClaimExists(stored.id());
          }
          for (int i = 0; i < stored.variations().size(); i++) {
            jdbc.update(
                "INSERT INTO gxp_mlr_claim_variation (claim_id, ordinal, variation_text)"
                    + " VALUES (?, ?, ?)",
                stored.id(),
                i,
                stored.variations().get(i));
          }
          for (int i = 0; i < stored.references().size(); i++) {
            ClaimReference reference = stored.references().get(i);
            jdbc.update(
                "INSERT INTO gxp_mlr_claim_reference (claim_id, ordinal, source, anchor,"
                    + " expires_on) VALUES (?, ?, ?, ?, ?)",
                stored.id(),
                i,
                reference.source(),
                reference.anchor(),
                reference.expiresOn());
          }
          for (String market : new TreeSet<>(stored.markets())) {
            jdbc.update(
                "INSERT INTO gxp_mlr_claim_market (claim_id, market) VALUES (?, ?)",
                stored.id(),
                market);
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("claimId", stored.id());
          details.put("product", stored.product());
          details.put("approvedText", stored.approvedText());
          details.put("variations", stored.variations());
          details.put(
              "references",
              stored.references().stream()
                  .map(
                      r -> {
                        Map<String, Object> ref = new LinkedHashMap<>();
                        ref.put("source", r.source());
                        ref.put("anchor", r.anchor());
                        ref.put(
                            "expiresOn", r.expiresOn() == null ? null : r.expiresOn().toString());
                        return ref;
                      })
                  .toList());
          details.put("markets", new TreeSet<>(stored.markets()).stream().toList());
          auditTrail.record(AuditEvent.of(AuditEventTypes.MLR_CLAIM_ADDED, addedBy, details));
          return find(stored.id()).orElseThrow();
        });
  }

  /**
   * A withdrawal's outcome: the claim, and whether this call withdrew it (false: it was already).
   */
  public record Withdrawal(StoredClaim claim, boolean withdrawnNow) {}

  /**
   * Withdraws an active claim: it leaves the library the pre-check reads. Empty when there is no
   * such claim; {@code withdrawnNow} false when it was withdrawn already (nothing changes then).
   * The claim's row is locked, so of two withdrawals at the same moment one withdraws.
   */
  public Optional<Withdrawal> withdraw(String claimId, String reason, String withdrawnBy) {
    return transaction.execute(
        status -> {
          List<String> current =
              jdbc.queryForList(
                  "SELECT status FROM gxp_mlr_claim WHERE claim_id = ? FOR UPDATE",
                  String.class,
                  claimId);
          if (current.isEmpty()) {
            return Optional.empty();
          }
          if (!ACTIVE.equals(current.get(0))) {
            return find(claimId).map(claim -> new Withdrawal(claim, false));
          }
          jdbc.update(
              "UPDATE gxp_mlr_claim SET status = ?, withdrawn_by = ?, withdrawn_at = ?,"
                  + " withdrawal_reason = ? WHERE claim_id = ?",
              WITHDRAWN,
              withdrawnBy,
              StoreTime.column(StoreTime.now()),
              reason,
              claimId);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("claimId", claimId);
          details.put("reason", reason);
          // the approved items it takes down with it (the API then tells their reviews)
          details.put(
              "approvedItems",
              jdbc.queryForList(
                  "SELECT DISTINCT v.item_id FROM gxp_mlr_content_version v JOIN"
                      + " gxp_mlr_module_claim c ON c.item_id = v.item_id AND c.version_no ="
                      + " v.version_no WHERE v.status = 'APPROVED' AND c.claim_id = ?"
                      + " ORDER BY v.item_id",
                  String.class,
                  claimId));
          auditTrail.record(
              AuditEvent.of(AuditEventTypes.MLR_CLAIM_WITHDRAWN, withdrawnBy, details));
          return find(claimId).map(claim -> new Withdrawal(claim, true));
        });
  }

  @Override
  public ApprovedProducts products() {
    Map<String, List<String>> strengths = new HashMap<>();
    Map<String, List<String>> doses = new HashMap<>();
    jdbc.query(
        "SELECT product, kind, amount FROM gxp_mlr_product_amount ORDER BY product, kind, ordinal",
        rs -> {
          (rs.getString("kind").equals("DOSE") ? doses : strengths)
              .computeIfAbsent(rs.getString("product"), p -> new ArrayList<>())
              .add(rs.getString("amount"));
        });
    return new ApprovedProducts(
        jdbc.query(
            "SELECT product_name, generic_name FROM gxp_mlr_product ORDER BY product_name",
            (rs, n) ->
                new ApprovedProduct(
                    rs.getString(1),
                    rs.getString(2),
                    strengths.getOrDefault(rs.getString(1), List.of()),
                    doses.getOrDefault(rs.getString(1), List.of()))));
  }

  /** Adds a product's approved data (reference data: the demo seed, a data migration). */
  public void addProduct(ApprovedProduct product) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.update(
              "INSERT INTO gxp_mlr_product (product_name, generic_name) VALUES (?, ?)",
              product.name(),
              product.genericName());
          amounts(product.name(), "STRENGTH", product.strengths());
          amounts(product.name(), "DOSE", product.doses());
        });
  }

  private void amounts(String product, String kind, List<String> amounts) {
    for (int i = 0; i < amounts.size(); i++) {
      jdbc.update(
          "INSERT INTO gxp_mlr_product_amount (product, kind, ordinal, amount) VALUES (?, ?, ?, ?)",
          product,
          kind,
          i,
          amounts.get(i));
    }
  }

  @Override
  public Map<String, String> preApprovedTexts(Collection<String> moduleIds) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String id : new TreeSet<>(moduleIds)) {
      preApprovedModule(id).ifPresent(module -> texts.put(id, module.text()));
    }
    return texts;
  }

  public Optional<PreApprovedModule> preApprovedModule(String id) {
    return jdbc
        .query(
            "SELECT module_id, product, module_type, module_text FROM gxp_mlr_preapproved_module"
                + " WHERE module_id = ?",
            JdbcClaimsRepository::module,
            id)
        .stream()
        .findFirst();
  }

  public List<PreApprovedModule> preApprovedModules() {
    return jdbc.query(
        "SELECT module_id, product, module_type, module_text FROM gxp_mlr_preapproved_module"
            + " ORDER BY module_id",
        JdbcClaimsRepository::module);
  }

  /** Adds a pre-approved module (reference data: the demo seed, a data migration). */
  public void addPreApprovedModule(PreApprovedModule module) {
    jdbc.update(
        "INSERT INTO gxp_mlr_preapproved_module (module_id, product, module_type, module_text)"
            + " VALUES (?, ?, ?, ?)",
        module.id(),
        module.product(),
        module.type().name(),
        Normalizer.normalize(module.text(), Normalizer.Form.NFC));
  }

  private static PreApprovedModule module(ResultSet rs, int row) throws SQLException {
    return new PreApprovedModule(
        rs.getString("module_id"),
        rs.getString("product"),
        ModuleType.valueOf(rs.getString("module_type")),
        rs.getString("module_text"));
  }

  private List<StoredClaim> claims(String where, Object... args) {
    Map<String, List<String>> variations = new HashMap<>();
    Map<String, List<ClaimReference>> references = new HashMap<>();
    Map<String, List<String>> markets = new HashMap<>();
    jdbc.query(
        "SELECT claim_id, variation_text FROM gxp_mlr_claim_variation ORDER BY claim_id, ordinal",
        rs -> {
          variations.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(rs.getString(2));
        });
    jdbc.query(
        "SELECT claim_id, source, anchor, expires_on FROM gxp_mlr_claim_reference"
            + " ORDER BY claim_id, ordinal",
        rs -> {
          references
              .computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
              .add(
                  new ClaimReference(
                      rs.getString(2), rs.getString(3), StoreTime.date(rs, "expires_on")));
        });
    jdbc.query(
        "SELECT claim_id, market FROM gxp_mlr_claim_market ORDER BY claim_id, market",
        rs -> {
          markets.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(rs.getString(2));
        });
    return jdbc.query(
        "SELECT claim_id, product, approved_text, status, added_by, added_at, withdrawn_by,"
            + " withdrawn_at, withdrawal_reason FROM gxp_mlr_claim "
            + where
            + " ORDER BY claim_id",
        (rs, n) -> {
          String id = rs.getString("claim_id");
          return new StoredClaim(
              new LibraryClaim(
                  id,
                  rs.getString("approved_text"),
                  variations.getOrDefault(id, List.of()),
                  references.getOrDefault(id, List.of()),
                  new TreeSet<>(markets.getOrDefault(id, List.of())),
                  rs.getString("product")),
              rs.getString("status"),
              rs.getString("added_by"),
              StoreTime.instant(rs, "added_at"),
              rs.getString("withdrawn_by"),
              StoreTime.instant(rs, "withdrawn_at"),
              rs.getString("withdrawal_reason"));
        },
        args);
  }

  private static LibraryClaim nfc(LibraryClaim claim) {
    return new LibraryClaim(
        nfc(claim.id()),
        nfc(claim.approvedText()),
        claim.variations().stream().map(JdbcClaimsRepository::nfc).toList(),
        claim.references().stream()
            .map(r -> new ClaimReference(nfc(r.source()), nfc(r.anchor()), r.expiresOn()))
            .toList(),
        claim.markets(),
        nfc(claim.product()));
  }

  private static String nfc(String text) {
    return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
