package io.gxpflow.mlr.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a new content version with the last approved one, module by module, and each module with
 * the pre-approved module it reuses. Deterministic: the same versions give the same result, so the
 * diff a reviewer saw can be reproduced for an audit.
 *
 * <ol>
 *   <li>Modules are matched by id. A new module whose id the approved version did not have, with
 *       exactly the (NFC) text of an approved module whose id is gone, is that module re-created
 *       under a new id: it is matched by text, marked {@code matchedByText}, and not reviewed
 *       again. Identical texts pair up in order. Only exact texts: a re-created module that was
 *       also edited is INSERTED, and the old one DELETED.
 *   <li>Of the matched modules, the longest run that kept its order ({@link Myers}) stayed in
 *       place; the others MOVED. A module inserted above another does not move it.
 *   <li>In place: UNCHANGED or CHANGED (with the word diff); moved: MOVED or MOVED_AND_CHANGED.
 *       Unmatched new modules are INSERTED (NEW when there is no approved version), unmatched
 *       approved modules DELETED.
 * </ol>
 */
public final class ModuleDiffer {

  private ModuleDiffer() {}

  /**
   * A version against the last approved version of the item.
   *
   * @param preApprovedTexts the approved text of each pre-approved module, by id; must hold at
   *     least the sources the version names
   */
  public static VersionDiff compare(
      List<ModuleText> lastApproved,
      List<ModuleText> version,
      Map<String, String> preApprovedTexts) {
    return diff(checked(lastApproved, "last approved version"), version, preApprovedTexts);
  }

  /** The first version of an item: nothing to compare with, so every module is NEW. */
  public static VersionDiff firstVersion(
      List<ModuleText> version, Map<String, String> preApprovedTexts) {
    return diff(null, version, preApprovedTexts);
  }

  private static VersionDiff diff(
      List<ModuleText> approved, List<ModuleText> version, Map<String, String> preApproved) {
    checked(version, "version");
    List<ModuleText> before = approved == null ? List.of() : approved;

    // 1. match: by id, then by exact text among what is left on both sides
    Map<Integer, Integer> approvedIndexOf = new HashMap<>(); // version index -> approved index
    Map<String, Integer> approvedById = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      approvedById.put(before.get(i).moduleId(), i);
    }
    Set<Integer> matchedApproved = new HashSet<>();
    for (int j = 0; j < version.size(); j++) {
      Integer i = approvedById.get(version.get(j).moduleId());
      if (i != null) {
        approvedIndexOf.put(j, i);
        matchedApproved.add(i);
      }
    }
    Map<String, Deque<Integer>> leftByText = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      if (!matchedApproved.contains(i)) {
        leftByText
            .computeIfAbsent(WordDiff.nfc(before.get(i).text()), text -> new ArrayDeque<>())
            .add(i);
      }
    }
    Set<Integer> matchedByText = new HashSet<>();
    for (int j = 0; j < version.size(); j++) {
      if (!approvedIndexOf.containsKey(j)) {
        Deque<Integer> same = leftByText.get(WordDiff.nfc(version.get(j).text()));
        if (same != null && !same.isEmpty()) {
          int i = same.poll();
          approvedIndexOf.put(j, i);
          matchedApproved.add(i);
          matchedByText.add(j);
        }
      }
    }

    // 2. which matched modules kept their order: the longest common subsequence of the pairs
    List<Integer> pairsInVersionOrder = new ArrayList<>(); // approved indexes, version order
    for (int j = 0; j < version.size(); j++) {
      if (approvedIndexOf.containsKey(j)) {
        pairsInVersionOrder.add(approvedIndexOf.get(j));
      }
    }
    int[] inApprovedOrder =
        pairsInVersionOrder.stream().mapToInt(Integer::intValue).sorted().toArray();
    int[] inVersionOrder = pairsInVersionOrder.stream().mapToInt(Integer::intValue).toArray();
    Set<Integer> inPlace = new HashSet<>(); // approved indexes
    int a = 0;
    int b = 0;
    for (Myers.Op op : Myers.diff(inApprovedOrder, inVersionOrder)) {
      switch (op) {
        case EQUAL -> {
          inPlace.add(inApprovedOrder[a++]);
          b++;
        }
        case DELETE -> a++;
        case INSERT -> b++;
      }
    }

    // 3. deleted modules, each after the nearest approved module before it that stayed in place
    Map<Integer, List<Integer>> deletedAfter = new LinkedHashMap<>(); // approved index or -1
    int anchor = -1;
    for (int i = 0; i < before.size(); i++) {
      if (!matchedApproved.contains(i)) {
        deletedAfter.computeIfAbsent(anchor, key -> new ArrayList<>()).add(i);
      } else if (inPlace.contains(i)) {
        anchor = i;
      }
    }

    List<ModuleDiff> modules = new ArrayList<>();
    addDeleted(modules, before, deletedAfter.get(-1));
    for (int j = 0; j < version.size(); j++) {
      ModuleText module = version.get(j);
      ReuseCheck reuse = reuse(module, preApproved);
      Integer i = approvedIndexOf.get(j);
      if (i == null) {
        ModuleChange change = approved == null ? ModuleChange.NEW : ModuleChange.INSERTED;
        modules.add(
            new ModuleDiff(
                module.moduleId(),
                change,
                null,
                false,
                j + 1,
                null,
                WordDiff.nfc(module.text()),
                List.of(),
                reuse,
                reuse.status() != ReuseStatus.UNCHANGED));
        continue;
      }
      ModuleText old = before.get(i);
      String oldText = WordDiff.nfc(old.text());
      String text = WordDiff.nfc(module.text());
      boolean same = oldText.equals(text);
      boolean moved = !inPlace.contains(i);
      ModuleChange change =
          same
              ? (moved ? ModuleChange.MOVED : ModuleChange.UNCHANGED)
              : (moved ? ModuleChange.MOVED_AND_CHANGED : ModuleChange.CHANGED);
      modules.add(
          new ModuleDiff(
              module.moduleId(),
              change,
              old.moduleId(),
              matchedByText.contains(j),
              j + 1,
              i + 1,
              text,
              same ? List.of() : WordDiff.between(oldText, text),
              reuse,
              change != ModuleChange.UNCHANGED && reuse.status() != ReuseStatus.UNCHANGED));
      if (inPlace.contains(i)) {
        addDeleted(modules, before, deletedAfter.get(i));
      }
    }
    return result(approved == null, modules);
  }

  private static void addDeleted(
      List<ModuleDiff> modules, List<ModuleText> approved, List<Integer> deleted) {
    if (deleted == null) {
      return;
    }
    for (int i : deleted) {
      ModuleText old = approved.get(i);
      modules.add(
          new ModuleDiff(
              old.moduleId(),
              ModuleChange.DELETED,
              old.moduleId(),
              false,
              null,
              i + 1,
              WordDiff.nfc(old.text()),
              List.of(),
              ReuseCheck.NOT_REUSED,
              true));
    }
  }

  private static ReuseCheck reuse(ModuleText module, Map<String, String> preApproved) {
    String source = module.sourceModuleId();
    if (source == null) {
      return ReuseCheck.NOT_REUSED;
    }
    String approvedText = preApproved.get(source);
    if (approvedText == null) {
      return new ReuseCheck(source, ReuseStatus.SOURCE_NOT_FOUND, List.of());
    }
    String approved = WordDiff.nfc(approvedText);
    String text = WordDiff.nfc(module.text());
    return approved.equals(text)
        ? new ReuseCheck(source, ReuseStatus.UNCHANGED, List.of())
        : new ReuseCheck(source, ReuseStatus.CHANGED, WordDiff.between(approved, text));
  }

  private static VersionDiff result(boolean firstVersion, List<ModuleDiff> modules) {
    Map<ModuleChange, Integer> counts = new EnumMap<>(ModuleChange.class);
    for (ModuleChange change : ModuleChange.values()) {
      counts.put(change, 0);
    }
    int toReview = 0;
    int inVersion = 0;
    Map<ReuseStatus, Integer> reuse = new EnumMap<>(ReuseStatus.class);
    for (ModuleDiff module : modules) {
      counts.merge(module.change(), 1, Integer::sum);
      toReview += module.reviewRequired() ? 1 : 0;
      if (module.change() != ModuleChange.DELETED) {
        inVersion++;
        reuse.merge(module.reuse().status(), 1, Integer::sum);
      }
    }
    return new VersionDiff(
        firstVersion,
        modules,
        counts,
        toReview,
        ReuseRate.of(
            inVersion,
            reuse.getOrDefault(ReuseStatus.UNCHANGED, 0),
            reuse.getOrDefault(ReuseStatus.CHANGED, 0),
            reuse.getOrDefault(ReuseStatus.SOURCE_NOT_FOUND, 0)));
  }

  /** Not null, no duplicate ids: a module id names one module of a version. */
  private static List<ModuleText> checked(List<ModuleText> modules, String what) {
    if (modules == null) {
      throw new IllegalArgumentException("the " + what + " is missing");
    }
    Set<String> ids = new HashSet<>();
    for (ModuleText module : modules) {
      if (module == null) {
        throw new IllegalArgumentException("the " + what + " has an empty module");
      }
      if (!ids.add(module.moduleId())) {
        throw new IllegalArgumentException(
            "the " + what + " has module " + module.moduleId() + " twice");
      }
    }
    return modules;
  }
}
