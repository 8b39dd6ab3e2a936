package io.gxpflow.mlr.store;

import io.gxpflow.mlr.content.ApprovedProduct;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimReference;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.LibraryClaim;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.store.JdbcClaimsRepository.PreApprovedModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The demo's MLR world in one place (profile {@code demo}, seeded by {@link MlrDemoSeed}): two
 * products with their claims library (Cardiozen, as in the pre-check's tests, and Amoxicillin), a
 * competitor whose name the pre-check flags, the pre-approved modules (safety information per
 * product, a US one, dosing), and item {@code MLR-2026-0001} version 1, approved and published in
 * the simulated CRM ({@code simulator.CrmDemoContent}), so it can be revised and withdrawn at once.
 */
public final class MlrDemoData {

  public static final String CARDIOZEN = "Cardiozen";
  public static final String AMOXICILLIN = "Amoxicillin";

  public static final List<ApprovedProduct> PRODUCTS =
      List.of(
          new ApprovedProduct(CARDIOZEN, "cardiozenib", List.of("250 mg"), List.of("750 mg")),
          new ApprovedProduct(
              AMOXICILLIN, "amoxicillin", List.of("250 mg", "500 mg"), List.of("1 g", "1.5 g")),
          // the competitor: named in content, it is a comparison (product-other-named)
          new ApprovedProduct("Lipostat", "lipostatin", List.of("20 mg", "40 mg"), List.of()));

  public static final List<LibraryClaim> CLAIMS =
      List.of(
          claim(
              "CLM-001",
              CARDIOZEN,
              "Cardiozen lowered LDL cholesterol by 48% at 12 weeks.",
              List.of("Cardiozen reduced LDL-C by 48% at week 12."),
              List.of(
                  new ClaimReference(
                      "Miller et al. N Engl J Med 2025;392:1101-12",
                      "Table 2",
                      LocalDate.of(2028, 6, 30))),
              "US",
              "DE",
              "GB",
              "CH"),
          claim(
              "CLM-002",
              CARDIOZEN,
              "One tablet twice daily, with or without food.",
              List.of(),
              List.of(new ClaimReference("Cardiozen SmPC", "section 4.2", null)),
              "US",
              "DE",
              "GB",
              "FR",
              "CH"),
          // its only reference expired on 30 November 2026: the pre-check blocks it
          claim(
              "CLM-003",
              CARDIOZEN,
              "Cardiozen was well tolerated in the ZEN-1 study.",
              List.of(),
              List.of(
                  new ClaimReference(
                      "ZEN-1 clinical study report", "p. 14", LocalDate.of(2026, 11, 30))),
              "US"),
          claim(
              "CLM-004",
              CARDIOZEN,
              "Cardiozen reduced major cardiovascular events by 21% over 3 years.",
              List.of("21% fewer major cardiovascular events over 3 years with Cardiozen."),
              List.of(
                  new ClaimReference(
                      "ZEN-OUTCOMES, Lancet 2026;407:455-66",
                      "Figure 2",
                      LocalDate.of(2029, 12, 31)),
                  new ClaimReference("Cardiozen SmPC", "section 5.1", null)),
              "US",
              "DE",
              "GB"),
          claim(
              "CLM-005",
              CARDIOZEN,
              "Cardiozen has been studied in more than 12,000 patients.",
              List.of(),
              List.of(new ClaimReference("Cardiozen clinical overview", "section 2.5", null)),
              "US",
              "DE",
              "GB",
              "FR",
              "CH"),
          claim(
              "CLM-AMX-01",
              AMOXICILLIN,
              "Amoxicillin 500 mg three times daily is a recommended first-line treatment for"
                  + " community-acquired pneumonia in adults.",
              List.of("First-line treatment for adult community-acquired pneumonia."),
              List.of(
                  new ClaimReference(
                      "Swiss Society for Infectious Diseases, CAP guideline 2025",
                      "recommendation 3",
                      LocalDate.of(2028, 3, 31))),
              "CH",
              "DE",
              "GB"),
          claim(
              "CLM-AMX-02",
              AMOXICILLIN,
              "Amoxicillin is well absorbed after oral administration, with or without food.",
              List.of(),
              List.of(new ClaimReference("Amoxicillin SmPC", "section 5.2", null)),
              "CH",
              "DE",
              "GB",
              "FR"),
          claim(
              "CLM-AMX-03",
              AMOXICILLIN,
              "Clinical cure in 88% of adults with mild to moderate community-acquired pneumonia.",
              List.of(),
              List.of(
                  new ClaimReference(
                      "Ramos et al. Clin Infect Dis 2024;78:301-9",
                      "Table 3",
                      LocalDate.of(2029, 12, 31))),
              "CH",
              "DE"),
          claim(
              "CLM-AMX-04",
              AMOXICILLIN,
              "Treatment usually lasts 5 days.",
              List.of("A 5-day course is usually enough."),
              List.of(new ClaimReference("Amoxicillin SmPC", "section 4.2", null)),
              "CH",
              "DE",
              "GB",
              "FR"),
          claim(
              "CLM-AMX-05",
              AMOXICILLIN,
              "Available as 250 mg and 500 mg capsules.",
              List.of(),
              List.of(new ClaimReference("Amoxicillin SmPC", "section 2", null)),
              "CH",
              "DE",
              "GB",
              "FR"));

  static final String CARDIOZEN_ISI =
      "Important Safety Information: Cardiozen is contraindicated in patients with active liver"
          + " disease. Myalgia and raised transaminases were reported. See the full Prescribing"
          + " Information.";

  public static final List<PreApprovedModule> PRE_APPROVED_MODULES =
      List.of(
          new PreApprovedModule("PM-ISI-7", CARDIOZEN, ModuleType.ISI, CARDIOZEN_ISI),
          new PreApprovedModule(
              "PM-ISI-US-7",
              CARDIOZEN,
              ModuleType.ISI,
              "IMPORTANT SAFETY INFORMATION: Cardiozen is contraindicated in patients with active"
                  + " liver disease and in women who are pregnant or may become pregnant. Monitor"
                  + " liver enzymes before and during treatment. The most common adverse reactions"
                  + " (>2%) were myalgia, nausea and raised transaminases. Please see the full"
                  + " Prescribing Information."),
          new PreApprovedModule(
              "PM-CZ-DOSING",
              CARDIOZEN,
              ModuleType.BODY,
              "Take one 250 mg tablet twice daily, with or without food."),
          new PreApprovedModule(
              "PM-AMX-ISI",
              AMOXICILLIN,
              ModuleType.ISI,
              "Important safety information: Amoxicillin must not be given to patients allergic"
                  + " to penicillins. Serious allergic reactions, including anaphylaxis, have been"
                  + " reported. Diarrhoea may be a sign of Clostridioides difficile infection. See"
                  + " the Summary of Product Characteristics."),
          new PreApprovedModule(
              "PM-AMX-DOSING",
              AMOXICILLIN,
              ModuleType.BODY,
              "Adults: 500 mg three times daily, usually for 5 days."));

  /** The item the simulated CRM publishes ({@code CrmDemoContent}). */
  public static final String DEMO_ITEM = "MLR-2026-0001";

  public static final String DEMO_AUTHOR = "alice";

  /** The coordinator who keeps the claims library (mlr-coordinators). */
  public static final String DEMO_LIBRARIAN = "carl";

  public static final String DEMO_APPROVAL_CODE = "CH-AMX-2025-017";
  public static final LocalDate DEMO_EXPIRY = LocalDate.of(2027, 12, 31);

  public static final ContentDraft DEMO_CONTENT =
      new ContentDraft(
          "Amoxicillin 500 mg: dosing in community-acquired pneumonia",
          AMOXICILLIN,
          Set.of("CH"),
          Channel.EMAIL,
          Audience.HCP,
          List.of(
              new ModuleDraft(
                  "headline",
                  ModuleType.BODY,
                  "Community-acquired pneumonia in adults: dosing Amoxicillin 500 mg",
                  List.of(),
                  null),
              new ModuleDraft(
                  "efficacy",
                  ModuleType.BODY,
                  "Amoxicillin 500 mg three times daily is a recommended first-line treatment for"
                      + " community-acquired pneumonia in adults. Treatment usually lasts 5 days.",
                  List.of(
                      new ClaimUse(
                          "CLM-AMX-01",
                          "Amoxicillin 500 mg three times daily is a recommended first-line"
                              + " treatment for community-acquired pneumonia in adults."),
                      new ClaimUse("CLM-AMX-04", "Treatment usually lasts 5 days.")),
                  null),
              new ModuleDraft(
                  "dosing",
                  ModuleType.BODY,
                  "Adults: 500 mg three times daily, usually for 5 days.",
                  List.of(),
                  "PM-AMX-DOSING"),
              new ModuleDraft(
                  "safety",
                  ModuleType.ISI,
                  "Important safety information: Amoxicillin must not be given to patients"
                      + " allergic to penicillins. Serious allergic reactions, including"
                      + " anaphylaxis, have been reported. Diarrhoea may be a sign of"
                      + " Clostridioides difficile infection. See the Summary of Product"
                      + " Characteristics.",
                  List.of(),
                  "PM-AMX-ISI"),
              new ModuleDraft(
                  "footer",
                  ModuleType.BODY,
                  "You receive this email as a registered healthcare professional in Switzerland."
                      + " [Unsubscribe](https://hcp.example.com/unsubscribe)",
                  List.of(),
                  null)));

  private MlrDemoData() {}

  private static LibraryClaim claim(
      String id,
      String product,
      String text,
      List<String> variations,
      List<ClaimReference> references,
      String... markets) {
    return new LibraryClaim(id, text, variations, references, Set.of(markets), product);
  }
}
