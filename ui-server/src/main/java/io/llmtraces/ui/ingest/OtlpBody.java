package io.llmtraces.ui.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body, gunzipping it when {@code Content-Encoding: gzip}, never holding more
 * than the limit: a body (or what it inflates to) past the limit is refused with 413 as soon as
 * the limit is crossed, so a small gzip bomb costs at most {@code limit} bytes of inflating.
 */
public final class OtlpBody {
  private OtlpBody() {}

  /**
   * @param contentLength the declared length, or -1 when unknown (chunked)
   * @param limit the most bytes accepted, compressed or not
   */
  public static byte[] read(InputStream in, String contentEncoding, long contentLength, int limit) throws IOException {
    boolean gzip = gzip(contentEncoding);
    if (contentLength > limit) {
      throw IngestError.tooLarge("request body has " + contentLength + " bytes, limit is " + limit);
    }
    byte[] raw = readAtMost(in, limit, "request body");
    if (!gzip) {
      return raw;
    }
    try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
      return readAtMost(inflated, limit, "request body after gunzip");
    } catch (ZipException | java.io.EOFException e) {
      throw IngestError.badRequest("Content-Encoding is gzip but the body is not valid gzip: " + e.getMessage());
    }
  }

  private static boolean gzip(String contentEncoding) {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return false;
    }
    return switch (contentEncoding.strip().toLowerCase(Locale.ROOT)) {
      case "identity" -> false;
      case "gzip", "x-gzip" -> true;
      default -> throw IngestError.unsupported("Content-Encoding " + contentEncoding + " is not supported: send gzip or no encoding");
    };
  }

  private static byte[] readAtMost(InputStream in, int limit, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
    byte[] buf = new byte[16 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      total += n;
      if (total > limit) {
        throw IngestError.tooLarge(what + " exceeds the limit of " + limit + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
