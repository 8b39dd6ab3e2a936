package io.gxpflow.identity;

/**
 * A person's printed name as manifests and the audit trail show it: "first last", or the user id
 * when empty.
 */
public final class DisplayName {

  private DisplayName() {}

  public static String of(String firstName, String lastName, String userId) {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? userId : name;
  }
}
