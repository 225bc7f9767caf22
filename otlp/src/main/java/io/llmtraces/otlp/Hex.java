package io.llmtraces.otlp;

import com.google.protobuf.ByteString;

/** Lower-case hex for OTLP trace and span ids, the form OTLP/JSON and the tables use. */
public final class Hex {
  public static final int TRACE_ID_BYTES = 16;
  public static final int SPAN_ID_BYTES = 8;

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  public static String encode(ByteString bytes) {
    int n = bytes.size();
    if (n == 0) {
      return "";
    }
    char[] out = new char[n * 2];
    for (int i = 0; i < n; i++) {
      int v = bytes.byteAt(i) & 0xff;
      out[2 * i] = DIGITS[v >>> 4];
      out[2 * i + 1] = DIGITS[v & 0x0f];
    }
    return new String(out);
  }

  /** True for an empty id or one of only zero bytes, the OTLP "invalid id" some SDKs send. */
  public static boolean isUnset(ByteString id) {
    for (int i = 0, n = id.size(); i < n; i++) {
      if (id.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Decodes an id; empty means "no id" and is allowed, any other length must match exactly. */
  public static ByteString decodeId(String hex, int expectedBytes, String field)
      throws MalformedRecordException {
    if (hex.isEmpty()) {
      return ByteString.EMPTY;
    }
    if (hex.length() != expectedBytes * 2) {
      throw new MalformedRecordException(
          MalformedRecordException.BAD_ID,
          field + " must be " + expectedBytes * 2 + " hex digits, got " + hex.length()
              + " characters");
    }
    byte[] out = new byte[expectedBytes];
    for (int i = 0; i < expectedBytes; i++) {
      int hi = nibble(hex.charAt(2 * i));
      int lo = nibble(hex.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new MalformedRecordException(
            MalformedRecordException.BAD_ID, field + " is not hex: \"" + abbreviate(hex) + "\"");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return ByteString.copyFrom(out);
  }

  // Character.digit would also accept non-ASCII digits, which are not hex.
  private static int nibble(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
