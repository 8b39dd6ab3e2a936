package io.gxpflow.mlr.content;

import java.util.List;
import java.util.Objects;

/**
 * A product's approved data as promotional text may state it: the brand name (the item's {@code
 * product}), the generic name (INN), the approved strengths ({@code "250 mg"}) and the approved
 * doses that are amounts in their own right ({@code "500 mg"} twice daily, {@code "1 g"} a day).
 */
public record ApprovedProduct(
    String name, String genericName, List<String> strengths, List<String> doses) {

  public ApprovedProduct {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(genericName, "genericName");
    strengths = List.copyOf(strengths);
    doses = List.copyOf(doses);
  }
}
