package io.gxpflow.mlr.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The approved claims, by id. */
public record ClaimsLibrary(Map<String, LibraryClaim> claims) {

  public ClaimsLibrary {
    claims = Map.copyOf(claims);
  }

  public static ClaimsLibrary of(List<LibraryClaim> claims) {
    Map<String, LibraryClaim> byId = new LinkedHashMap<>();
    for (LibraryClaim claim : claims) {
      if (byId.put(claim.id(), claim) != null) {
        throw new IllegalArgumentException("claim " + claim.id() + " is in the library twice");
      }
    }
    return new ClaimsLibrary(byId);
  }

  public Optional<LibraryClaim> find(String claimId) {
    return Optional.ofNullable(claims.get(claimId));
  }
}
