package io.llmtraces.ui.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes keys and checks them against what the store keeps.
 *
 * <p>A key is 32 random bytes, base64url (43 characters). The store keeps only a salted SHA-256
 * of it (16-byte salt). A fast hash is enough here, unlike for passwords: a key has 256 bits of
 * entropy, so guessing it from its hash is hopeless however fast each guess is, while a
 * deliberately slow hash (PBKDF2, bcrypt) would cost milliseconds on every ingest request.
 * Comparison is constant-time ({@link MessageDigest#isEqual}).
 */
public final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private ApiKeys() {}

  /** A new secret key, to be shown once and never stored. */
  public static String newKey() {
    return B64URL.encodeToString(random(32));
  }

  /** A short public id naming a key in listings and revocations. */
  public static String newKeyId() {
    return HexFormat.of().formatHex(random(4));
  }

  public static byte[] newSalt() {
    return random(16);
  }

  /** Random bytes as base64url: session ids. */
  public static String randomToken() {
    return B64URL.encodeToString(random(32));
  }

  public static byte[] hash(byte[] salt, String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Whether {@code key} hashes to {@code expected} with {@code salt}, in constant time. */
  public static boolean matches(byte[] salt, byte[] expected, String key) {
    return MessageDigest.isEqual(hash(salt, key), expected);
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
