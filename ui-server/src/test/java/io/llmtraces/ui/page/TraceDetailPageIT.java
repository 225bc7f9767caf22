package io.llmtraces.ui.page;

import static io.llmtraces.ui.page.PageData.ACME;
import static io.llmtraces.ui.page.PageData.NESTED;
import static io.llmtraces.ui.page.PageData.ROOTLESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An expanded trace: spans loaded on demand, the waterfall with baseline bands, span analysis, JSON copy and download. */
class TraceDetailPageIT extends BrowserTestBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static PageData data;
  static PageServer server;

  @BeforeAll
  static void startServer() {
    data = PageData.build(Instant.now());
    server = PageServer.start(work.resolve("warehouse"), data);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static WebElement expand(String traceId) {
    WebElement button = traceRow(traceId).findElement(By.cssSelector(".expander"));
    button.click();
    return waitFor("the spans of " + traceId, d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("tr.detail-row[data-trace-id='" + traceId + "'][data-state=ready]"));
      return rows.isEmpty() ? null : rows.get(0);
    });
  }

  static WebElement spanRow(WebElement detail, String spanId) {
    return detail.findElement(By.cssSelector(".span-row[data-span-id='" + spanId + "']"));
  }

  static double percent(WebElement e, String property) {
    String v = (String) js("return arguments[0].style[arguments[1]]", e, property);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d.]+)%").matcher(v);
    assertThat(m.find()).as(property + " of " + v).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @SuppressWarnings("unchecked")
  static List<String> apiRequests() {
    return (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/traces/'))");
  }

  @Test
  void expandingATraceLoadsItsSpansAndDrawsTheWaterfallWithBaselineBands() {
    open(server, "/?project=" + ACME);
    assertThat(apiRequests()).as("no span is loaded with the list").isEmpty();

    WebElement detail = expand(NESTED);
    assertThat(query()).contains("trace=" + NESTED);
    assertThat(traceRow(NESTED).findElement(By.cssSelector(".expander")).getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(apiRequests()).singleElement().asString().contains("/api/traces/" + NESTED + "?project=" + ACME + "&ts=");
    assertThat(detail.findElement(By.cssSelector(".trace-expl")).getText()).contains("web_search.tool failed: timeout after 1 s");

    // Tree order (depth first, children by start) and indentation by depth.
    List<WebElement> rows = detail.findElements(By.cssSelector(".span-row"));
    assertThat(rows).extracting(r -> r.findElement(By.cssSelector(".span-name")).getText())
        .containsExactly("support.workflow", "retrieve_context.task", "openai.embeddings", "vector.search", "planner.agent",
            "openai.chat", "web_search.tool", PageData.HTML_SPAN_NAME);
    assertThat(rows).extracting(r -> r.findElement(By.cssSelector(".c-name")).getCssValue("padding-left"))
        .containsExactly("6px", "20px", "34px", "34px", "20px", "34px", "34px", "20px");

    // The slow LLM call: bar at 1.5 s of an 11 s scale (the root's p99 band reaches 11 s), 6 s long;
    // its normal band (median 1.8 s) and lighter band (p99 3.2 s) start with it, behind it.
    WebElement chat = spanRow(detail, "aa00000000000006");
    WebElement bar = chat.findElement(By.cssSelector(".bar"));
    WebElement median = chat.findElement(By.cssSelector(".band-exp"));
    WebElement p99 = chat.findElement(By.cssSelector(".band-p99"));
    assertThat(percent(bar, "left")).isCloseTo(1_500 * 100.0 / 11_000, within(0.01));
    assertThat(percent(bar, "width")).isCloseTo(6_000 * 100.0 / 11_000, within(0.01));
    assertThat(percent(median, "left")).isCloseTo(1_500 * 100.0 / 11_000, within(0.01));
    assertThat(percent(median, "width")).isCloseTo(1_800 * 100.0 / 11_000, within(0.01));
    assertThat(percent(p99, "width")).isCloseTo(3_200 * 100.0 / 11_000, within(0.01));
    assertThat(bar.getRect().getHeight()).isLessThan(median.getRect().getHeight());
    assertThat(median.getCssValue("background-color")).isNotEqualTo(p99.getCssValue("background-color"));
    // every span with a baseline has its bands
    assertThat(detail.findElements(By.cssSelector(".span-row .band-exp"))).hasSize(8);
    assertThat(detail.findElements(By.cssSelector(".span-row .band-p99"))).hasSize(8);
    assertThat(detail.findElement(By.cssSelector(".axis")).getText()).contains("0 ms").contains("11 s");

    // Each span's own analysis: score, type, model, tokens, status, explanation.
    assertThat(chat.getDomAttribute("class")).contains("is-anomalous");
    assertThat(bar.getDomAttribute("class")).contains("anom");
    assertThat(chat.findElement(By.cssSelector(".score")).getText()).isEqualTo("97.5");
    assertThat(chat.findElement(By.cssSelector(".type-icon")).getDomAttribute("aria-label")).isEqualTo("Span response time");
    assertThat(chat.findElement(By.cssSelector(".c-model")).getText()).isEqualTo("gpt-4o");
    assertThat(chat.getText()).contains("2,212").contains("6 s");
    assertThat(chat.findElement(By.cssSelector(".span-expl")).getText()).isEqualTo("openai.chat took 6.0 s: 1.9x slower than its p99 of 3.2 s for 412 output tokens");
    WebElement tool = spanRow(detail, "aa00000000000007");
    assertThat(tool.getDomAttribute("class")).contains("is-anomalous").contains("is-error");
    assertThat(tool.findElement(By.cssSelector(".span-status")).getText()).isEqualTo("ERROR");
    assertThat(tool.findElement(By.cssSelector(".span-status")).getDomAttribute("title")).isEqualTo("timeout after 1 s");
    assertThat(tool.findElement(By.cssSelector(".type-icon")).getDomAttribute("aria-label")).isEqualTo("Span error");
    assertThat(spanRow(detail, "aa00000000000001").getDomAttribute("class")).doesNotContain("is-anomalous");
    screenshot("04-waterfall");
    screenshot("04b-waterfall-close-up", detail);

    // A subtree folds away and comes back.
    spanRow(detail, "aa00000000000005").findElement(By.cssSelector(".tree-toggle")).click();
    assertThat(detail.findElements(By.cssSelector(".span-row"))).hasSize(6);
    spanRow(detail, "aa00000000000005").findElement(By.cssSelector(".tree-toggle")).click();
    assertThat(detail.findElements(By.cssSelector(".span-row"))).hasSize(8);

    // Collapsing the trace closes the row; the URL follows.
    traceRow(NESTED).findElement(By.cssSelector(".expander")).click();
    assertThat(driver.findElements(By.cssSelector("tr.detail-row"))).isEmpty();
    assertThat(query()).doesNotContain("trace=");
  }

  @Test
  void markupInNamesAndAttributesIsShownAsText() {
    open(server, "/?project=" + ACME);
    WebElement detail = expand(NESTED);
    WebElement chat = spanRow(detail, "aa00000000000006");
    chat.click();
    WebElement panel = waitFor("the span's details", d -> d.findElement(By.cssSelector(".span-detail[data-span-id=aa00000000000006]")));
    Map<String, String> attrs = new java.util.HashMap<>();
    for (WebElement tr : panel.findElements(By.cssSelector("table.attrs tr"))) {
      attrs.put(tr.findElement(By.tagName("th")).getText(), tr.findElement(By.tagName("td")).getText());
    }
    assertThat(attrs)
        .containsEntry("gen_ai.prompt.0.content", PageData.SCRIPT)
        .containsEntry("gen_ai.completion.0.content", PageData.BOLD)
        .containsEntry("user.note", PageData.IMG)
        .containsEntry(PageData.HTML_KEY, "value of a key with markup");
    assertThat(panel.getText()).contains("Anomalous (score 97.5)").contains("1.9x slower than its p99");
    assertThat(panel.getText()).contains("Expected (baseline median)").contains("1.8 s").contains("3.2 s");
    assertThat(spanRow(detail, "aa00000000000008").findElement(By.cssSelector(".span-name")).getText()).isEqualTo(PageData.HTML_SPAN_NAME);
    // No element came from the data: none of these tags exist in the trace's detail.
    assertThat(detail.findElements(By.cssSelector("script, b, i, img"))).isEmpty();
    assertNoAlert();
    screenshot("05-span-detail", detail);
  }

  @Test
  void aSpanWhoseParentNeverArrivedIsShownAsAnOrphan() {
    open(server, "/?project=" + ACME);
    WebElement detail = expand(ROOTLESS);
    WebElement row = spanRow(detail, "bb00000000000001");
    assertThat(row.findElement(By.cssSelector(".orphan")).getText()).isEqualTo("parent missing");
    assertThat(traceRow(ROOTLESS).getText()).contains("root span missing");
  }

  @Test
  void copyPutsTheWholeTraceJsonOnTheClipboard() throws Exception {
    open(server, "/?project=" + ACME);
    // Headless Chrome keeps a real clipboard per browser; grant the page the right to read it back.
    driver.executeCdpCommand("Browser.grantPermissions",
        Map.of("origin", server.url, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    traceRow(NESTED).findElement(By.cssSelector(".copy-json")).click();
    waitFor("the copy confirmation", d -> d.findElement(By.id("toast")).getText().startsWith("Copied the JSON") ? true : null);
    String text = (String) driver.executeAsyncScript("const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));");
    JsonNode json = JSON.readTree(text);
    assertThat(json.get("traceId").asText()).isEqualTo(NESTED);
    assertThat(json.get("spans")).hasSize(8);
    assertThat(json.get("spans").get(0).has("otlp")).isTrue();
    assertThat(json.get("spans").findValuesAsText("gen_ai.prompt.0.content")).containsExactly(PageData.SCRIPT);
  }

  @Test
  void downloadSavesTheTraceAsAJsonFile() throws Exception {
    open(server, "/?project=" + ACME);
    WebElement link = traceRow(NESTED).findElement(By.cssSelector(".download-json"));
    assertThat(link.getDomAttribute("download")).isEqualTo("trace-" + NESTED + ".json");
    link.click();
    Path file = downloads.resolve("trace-" + NESTED + ".json");
    waitFor("the downloaded file", d -> Files.exists(file) && !Files.exists(downloads.resolve("trace-" + NESTED + ".json.crdownload")) ? true : null);
    JsonNode json = JSON.readTree(Files.readString(file));
    assertThat(json.get("traceId").asText()).isEqualTo(NESTED);
    assertThat(json.get("spans")).hasSize(8);
    assertThat(json.get("spans").findValuesAsText("name")).contains("openai.chat", PageData.HTML_SPAN_NAME);
    assertThat(json.get("spans").get(0).get("otlp").get("span").get("spanId").asText()).startsWith("aa");
  }

  @Test
  void aLargeTraceDrawsItsFirstThousandSpansAndTheRestOnRequest() {
    open(server, "/?project=" + PageData.ZETA);
    long started = System.nanoTime();
    WebElement detail = expand(PageData.BIG);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(detail.findElements(By.cssSelector(".span-row"))).hasSize(1000);
    WebElement more = detail.findElement(By.cssSelector(".wf-more button"));
    assertThat(more.getText()).isEqualTo("Show all 2,500 spans (1,500 more)");
    more.click();
    assertThat(detail.findElements(By.cssSelector(".span-row"))).hasSize(PageData.BIG_SPANS);
    // Not a benchmark: a guard against a page that freezes on big traces.
    assertThat(millis).as("load and draw 1,000 of 2,500 spans").isLessThan(15_000);
  }
}
