package io.llmtraces.otlp;

/** String helpers the normalizer calls per attribute: bounded, allocation-free where possible. */
public final class Strings {
  /** Marks a value that was cut, so a reader does not take it for the whole value. */
  public static final char ELLIPSIS = '\u2026';

  private Strings() {}

  /**
   * At most {@code maxChars} chars: a longer value keeps its head and ends in an ellipsis. Never
   * splits a surrogate pair, so the result is still valid UTF-16.
   */
  public static String truncate(String s, int maxChars) {
    if (s == null || s.length() <= maxChars) {
      return s;
    }
    if (maxChars <= 1) {
      return maxChars == 1 ? String.valueOf(ELLIPSIS) : "";
    }
    int cut = maxChars - 1;
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut) + ELLIPSIS;
  }

  /** True for null, empty, or whitespace only. */
  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Null for blank values, so "" and "  " never win a "first present" lookup. */
  public static String nonBlank(String s) {
    return isBlank(s) ? null : s;
  }

  /** UTF-8 byte length without encoding; an unpaired surrogate counts 1, as String.getBytes does. */
  public static long utf8Length(CharSequence s) {
    long bytes = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** {@link #utf8Length(CharSequence)} of a char range, for parser buffers. */
  public static long utf8Length(char[] chars, int off, int len) {
    long bytes = 0;
    int end = off + len;
    for (int i = off; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** ASCII lower case without the Locale machinery; attribute vocabularies are ASCII. */
  public static String asciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          char d = chars[j];
          if (d >= 'A' && d <= 'Z') {
            chars[j] = (char) (d + 32);
          }
        }
        return new String(chars);
      }
    }
    return s;
  }
}
