package io.gxpflow.security;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, point 12: no variable of the project is stored with Java serialization. The real
 * deviation-capa, started as users and bridges start it (Tasklist's start form over REST, an MES
 * event); the stored bytes are read back from the engine's tables.
 */
@IntegrationTest
class VariableSerializationIT {

  /** The first bytes of every Java serialization stream. */
  static final byte[] JAVA_STREAM_MAGIC = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05};

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine processEngine;
  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeInstances() {
    for (String id : started) {
      // the job executor may be calling the QMS simulator for the instance right now: try again
      // then
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .ignoreException(OptimisticLockingException.class)
          .until(
              () -> {
                runtimeService.deleteProcessInstanceIfExists(
                    id, "test cleanup", true, true, true, true);
                return true;
              });
    }
  }

  @Test
  void affectedBatchNumbersFromTheStartFormAreJson() {
    ResponseEntity<String> response =
        new RestClientForUsers(rest)
            .post(
                "paul",
                "/engine-rest/process-definition/key/deviation-capa/submit-form",
                """
        {"variables": {"title": {"value": "Serialization check"}, "description": {"value": "Found during the line walk"},
          "occurredAt": {"value": "2026-11-21T22:15+00:00"}, "site": {"value": "Basel"},
          "product": {"value": "P-100"}, "affectedBatches": {"value": "B-2026-0043, b-2026-0044"},
          "category": {"value": "equipment"}, "containmentActions": {"value": "Line stopped"}}}""");
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);

    assertStoredAsJson(json(response).path("id").asText(), List.of("B-2026-0043", "B-2026-0044"));
  }

  @Test
  void affectedBatchNumbersFromAnMesEventAreJson() {
    ResponseEntity<String> response =
        new RestClientForUsers(rest)
            .post(
                "mes-bridge",
                "/api/events/deviations",
                "{\"eventId\": \"serialization-"
                    + UUID.randomUUID()
                    + "\", \"source\": \"MES\", \"title\": \"Excursion\","
                    + " \"description\": \"Granulation at 31 °C\", \"occurredAt\": \"2026-11-21T22:10:00+01:00\","
                    + " \"site\": \"Basel\", \"batchNumbers\": [\"B-2026-0043\"], \"category\": \"process\"}");
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);

    assertStoredAsJson(json(response).path("processInstanceId").asText(), List.of("B-2026-0043"));
  }

  @Test
  void theEngineStoresTheProjectsListsAndMapsAsJsonAndNothingJavaSerialized() {
    ProcessEngineConfigurationImpl engine =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(engine.getDefaultSerializationFormat()).isEqualTo("application/json");
    assertThat(engine.isJavaSerializationFormatEnabled()).isFalse();

    // what a delegate or a service of the project sets: plain Java lists and maps
    Deployment deployment =
        Fixtures.deploy(repositoryService, "fixtures/security/security-race.bpmn");
    try {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("batches", new ArrayList<>(List.of("B-1", "B-2")));
      variables.put("markets", new LinkedHashMap<>(Map.of("CH", 1)));
      String instance =
          runtimeService.startProcessInstanceByKey("security-race", variables).getId();
      started.add(instance);
      for (String name : variables.keySet()) {
        ObjectValue stored = runtimeService.getVariableTyped(instance, name, false);
        assertThat(stored.getSerializationDataFormat()).as(name).isEqualTo("application/json");
      }
      assertThat(runtimeService.getVariables(instance)).isEqualTo(variables);
    } finally {
      removeInstances();
      started.clear();
      Fixtures.undeploy(repositoryService, deployment);
    }

    // everything the engine holds now, from every test that ran before in this application
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_RU_VARIABLE where TYPE_ = 'serializable'", Long.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_HI_VARINST where VAR_TYPE_ = 'serializable'", Long.class))
        .isZero();
    assertThat(
            jdbc.queryForList(
                "select b.BYTES_ from ACT_GE_BYTEARRAY b where b.ID_ in"
                    + " (select BYTEARRAY_ID_ from ACT_RU_VARIABLE union select BYTEARRAY_ID_ from"
                    + " ACT_HI_VARINST union select BYTEARRAY_ID_ from ACT_HI_DETAIL)",
                byte[].class))
        .noneMatch(VariableSerializationIT::javaStream);
  }

  private static boolean javaStream(byte[] bytes) {
    return bytes != null
        && bytes.length >= 4
        && bytes[0] == JAVA_STREAM_MAGIC[0]
        && bytes[1] == JAVA_STREAM_MAGIC[1]
        && bytes[2] == JAVA_STREAM_MAGIC[2]
        && bytes[3] == JAVA_STREAM_MAGIC[3];
  }

  private void assertStoredAsJson(String instance, List<String> batches) {
    started.add(instance);
    ObjectValue affected = runtimeService.getVariableTyped(instance, "affectedBatchNumbers", false);
    assertThat(affected.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(runtimeService.getVariable(instance, "affectedBatchNumbers")).isEqualTo(batches);
    // every variable of the instance, as stored: no Java serializer, no Java stream in any byte
    // array
    assertThat(
            jdbc.queryForList(
                "select TYPE_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ?",
                String.class,
                instance))
        .isNotEmpty()
        .doesNotContain("serializable");
    List<byte[]> stored =
        jdbc.queryForList(
            "select b.BYTES_ from ACT_GE_BYTEARRAY b join ACT_RU_VARIABLE v on "
                + "v.BYTEARRAY_ID_ = b.ID_ where v.PROC_INST_ID_ = ?",
            byte[].class,
            instance);
    assertThat(stored).isNotEmpty().noneMatch(VariableSerializationIT::javaStream);
  }
}
