package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ApprovedProducts;
import io.gxpflow.mlr.content.ClaimsLibrary;
import io.gxpflow.mlr.content.ContentVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Step 1 of {@code mlr-review}, the automated pre-check of a content version: every rule's findings
 * and their score. The mechanics are here; what process owners decide comes from the {@link
 * PrecheckParameters}.
 */
public final class Precheck {

  private static final List<PrecheckRule> RULES =
      List.of(
          new ProhibitedPhraseRule(),
          new ClaimLibraryRule(),
          new FairBalanceRule(),
          new PreApprovedModuleRule(),
          new ProductConsistencyRule(),
          new EmailUnsubscribeRule());

  private final PrecheckParameters parameters;

  public Precheck(PrecheckParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  public PrecheckResult run(
      ContentVersion content, ClaimsLibrary library, ApprovedProducts products, LocalDate today) {
    PrecheckContext context = new PrecheckContext(content, library, products, today, parameters);
    List<Finding> findings = new ArrayList<>();
    for (PrecheckRule rule : RULES) {
      findings.addAll(rule.check(context));
    }
    Map<String, Integer> position =
        IntStream.range(0, content.modules().size())
            .boxed()
            .collect(
                Collectors.toMap(
                    i -> content.modules().get(i).id(), Function.identity(), (a, b) -> a));
    findings.sort(
        Comparator.comparing(
                (Finding f) -> f.moduleId() == null ? -1 : position.getOrDefault(f.moduleId(), -1))
            .thenComparing(f -> f.span() == null ? 0 : f.span().start())
            .thenComparing(Finding::rule));
    return new PrecheckResult(findings, PrecheckScore.of(findings, parameters));
  }
}
