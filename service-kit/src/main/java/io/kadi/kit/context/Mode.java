package io.kadi.kit.context;

/** Sandbox or live. Objects of one mode are never visible to, or changed by, requests of the other. */
public enum Mode {
  SANDBOX,
  LIVE;

  public io.kadi.events.common.v1.Mode toAvro() {
    return switch (this) {
      case SANDBOX -> io.kadi.events.common.v1.Mode.sandbox;
      case LIVE -> io.kadi.events.common.v1.Mode.live;
    };
  }

  public static Mode fromAvro(io.kadi.events.common.v1.Mode mode) {
    return switch (mode) {
      case sandbox -> SANDBOX;
      case live -> LIVE;
    };
  }

  /** The lower-case name used on the wire and in the database. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Mode fromWireName(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
