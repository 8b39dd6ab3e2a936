package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ApprovedProduct;
import io.gxpflow.mlr.content.ApprovedProducts;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimReference;
import io.gxpflow.mlr.content.ClaimsLibrary;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.LibraryClaim;
import io.gxpflow.mlr.content.ModuleType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A small realistic world for the pre-check: Cardiozen (cardiozenib 250 mg tablets, one twice
 * daily, at most 750 mg a day), a competitor, and the claims library of Cardiozen.
 */
final class Examples {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  static final ApprovedProduct CARDIOZEN =
      new ApprovedProduct("Cardiozen", "cardiozenib", List.of("250 mg"), List.of("750 mg"));
  static final ApprovedProduct LIPOSTAT =
      new ApprovedProduct("Lipostat", "lipostatin", List.of("20 mg", "40 mg"), List.of());

  static final ApprovedProducts PRODUCTS = ApprovedProducts.of(CARDIOZEN, LIPOSTAT);

  static final LibraryClaim LDL_REDUCTION =
      new LibraryClaim(
          "CLM-001",
          "Cardiozen lowered LDL cholesterol by 48% at 12 weeks.",
          List.of("Cardiozen reduced LDL-C by 48% at week 12."),
          List.of(
              new ClaimReference(
                  "Miller et al. N Engl J Med 2025;392:1101-12",
                  "Table 2",
                  LocalDate.of(2028, 6, 30))),
          Set.of("US", "DE", "GB"),
          "Cardiozen");

  static final LibraryClaim ONCE_DAILY =
      new LibraryClaim(
          "CLM-002",
          "One tablet twice daily, with or without food.",
          List.of(),
          List.of(new ClaimReference("Cardiozen SmPC", "section 4.2", null)),
          Set.of("US", "DE", "GB", "FR"),
          "Cardiozen");

  static final LibraryClaim OLD_STUDY =
      new LibraryClaim(
          "CLM-003",
          "Cardiozen was well tolerated in the ZEN-1 study.",
          List.of(),
          List.of(
              new ClaimReference(
                  "ZEN-1 clinical study report", "p. 14", LocalDate.of(2026, 11, 30))),
          Set.of("US"),
          "Cardiozen");

  static final LibraryClaim LIPOSTAT_CLAIM =
      new LibraryClaim(
          "CLM-900",
          "Lipostat is taken once daily.",
          List.of(),
          List.of(new ClaimReference("Lipostat SmPC", "section 4.2", null)),
          Set.of("US", "DE", "GB", "FR"),
          "Lipostat");

  static final ClaimsLibrary LIBRARY =
      ClaimsLibrary.of(List.of(LDL_REDUCTION, ONCE_DAILY, OLD_STUDY, LIPOSTAT_CLAIM));

  static final String ISI_TEXT =
      "Important Safety Information: Cardiozen is contraindicated in patients with active liver"
          + " disease. Myalgia and raised transaminases were reported. See the full Prescribing"
          + " Information.";

  static final ContentModule ISI =
      new ContentModule("isi", ModuleType.ISI, ISI_TEXT, List.of(), "PM-ISI-7", ISI_TEXT);

  private Examples() {}

  static ContentVersion email(Set<String> markets, ContentModule... modules) {
    return version(Channel.EMAIL, Audience.HCP, markets, modules);
  }

  static ContentVersion version(
      Channel channel, Audience audience, Set<String> markets, ContentModule... modules) {
    return new ContentVersion(
        "MLR-2026-0042",
        1,
        "Cardiozen launch email",
        "Cardiozen",
        markets,
        channel,
        audience,
        List.of(modules));
  }

  static PrecheckContext context(ContentVersion content, PrecheckParameters parameters) {
    return new PrecheckContext(content, LIBRARY, PRODUCTS, TODAY, parameters);
  }
}
