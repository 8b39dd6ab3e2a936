package io.gxpflow.compliance;

import io.gxpflow.support.Fixtures;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * A three-step deviation (assessment by investigators, QA approval, QA closure signature) with forms,
 * segregation-of-duties and signature properties, deployed under the contract key {@code deviation-capa} so the
 * demo users' authorizations apply.
 */
final class ComplianceFixture {

  static final String[] RESOURCES = {"fixtures/compliance/deviation-capa.bpmn", "fixtures/compliance/assessment.form",
      "fixtures/compliance/approval.form", "fixtures/compliance/closure.form"};

  private ComplianceFixture() {}

  static Deployment deploy(RepositoryService repositoryService) {
    return Fixtures.deploy(repositoryService, RESOURCES);
  }
}
