package io.gxpflow.mlr.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
   * @param preApprovedTexts the approved text of each pre-approved module, by id: at least those
   *     the version names as sources (a source missing here is SOURCE_NOT_FOUND)
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
    if (preApproved == null) {
      throw new IllegalArgumentException("the pre-approved texts are missing (empty: none)");
    }
    List<ModuleText> before = approved == null ? List.of() : approved;
    int[] pairOf = new int[version.size()]; // the approved index of each module, -1 for none
    boolean[] byText = new boolean[version.size()];
    match(before, version, pairOf, byText);
    boolean[] inPlace = inPlace(pairOf, before.size());
    Map<Integer, List<Integer>> deletedAfter = deletedAfter(pairOf, inPlace);

    List<ModuleDiff> modules = new ArrayList<>();
    addDeleted(modules, before, deletedAfter.get(-1));
    for (int j = 0; j < version.size(); j++) {
      ModuleText module = version.get(j);
      ReuseCheck reuse = reuse(module, preApproved);
      int i = pairOf[j];
      if (i < 0) {
        modules.add(
            new ModuleDiff(
                module.moduleId(),
                approved == null ? ModuleChange.NEW : ModuleChange.INSERTED,
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
      String oldText = WordDiff.nfc(before.get(i).text());
      String text = WordDiff.nfc(module.text());
      boolean same = oldText.equals(text);
      ModuleChange change =
          same
              ? (inPlace[i] ? ModuleChange.UNCHANGED : ModuleChange.MOVED)
              : (inPlace[i] ? ModuleChange.CHANGED : ModuleChange.MOVED_AND_CHANGED);
      modules.add(
          new ModuleDiff(
              module.moduleId(),
              change,
              before.get(i).moduleId(),
              byText[j],
              j + 1,
              i + 1,
              text,
              same ? List.of() : WordDiff.between(oldText, text),
              reuse,
              change != ModuleChange.UNCHANGED && reuse.status() != ReuseStatus.UNCHANGED));
      if (inPlace[i]) {
        addDeleted(modules, before, deletedAfter.get(i));
      }
    }
    return result(approved == null, modules);
  }

  /**
   * Pairs each module of the version with one of the approved version: by id, then, among the
   * modules left unpaired on both sides, by exact text in order.
   */
  private static void match(
      List<ModuleText> approved, List<ModuleText> version, int[] pairOf, boolean[] byText) {
    Map<String, Integer> approvedById = new HashMap<>();
    for (int i = 0; i < approved.size(); i++) {
      approvedById.put(approved.get(i).moduleId(), i);
    }
    Set<Integer> paired = new HashSet<>();
    for (int j = 0; j < version.size(); j++) {
      pairOf[j] = approvedById.getOrDefault(version.get(j).moduleId(), -1);
      if (pairOf[j] >= 0) {
        paired.add(pairOf[j]);
      }
    }
    Map<String, Deque<Integer>> leftByText = new HashMap<>();
    for (int i = 0; i < approved.size(); i++) {
      if (!paired.contains(i)) {
        leftByText
            .computeIfAbsent(WordDiff.nfc(approved.get(i).text()), text -> new ArrayDeque<>())
            .add(i);
      }
    }
    for (int j = 0; j < version.size(); j++) {
      Deque<Integer> sameText = leftByText.get(WordDiff.nfc(version.get(j).text()));
      if (pairOf[j] < 0 && sameText != null && !sameText.isEmpty()) {
        pairOf[j] = sameText.poll();
        byText[j] = true;
      }
    }
  }

  /**
   * Which approved modules stayed in place: those on a longest common subsequence of the paired
   * modules in approved order and in the version's order. Indexed by approved index.
   */
  private static boolean[] inPlace(int[] pairOf, int approvedSize) {
    int[] inVersionOrder = Arrays.stream(pairOf).filter(i -> i >= 0).toArray();
    int[] inApprovedOrder = Arrays.stream(inVersionOrder).sorted().toArray();
    boolean[] inPlace = new boolean[approvedSize];
    int a = 0;
    for (Myers.Op op : Myers.diff(inApprovedOrder, inVersionOrder)) {
      if (op == Myers.Op.EQUAL) {
        inPlace[inApprovedOrder[a]] = true;
      }
      if (op != Myers.Op.INSERT) {
        a++;
      }
    }
    return inPlace;
  }

  /**
   * The unpaired approved modules, each under the nearest approved module before it that stayed in
   * place (-1: none, at the top), in approved order.
   */
  private static Map<Integer, List<Integer>> deletedAfter(int[] pairOf, boolean[] inPlace) {
    boolean[] paired = new boolean[inPlace.length];
    for (int i : pairOf) {
      if (i >= 0) {
        paired[i] = true;
      }
    }
    Map<Integer, List<Integer>> deletedAfter = new HashMap<>();
    int anchor = -1;
    for (int i = 0; i < inPlace.length; i++) {
      if (!paired[i]) {
        deletedAfter.computeIfAbsent(anchor, key -> new ArrayList<>()).add(i);
      } else if (inPlace[i]) {
        anchor = i;
      }
    }
    return deletedAfter;
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
