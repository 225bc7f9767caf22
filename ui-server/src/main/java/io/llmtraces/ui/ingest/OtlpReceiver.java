package io.llmtraces.ui.ingest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.llmtraces.otlp.MalformedRecordException;
import io.llmtraces.otlp.OtlpRecordDecoder;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.auth.Credentials;
import io.llmtraces.ui.auth.Principal;
import io.llmtraces.ui.auth.ProjectPatterns;
import io.llmtraces.ui.auth.UserStore;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OTLP/HTTP trace receiver, {@code POST /v1/traces} on its own port (4318, the OTLP/HTTP
 * default, so SDKs find it with their defaults): credentials, then content type, body (gzip,
 * size), decoding with the job's own codec, project stamping, per-trace records, and an answer
 * only once Kafka acknowledged them. Statuses follow the OTLP/HTTP specification.
 */
public final class OtlpReceiver {
  public static final String PATH = "/v1/traces";
  /** Records stay below Kafka's default 1 MiB message limit, so no broker setting must change. */
  static final int RECORD_BYTES = 900 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(OtlpReceiver.class);

  private final UiOptions options;
  private final UserStore users;
  private final KafkaPublisher publisher;
  private final OtlpRecordDecoder decoder;

  /** @param users the store keys are checked against; unused when {@code options.auth()} is off */
  public OtlpReceiver(UiOptions options, UserStore users, KafkaPublisher publisher) {
    this.options = options;
    this.users = users;
    this.publisher = publisher;
    this.decoder = new OtlpRecordDecoder(options.maxRequestBytes());
  }

  /** The receiver as its own Javalin instance on {@code options.otlpPort()}, not yet started. */
  public Javalin app() {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.prefer405over404 = true;
      config.jetty.host = options.host();
      config.jetty.port = options.otlpPort();
      config.routes.post(PATH, this::handle);
    });
  }

  void handle(Context ctx) {
    OtlpEncoding encoding = OtlpEncoding.of(ctx.contentType());
    // An unknown content type still gets a readable answer: JSON.
    OtlpEncoding replyIn = encoding == null ? OtlpEncoding.JSON : encoding;
    try {
      String project = authorize(Credentials.from(ctx::header));
      if (encoding == null) {
        throw IngestError.unsupported(
            "Content-Type " + ctx.contentType() + " is not supported: send application/x-protobuf or application/json");
      }
      byte[] body = OtlpBody.read(ctx.bodyInputStream(), ctx.header("Content-Encoding"), ctx.req().getContentLengthLong(), options.maxRequestBytes());
      TraceSplitter.Split split = TraceSplitter.split(decode(encoding, body), project, RECORD_BYTES);
      ctx.future(() -> publisher.publish(split.records()).handle((published, failure) -> {
        if (failure != null) {
          error(ctx, replyIn, failure instanceof CompletionException c ? c.getCause() : failure);
        } else {
          int rejected = split.rejectedSpans() + published.rejectedSpans();
          String message = String.join("; ", nonEmpty(split.rejectMessage(), published.rejectMessage()));
          ctx.status(200).contentType(replyIn.contentType()).result(OtlpReply.success(replyIn, rejected, message));
        }
        return null;
      }));
    } catch (IOException e) {
      error(ctx, replyIn, IngestError.badRequest("could not read the request body: " + e.getMessage()));
    } catch (RuntimeException e) {
      error(ctx, replyIn, e);
    }
  }

  /** The project to stamp, or null (authentication off and no project sent). */
  private String authorize(Credentials c) {
    if (c.project() != null) {
      String problem = ProjectPatterns.validName(c.project());
      if (problem != null) {
        throw IngestError.badRequest(problem);
      }
    }
    if (!options.auth()) {
      return c.project();
    }
    if (c.key() == null) {
      throw IngestError.unauthenticated(
          "no credentials: send headers iftracer_user and iftracer_license_key, or Authorization: Bearer <key>");
    }
    Principal p = users.authenticate(c.user(), c.key());
    if (p == null) {
      throw IngestError.unauthenticated("unknown user or key");
    }
    if (c.project() == null) {
      throw IngestError.badRequest("no project: send header iftracer_project (or x-llm-project)");
    }
    if (!p.projects().allows(c.project())) {
      throw IngestError.forbidden("key " + p.keyId() + " of " + p.user() + " may not write project " + c.project());
    }
    return c.project();
  }

  private ExportTraceServiceRequest decode(OtlpEncoding encoding, byte[] body) {
    try {
      return encoding == OtlpEncoding.PROTOBUF ? decoder.decodeProtobuf(body) : decoder.decodeJson(body);
    } catch (MalformedRecordException e) {
      throw IngestError.badRequest(e.getMessage());
    }
  }

  private static void error(Context ctx, OtlpEncoding encoding, Throwable failure) {
    IngestError e;
    if (failure instanceof IngestError known) {
      e = known;
    } else {
      LOG.error("OTLP request failed", failure);
      e = new IngestError(500, IngestError.INTERNAL, "internal error: " + failure.getClass().getSimpleName(), 0);
    }
    if (e.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
    }
    ctx.status(e.status()).contentType(encoding.contentType()).result(OtlpReply.status(encoding, e.grpcCode(), e.getMessage()));
  }

  private static List<String> nonEmpty(String... messages) {
    return Arrays.stream(messages).filter(m -> !m.isEmpty()).toList();
  }
}
