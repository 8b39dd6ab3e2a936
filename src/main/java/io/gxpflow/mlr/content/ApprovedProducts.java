package io.gxpflow.mlr.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The products whose approved data the pre-check knows. */
public record ApprovedProducts(List<ApprovedProduct> products) {

  public ApprovedProducts {
    products = List.copyOf(products);
  }

  public static ApprovedProducts of(ApprovedProduct... products) {
    return new ApprovedProducts(List.of(products));
  }

  /** By brand name, ignoring case. */
  public Optional<ApprovedProduct> find(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return products.stream()
        .filter(product -> product.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }
}
