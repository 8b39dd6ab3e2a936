package io.gxpflow.mlr.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentRecordsTest {

  @Test
  void aContentVersionIsImmutableAndNamesMarketsByTheirCode() {
    List<ContentModule> modules =
        new ArrayList<>(List.of(ContentModule.of("body", ModuleType.BODY, "Text.")));
    Set<String> markets = new HashSet<>(Set.of("us", " de "));
    ContentVersion version =
        new ContentVersion(
            "MLR-2026-0042",
            1,
            "Title",
            "Cardiozen",
            markets,
            Channel.EMAIL,
            Audience.HCP,
            modules);

    modules.clear();
    markets.clear();

    assertThat(version.modules()).hasSize(1);
    assertThat(version.markets()).containsExactlyInAnyOrder("US", "DE");
    assertThatThrownBy(() -> version.modules().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aPreApprovedModuleComesWithItsApprovedText() {
    assertThatThrownBy(
            () -> new ContentModule("m", ModuleType.BODY, "Text.", List.of(), "PM-1", null))
        .hasMessageContaining("approved text");
    assertThat(new ContentModule("m", ModuleType.BODY, "T", List.of(), "PM-1", "T").isPreApproved())
        .isTrue();
  }

  @Test
  void versionsStartAtOneAndChannelsHaveTheirCodes() {
    assertThatThrownBy(
            () ->
                new ContentVersion(
                    "MLR-1", 0, "T", "P", Set.of(), Channel.WEB, Audience.PATIENT, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Channel.ofCode("rep-detail")).isEqualTo(Channel.REP_DETAIL);
    assertThatThrownBy(() -> Channel.ofCode("fax")).hasMessageContaining("fax");
  }

  @Test
  void aClaimIsInTheLibraryOnce() {
    LibraryClaim claim =
        new LibraryClaim("CLM-1", "Text.", List.of(), List.of(), Set.of("gb"), "Cardiozen");

    assertThat(ClaimsLibrary.of(List.of(claim)).find("CLM-1")).contains(claim);
    assertThat(claim.markets()).containsExactly("GB");
    assertThatThrownBy(() -> ClaimsLibrary.of(List.of(claim, claim))).hasMessageContaining("twice");
  }
}
