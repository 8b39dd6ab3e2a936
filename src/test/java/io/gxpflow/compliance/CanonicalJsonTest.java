package io.gxpflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical JSON an auditor recomputes outside Java: the same bytes, so the same SHA-256. */
class CanonicalJsonTest {

  @Test
  void isWhatPythonWritesWithSortedKeysAndNoWhitespace() {
    Map<String, Object> impact = new LinkedHashMap<>();
    impact.put("ratio", 1.1);
    impact.put("count", 2);
    impact.put("batches", List.of("B-1", "B-2"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("qaDecision", "approve");
    data.put("impact", impact);
    data.put("comment", "Prüfung ok – “fine”");
    Map<String, Object> signed = new HashMap<>();
    signed.put("taskName", "QA approval");
    signed.put("processInstanceId", null);
    signed.put("meaning", "Deviation closure approved");
    signed.put("data", data);
    signed.put("businessKey", "DEV-2026-0007");

    // python3: json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False), then
    // hashlib.sha256
    assertThat(CanonicalJson.write(signed))
        .isEqualTo(
            "{\"businessKey\":\"DEV-2026-0007\",\"data\":{\"comment\":"
                + "\"Prüfung ok – “fine”\",\"impact\":{\"batches\":[\"B-1\",\"B-2\"],\"count\":2,\"ratio\":1.1},"
                + "\"qaDecision\":\"approve\"},\"meaning\":\"Deviation closure approved\",\"processInstanceId\":null,"
                + "\"taskName\":\"QA approval\"}");
    assertThat(CanonicalJson.sha256(signed))
        .isEqualTo("07063be017455101476b19119290ec6bfe223971be906916519e68b9e28eafcc");
  }
}
