package io.gxpflow.mlr.content;

import java.util.Arrays;

/** Where a content item is used; {@link #code()} is the name models and the API use. */
public enum Channel {
  EMAIL("email"),
  REP_DETAIL("rep-detail"),
  WEB("web"),
  SOCIAL("social"),
  PRINT("print");

  private final String code;

  Channel(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Channel ofCode(String code) {
    return Arrays.stream(values())
        .filter(channel -> channel.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + code));
  }
}
