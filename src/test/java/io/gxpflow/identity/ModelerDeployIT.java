package io.gxpflow.identity;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ModelerUpload;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Camunda Modeler's "Deploy" button, byte for byte what Modeler 5 sends: a multipart POST to {@code
 * /engine-rest/deployment/create} with {@code deployment-name}, {@code deployment-source=Camunda
 * Modeler}, {@code enable-duplicate-filtering=true} and the diagram as a part named after its file,
 * HTTP Basic.
 */
@IntegrationTest
class ModelerDeployIT {

  static final String DIAGRAM = "modeler-deploy-check.bpmn";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void removeDeployments() {
    repositoryService
        .createDeploymentQuery()
        .deploymentName("Modeler deploy check")
        .list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @Test
  void processOwnerDeploysFromModeler() {
    ResponseEntity<String> response = deployAsModeler(rest.withBasicAuth("olivia", "olivia"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode deployment = json(response);
    assertThat(deployment.path("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(deployment.path("deployedProcessDefinitions").findValuesAsText("key"))
        .containsExactly("modeler-deploy-check");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("modeler-deploy-check")
                .singleResult()
                .getDeploymentId())
        .isEqualTo(deployment.path("id").asText());
  }

  @Test
  void deployingTheSameDiagramTwiceCreatesNoNewVersion() {
    String first =
        json(deployAsModeler(rest.withBasicAuth("olivia", "olivia"))).path("id").asText();
    String second =
        json(deployAsModeler(rest.withBasicAuth("olivia", "olivia"))).path("id").asText();

    assertThat(second).isEqualTo(first);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("modeler-deploy-check")
                .count())
        .isOne();
  }

  @Test
  void contentAuthorMayNotDeploy() {
    ResponseEntity<String> response = deployAsModeler(rest.withBasicAuth("alice", "alice"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(response).path("type").asText()).isEqualTo("urn:gxpflow:problem:forbidden");
    assertThat(json(response).path("message").asText())
        .contains("alice")
        .doesNotContain("Exception");
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentName("Modeler deploy check")
                .count())
        .isZero();
  }

  @Test
  void operationsMayNotDeploy() {
    assertThat(deployAsModeler(rest.withBasicAuth("oscar", "oscar")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anonymousModelerGetsTheBasicChallenge() {
    ResponseEntity<String> response = deployAsModeler(rest);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void modelerConnectionCheckSucceedsForTheProcessOwner() {
    // Modeler's "Test connection" lists deployments before the first deploy
    assertThat(
            rest.withBasicAuth("olivia", "olivia")
                .getForEntity("/engine-rest/deployment?maxResults=0", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<String> deployAsModeler(TestRestTemplate client) {
    return ModelerUpload.deploy(
        client,
        "Modeler deploy check",
        DIAGRAM,
        new ClassPathResource("fixtures/modeler/" + DIAGRAM));
  }
}
