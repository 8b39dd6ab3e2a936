package io.gxpflow.mlr.api;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.mlr.content.ClaimReference;
import io.gxpflow.mlr.content.LibraryClaim;
import io.gxpflow.mlr.store.JdbcClaimsRepository;
import io.gxpflow.mlr.store.JdbcClaimsRepository.ClaimExists;
import io.gxpflow.mlr.store.JdbcClaimsRepository.StoredClaim;
import io.gxpflow.mlr.store.JdbcClaimsRepository.Withdrawal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The claims library: read by authors and the MLR groups; claims added and withdrawn by the MLR
 * coordinators. A withdrawal takes the claim out of the library the pre-check reads and tells every
 * approved item that uses it ({@link ContentWithdrawal}).
 */
@RestController
@RequestMapping("/api/mlr/claims")
public class ClaimsController {

  static final String ID = "[A-Za-z0-9._-]{1,64}";
  static final String MARKET = "[A-Za-z]{2}";

  public record ReferenceRequest(
      @NotBlank(message = "is required") @Size(max = 1000) String source,
      @Size(max = 255) String anchor,
      @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be an ISO date such as 2027-12-31")
          String expiresOn) {}

  public record ClaimRequest(
      @NotNull(message = "is required")
          @Pattern(regexp = ID, message = "must be letters, digits, '.', '_' or '-', at most 64")
          String id,
      @NotBlank(message = "is required") @Size(max = 200) String product,
      @NotBlank(message = "is required") @Size(max = 4000) String approvedText,
      @Size(max = 20)
          List<@NotBlank(message = "must not be blank") @Size(max = 4000) String> variations,
      @NotEmpty(message = "a claim needs at least one reference") @Size(max = 20)
          List<@NotNull(message = "is required") @Valid ReferenceRequest> references,
      @NotEmpty(message = "a claim needs at least one market") @Size(max = 60)
          List<
                  @NotNull(message = "is required")
                  @Pattern(regexp = MARKET, message = "must be an ISO 3166 code such as CH") String>
              markets) {}

  public record WithdrawalRequest(
      @NotBlank(message = "is required") @Size(max = 4000) String reason) {}

  public record ReferenceView(String source, String anchor, LocalDate expiresOn) {}

  public record ClaimView(
      String id,
      String product,
      String approvedText,
      List<String> variations,
      List<ReferenceView> references,
      List<String> markets,
      String status,
      String addedBy,
      Instant addedAt,
      String withdrawnBy,
      Instant withdrawnAt,
      String withdrawalReason) {

    static ClaimView of(StoredClaim stored) {
      LibraryClaim claim = stored.claim();
      return new ClaimView(
          claim.id(),
          claim.product(),
          claim.approvedText(),
          claim.variations(),
          claim.references().stream()
              .map(r -> new ReferenceView(r.source(), r.anchor(), r.expiresOn()))
              .toList(),
          new TreeSet<>(claim.markets()).stream().toList(),
          stored.status(),
          stored.addedBy(),
          stored.addedAt(),
          stored.withdrawnBy(),
          stored.withdrawnAt(),
          stored.withdrawalReason());
    }
  }

  public record WithdrawalView(ClaimView claim, List<ContentWithdrawal.Notice> items) {}

  private final JdbcClaimsRepository claims;
  private final ContentWithdrawal withdrawal;

  public ClaimsController(JdbcClaimsRepository claims, ContentWithdrawal withdrawal) {
    this.claims = claims;
    this.withdrawal = withdrawal;
  }

  @GetMapping
  public List<ClaimView> all() {
    return claims.all().stream().map(ClaimView::of).toList();
  }

  @GetMapping("/{claimId}")
  public ClaimView one(@PathVariable String claimId) {
    return claims
        .find(claimId)
        .map(ClaimView::of)
        .orElseThrow(() -> MlrProblems.notFound("There is no claim " + claimId));
  }

  @PostMapping
  public ResponseEntity<ClaimView> add(
      @Valid @RequestBody ClaimRequest request, Authentication user) {
    List<FieldViolation> violations = new ArrayList<>();
    if (claims.products().find(request.product().strip()).isEmpty()) {
      violations.add(
          new FieldViolation("product", "is not a product whose approved data the library knows"));
    }
    List<ClaimReference> references = new ArrayList<>();
    for (int i = 0; i < request.references().size(); i++) {
      ReferenceRequest reference = request.references().get(i);
      LocalDate expiresOn = null;
      if (reference.expiresOn() != null) {
        try {
          expiresOn = LocalDate.parse(reference.expiresOn());
        } catch (DateTimeParseException e) {
          violations.add(
              new FieldViolation("references[" + i + "].expiresOn", "is not a calendar date"));
        }
      }
      references.add(
          new ClaimReference(
              reference.source().strip(),
              reference.anchor() == null || reference.anchor().isBlank()
                  ? null
                  : reference.anchor().strip(),
              expiresOn));
    }
    if (!violations.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          ProblemType.INVALID_REQUEST.problem(
              HttpStatus.BAD_REQUEST,
              ProblemType.INVALID_REQUEST.title()
                  + ": "
                  + violations.stream().map(v -> v.field() + " " + v.reason()).toList(),
              violations),
          null);
    }
    LibraryClaim claim =
        new LibraryClaim(
            request.id(),
            request.approvedText().strip(),
            Objects.requireNonNullElse(request.variations(), List.<String>of()).stream()
                .map(String::strip)
                .toList(),
            references,
            new HashSet<>(request.markets()),
            claims.products().find(request.product().strip()).orElseThrow().name());
    StoredClaim stored;
    try {
      stored = claims.add(claim, user.getName());
    } catch (ClaimExists exists) {
      throw MlrProblems.refused(HttpStatus.CONFLICT, exists.getMessage());
    }
    return ResponseEntity.created(URI.create("/api/mlr/claims/" + stored.claim().id()))
        .body(ClaimView.of(stored));
  }

  @PostMapping("/{claimId}/withdrawal")
  public WithdrawalView withdraw(
      @PathVariable String claimId,
      @Valid @RequestBody WithdrawalRequest request,
      Authentication user) {
    String reason = request.reason().strip();
    StoredClaim before =
        claims
            .find(claimId)
            .orElseThrow(() -> MlrProblems.notFound("There is no claim " + claimId));
    if (!before.active()) {
      throw MlrProblems.refused(
          HttpStatus.CONFLICT,
          "Claim " + claimId + " was withdrawn already (" + before.withdrawnAt() + ")");
    }
    Withdrawal done =
        claims
            .withdraw(claimId, reason, user.getName())
            .orElseThrow(() -> MlrProblems.notFound("There is no claim " + claimId));
    if (!done.withdrawnNow()) {
      // withdrawn by another request at the same moment: that one tells the items
      throw MlrProblems.refused(
          HttpStatus.CONFLICT, "Claim " + claimId + " was withdrawn at the same moment by another");
    }
    return new WithdrawalView(
        ClaimView.of(done.claim()), withdrawal.tellItemsUsing(claimId, reason, user.getName()));
  }
}
