package io.gxpflow.mlr.review;

import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.diff.ModuleDiffer;
import io.gxpflow.mlr.diff.ModuleText;
import io.gxpflow.mlr.diff.VersionDiff;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Review what changed": a version against its base — the item's last approved version, or, while
 * nothing was approved yet, the version reviewed before it — and against the pre-approved modules
 * it reuses. The first version of an item has no base: every module is new.
 */
public record WhatChanged(Optional<StoredVersion> base, BaseKind baseKind, VersionDiff diff) {

  private static final Set<ContentStatus> WAS_APPROVED =
      EnumSet.of(ContentStatus.APPROVED, ContentStatus.REPLACED, ContentStatus.WITHDRAWN);

  public enum BaseKind {
    APPROVED,
    PREVIOUS,
    NONE
  }

  public static WhatChanged of(ContentRepository content, ContentVersion version) {
    Map<String, String> preApproved = preApprovedTexts(version);
    Optional<StoredVersion> approved = lastApprovedBefore(content, version);
    if (approved.isPresent()) {
      return new WhatChanged(
          approved, BaseKind.APPROVED, compare(approved.get(), version, preApproved));
    }
    Optional<StoredVersion> previous =
        version.version() > 1
            ? content.find(version.itemId(), version.version() - 1)
            : Optional.empty();
    if (previous.isPresent()) {
      return new WhatChanged(
          previous, BaseKind.PREVIOUS, compare(previous.get(), version, preApproved));
    }
    return new WhatChanged(
        Optional.empty(),
        BaseKind.NONE,
        ModuleDiffer.firstVersion(texts(version.modules()), preApproved));
  }

  /**
   * The last version approved before this one: a version that was itself approved (a renewal being
   * looked at later) is compared with what was approved before it, not with itself.
   */
  private static Optional<StoredVersion> lastApprovedBefore(
      ContentRepository content, ContentVersion version) {
    return content.versions(version.itemId()).stream()
        .filter(v -> v.content().version() < version.version())
        .filter(v -> WAS_APPROVED.contains(v.status()))
        .max(Comparator.comparingInt(v -> v.content().version()));
  }

  private static VersionDiff compare(
      StoredVersion base, ContentVersion version, Map<String, String> preApproved) {
    return ModuleDiffer.compare(
        texts(base.content().modules()), texts(version.modules()), preApproved);
  }

  static List<ModuleText> texts(List<ContentModule> modules) {
    return modules.stream()
        .map(m -> new ModuleText(m.id(), m.text(), m.preApprovedModuleId()))
        .toList();
  }

  /** A module taken from a pre-approved one carries its approved text (the store put it there). */
  public static Map<String, String> preApprovedTexts(ContentVersion version) {
    Map<String, String> texts = new HashMap<>();
    for (ContentModule module : version.modules()) {
      if (module.isPreApproved()) {
        texts.put(module.preApprovedModuleId(), module.preApprovedText());
      }
    }
    return texts;
  }
}
