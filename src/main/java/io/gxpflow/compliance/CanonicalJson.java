package io.gxpflow.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * The one canonical JSON of the project, over which every hash is computed: the audit chain's links
 * and the content a signature covers. Keys of every object sorted (at any depth), no whitespace,
 * UTF-8 text unescaped, {@code null} written, numbers as written ({@code 1.10} stays {@code 1.10}
 * when read back as text). Any tool that sorts keys and drops whitespace computes the same bytes
 * for the same plain values, e.g. Python's {@code json.dumps(value, sort_keys=True,
 * separators=(",", ":"), ensure_ascii=False)}.
 */
public final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // 1.10 stays 1.10: a double would print 1.1 and change the hash
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .addModule(new JavaTimeModule())
          .build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private CanonicalJson() {}

  /** The canonical text of a value (plain values, lists and maps, records). */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A JSON object back to plain values (floating-point numbers as {@code BigDecimal}); null for
   * {@code null}.
   */
  public static Map<String, Object> readObject(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, MAP);
  }

  /** SHA-256 hex of the canonical text of {@code value}. */
  public static String sha256(Object value) {
    return Sha256.hex(write(value));
  }
}
