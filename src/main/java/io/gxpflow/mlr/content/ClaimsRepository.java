package io.gxpflow.mlr.content;

import java.util.Collection;
import java.util.Map;

/**
 * The reference data the pre-check and the diff read: the claims library (active claims only), the
 * products' approved data and the pre-approved modules.
 */
public interface ClaimsRepository {

  /** The active claims (a withdrawn claim is not in it, so content using it is refused). */
  ClaimsLibrary library();

  ApprovedProducts products();

  /** The approved text of each of these pre-approved modules that exists, by id. */
  Map<String, String> preApprovedTexts(Collection<String> moduleIds);
}
