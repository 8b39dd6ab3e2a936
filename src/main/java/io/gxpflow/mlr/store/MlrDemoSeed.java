package io.gxpflow.mlr.store;

import io.gxpflow.mlr.content.ApprovedProduct;
import io.gxpflow.mlr.content.LibraryClaim;
import io.gxpflow.mlr.store.JdbcClaimsRepository.PreApprovedModule;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds {@link MlrDemoData} in the demo profile: each product, claim, pre-approved module and the
 * approved demo item only when missing, so a demo's withdrawals and new versions survive a restart
 * (and a claim a coordinator withdrew stays withdrawn). Through the repositories, so the seed is
 * audited like any other write.
 */
@Component
@Profile("demo")
public class MlrDemoSeed implements ApplicationRunner {

  private final JdbcClaimsRepository claims;
  private final JdbcContentRepository content;
  private final TransactionTemplate transaction;

  public MlrDemoSeed(
      JdbcClaimsRepository claims,
      JdbcContentRepository content,
      PlatformTransactionManager transactionManager) {
    this.claims = claims;
    this.content = content;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public void run(ApplicationArguments args) {
    transaction.executeWithoutResult(status -> seed());
  }

  void seed() {
    for (ApprovedProduct product : MlrDemoData.PRODUCTS) {
      if (claims.products().find(product.name()).isEmpty()) {
        claims.addProduct(product);
      }
    }
    for (PreApprovedModule module : MlrDemoData.PRE_APPROVED_MODULES) {
      if (claims.preApprovedModule(module.id()).isEmpty()) {
        claims.addPreApprovedModule(module);
      }
    }
    for (LibraryClaim claim : MlrDemoData.CLAIMS) {
      if (claims.find(claim.id()).isEmpty()) {
        claims.add(claim, MlrDemoData.DEMO_LIBRARIAN);
      }
    }
    if (content.versions(MlrDemoData.DEMO_ITEM).isEmpty()) {
      content.submitNewItem(
          MlrDemoData.DEMO_ITEM, MlrDemoData.DEMO_CONTENT, MlrDemoData.DEMO_AUTHOR);
      content.markApproved(
          MlrDemoData.DEMO_ITEM, 1, MlrDemoData.DEMO_APPROVAL_CODE, MlrDemoData.DEMO_EXPIRY);
    }
  }
}
