package io.gxpflow.mlr.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of a content version that authors type in the Tasklist start and revision forms
 * ({@code contentText}); docs/processes/mlr-review.md, "Writing content":
 *
 * <pre>
 * ## headline
 * Relief from the first dose.
 *
 * ## efficacy
 * [Reduces pain by 50% in adults](claim:CLM-EFF-01) in two trials.
 *
 * ## dosing from PAM-DOSING-500
 * Take one 500 mg tablet twice a day.
 *
 * ## safety [isi]
 * Important safety information: ...
 * </pre>
 *
 * A module starts with {@code ## <module-id>} (letters, digits, {@code . _ -}, at most 64),
 * optionally followed by {@code [isi]} (type ISI, otherwise BODY) and {@code from <pre-approved
 * module id>}. Its text is the lines up to the next header, trimmed; each claim link {@code
 * [words](claim:ID)} becomes its words in the text and a {@link ClaimUse}. A text line that itself
 * starts with {@code ##} is written with a backslash before it ({@code \##}). Text is kept in
 * Unicode NFC. {@link #render} writes a version back so that {@code parse(render(v))} gives {@code
 * v}'s modules again.
 */
public final class ContentMarkup {

  public static final String MODULE_ID = "[A-Za-z0-9._-]{1,64}";

  private static final Pattern MODULE_ID_PATTERN = Pattern.compile(MODULE_ID);
  private static final Pattern HEADER = Pattern.compile("^##(?!#)(.*)$");
  private static final Pattern CLAIM_LINK =
      Pattern.compile("\\[([^\\[\\]\\n]*)\\]\\(claim:([^()\\s]*)\\)");
  private static final String LINK_MARK = "(claim:";
  private static final String ISI = "[isi]";

  private ContentMarkup() {}

  /** One thing wrong with a text, on its line (from 1). */
  public record Problem(int line, String message) {

    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  /** The modules of a text, or why it cannot be read (then {@code modules} is empty). */
  public record Parsed(List<ModuleDraft> modules, List<Problem> problems) {

    public Parsed {
      modules = List.copyOf(modules);
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return problems.isEmpty();
    }

    /**
     * The modules, or {@link ContentRefused} with one reason per problem, each for {@code field}.
     */
    public List<ModuleDraft> orRefuse(String field) {
      if (!isValid()) {
        throw new ContentRefused(
            problems.stream()
                .map(problem -> new ContentRefused.Problem(field, problem.toString()))
                .toList());
      }
      return modules;
    }
  }

  public static Parsed parse(String text) {
    if (text == null || text.isBlank()) {
      return refused(
          List.of(
              new Problem(1, "there is no content: start each module with ## and its module id")));
    }
    String[] lines = Normalizer.normalize(text, Normalizer.Form.NFC).split("\\R", -1);
    List<Problem> problems = new ArrayList<>();
    List<ModuleDraft> modules = new ArrayList<>();
    Map<String, Integer> idLines = new HashMap<>();
    Header header = null;
    List<String> body = new ArrayList<>();
    int bodyStart = 0;
    boolean textBeforeFirstHeaderReported = false;
    for (int i = 0; i <= lines.length; i++) {
      int lineNumber = i + 1;
      String line = i < lines.length ? lines[i] : null;
      Matcher headerLine = line == null ? null : HEADER.matcher(line);
      if (line != null && !headerLine.matches()) {
        if (header == null) {
          if (!line.isBlank() && !textBeforeFirstHeaderReported) {
            problems.add(
                new Problem(
                    lineNumber,
                    "text before the first module: start each module with ## and its module id"));
            textBeforeFirstHeaderReported = true;
          }
        } else {
          body.add(line.startsWith("\\##") ? line.substring(1) : line);
        }
        continue;
      }
      if (header != null) {
        module(header, body, bodyStart, problems).ifPresent(modules::add);
      }
      if (line == null) {
        break;
      }
      header = header(headerLine.group(1), lineNumber, problems);
      if (header.id != null) {
        Integer first = idLines.putIfAbsent(header.id, lineNumber);
        if (first != null) {
          problems.add(
              new Problem(
                  lineNumber,
                  "module id '"
                      + header.id
                      + "' is used twice (first on line "
                      + first
                      + "): each module needs its own id"));
        }
      }
      body = new ArrayList<>();
      bodyStart = lineNumber + 1;
    }
    if (problems.isEmpty() && modules.isEmpty()) {
      problems.add(
          new Problem(1, "there is no module: start each module with ## and its module id"));
    }
    return problems.isEmpty() ? new Parsed(modules, List.of()) : refused(problems);
  }

  /** The version's modules as markup, in their order. */
  public static String render(ContentVersion version) {
    return render(
        version.modules().stream()
            .map(
                module ->
                    new ModuleDraft(
                        module.id(),
                        module.type(),
                        module.text(),
                        module.claims(),
                        module.preApprovedModuleId()))
            .toList());
  }

  /** Modules as markup, in their order. */
  public static String render(List<ModuleDraft> modules) {
    StringBuilder out = new StringBuilder();
    for (ModuleDraft module : modules) {
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append("## ").append(module.id());
      if (module.type() == ModuleType.ISI) {
        out.append(' ').append(ISI);
      }
      if (module.preApprovedModuleId() != null && !module.preApprovedModuleId().isBlank()) {
        out.append(" from ").append(module.preApprovedModuleId());
      }
      out.append('\n');
      String text = withLinks(module.text(), module.claims());
      out.append(text.replaceAll("(?m)^##", "\\\\##"));
    }
    return out.append('\n').toString();
  }

  /**
   * The text with each claim's words written as a link: at the first place after the claim before
   * it where the words stand, else at the first place they stand that no other link takes (a claim
   * whose words are nowhere free in the text is left out: the store refuses such a module). Links
   * are written in text order, which is the order parse gives the claims back in.
   */
  private static String withLinks(String text, List<ClaimUse> claims) {
    record Placed(int start, int end, ClaimUse claim) {}
    List<Placed> placed = new ArrayList<>();
    int from = 0;
    for (ClaimUse claim : claims) {
      String words = claim.textUsed();
      if (words.isEmpty()) {
        continue;
      }
      int at =
          free(
              text, words, from, placed.stream().map(p -> new int[] {p.start(), p.end()}).toList());
      if (at < 0) {
        at =
            free(text, words, 0, placed.stream().map(p -> new int[] {p.start(), p.end()}).toList());
      }
      if (at < 0) {
        continue;
      }
      placed.add(new Placed(at, at + words.length(), claim));
      from = at + words.length();
    }
    placed.sort(Comparator.comparingInt(Placed::start));
    StringBuilder out = new StringBuilder();
    int done = 0;
    for (Placed place : placed) {
      out.append(text, done, place.start())
          .append('[')
          .append(place.claim().textUsed())
          .append("](claim:")
          .append(place.claim().claimId())
          .append(')');
      done = place.end();
    }
    return out.append(text.substring(done)).toString();
  }

  /** The first place at or after {@code from} where {@code words} stand clear of {@code taken}. */
  private static int free(String text, String words, int from, List<int[]> taken) {
    for (int at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
      int start = at;
      int end = at + words.length();
      if (taken.stream().noneMatch(t -> start < t[1] && t[0] < end)) {
        return at;
      }
    }
    return -1;
  }

  private record Header(String id, ModuleType type, String preApprovedModuleId, int line) {}

  private static Header header(String rest, int line, List<Problem> problems) {
    String[] words = rest.strip().split("\\s+");
    if (rest.isBlank()) {
      problems.add(new Problem(line, "a module header needs a module id after ##"));
      return new Header(null, ModuleType.BODY, null, line);
    }
    String id = words[0];
    if (!MODULE_ID_PATTERN.matcher(id).matches()) {
      problems.add(
          new Problem(
              line,
              "'"
                  + id
                  + "' is not a module id: use letters, digits, '.', '_' and '-', at most 64"));
      id = null;
    }
    ModuleType type = ModuleType.BODY;
    String from = null;
    for (int w = 1; w < words.length; w++) {
      String word = words[w];
      if (word.toLowerCase(Locale.ROOT).equals(ISI) && type == ModuleType.BODY) {
        type = ModuleType.ISI;
      } else if (word.equals("from") && from == null && w + 1 < words.length) {
        from = words[++w];
        if (!MODULE_ID_PATTERN.matcher(from).matches()) {
          problems.add(
              new Problem(
                  line,
                  "'"
                      + from
                      + "' is not a pre-approved module id: use letters, digits, '.', '_' and '-',"
                      + " at most 64"));
        }
      } else {
        problems.add(
            new Problem(
                line,
                "after the module id only [isi] and 'from <pre-approved module id>' may follow,"
                    + " not '"
                    + String.join(" ", List.of(words).subList(w, words.length))
                    + "'"));
        break;
      }
    }
    return new Header(id, type, from, line);
  }

  private static Optional<ModuleDraft> module(
      Header header, List<String> lines, int firstLine, List<Problem> problems) {
    List<ClaimUse> claims = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append(links(lines.get(i), firstLine + i, claims, problems));
    }
    String stripped = text.toString().strip();
    if (stripped.isEmpty()) {
      problems.add(
          new Problem(
              header.line,
              "module '"
                  + Objects.requireNonNullElse(header.id, "")
                  + "' has no text: write it on the lines below its header"));
      return Optional.empty();
    }
    if (header.id == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ModuleDraft(header.id, header.type, stripped, claims, header.preApprovedModuleId));
  }

  /** One line with its claim links replaced by their words; malformed links are problems. */
  private static String links(
      String line, int lineNumber, List<ClaimUse> claims, List<Problem> problems) {
    Matcher link = CLAIM_LINK.matcher(line);
    StringBuilder out = new StringBuilder();
    int done = 0;
    while (link.find()) {
      String before = line.substring(done, link.start());
      if (before.contains(LINK_MARK)) {
        break;
      }
      String words = link.group(1).strip();
      String claimId = link.group(2);
      if (words.isBlank()) {
        problems.add(
            new Problem(
                lineNumber,
                "the claim link to '"
                    + claimId
                    + "' has no words: write [the words](claim:"
                    + claimId
                    + ")"));
      } else if (!MODULE_ID_PATTERN.matcher(claimId).matches()) {
        problems.add(
            new Problem(
                lineNumber,
                "'"
                    + claimId
                    + "' is not a claim id: a claim link is written [the words](claim:CLAIM-ID)"));
      } else {
        claims.add(new ClaimUse(claimId, words));
      }
      out.append(before).append(words);
      done = link.end();
    }
    String rest = line.substring(done);
    if (rest.contains("(claim:")) {
      problems.add(
          new Problem(
              lineNumber,
              "a claim link is not complete: write it [the words](claim:CLAIM-ID) on one line"));
    }
    return out.append(rest).toString();
  }

  private static Parsed refused(List<Problem> problems) {
    return new Parsed(List.of(), problems);
  }
}
