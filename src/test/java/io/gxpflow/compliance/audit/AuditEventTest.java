package io.gxpflow.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  @Test
  void typeAndActorAreRequiredAndLengthsMatchTheTable() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuditEvent.builder(null, "quinn").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuditEvent.builder("SIGNATURE", " ").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuditEvent.builder("X".repeat(65), "quinn").build());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                AuditEvent.builder("SIGNATURE", "quinn").processInstanceId("p".repeat(65)).build());
  }

  @Test
  void detailsAreCopiedAndMayHoldNulls() {
    Map<String, Object> details = new HashMap<>();
    details.put("reason", null);
    AuditEvent event = AuditEvent.of(AuditEventTypes.SOD_VIOLATION, "carl", details);
    details.put("later", "change");

    assertThat(event.details()).containsOnlyKeys("reason");
    assertThat(AuditEvent.of("DEPLOYMENT", AuditEvent.SYSTEM, null).details()).isEmpty();
  }
}
