package io.llmtraces.ui.page;

import static io.llmtraces.ui.page.PageData.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The view lives in the URL: a link shows the same traces, back and forward walk through views. */
class ShareableUrlPageIT extends BrowserTestBase {
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

  static WebElement waitDetail(String traceId) {
    return waitFor("the spans of " + traceId, d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("tr.detail-row[data-trace-id='" + traceId + "'][data-state=ready]"));
      return rows.isEmpty() ? null : rows.get(0);
    });
  }

  @Test
  void aCopiedLinkRestoresTheWholeView() {
    open(server, "/?project=" + ACME);
    reloadingBy(() -> driver.findElement(By.xpath("//div[@class='segmented']/label[input[@value='all']]")).click());
    reloadingBy(() -> driver.findElement(By.id("min-tokens")).sendKeys("500", Keys.ENTER));
    reloadingBy(() -> driver.findElement(By.cssSelector("th[data-sort=duration] button")).click());
    reloadingBy(() -> driver.findElement(By.cssSelector("th[data-sort=duration] button")).click());
    reloadingBy(() -> new Select(driver.findElement(By.id("page-size"))).selectByVisibleText("25"));
    reloadingBy(() -> driver.findElement(By.id("next-page")).click());
    List<String> ids = shownTraceIds();
    assertThat(ids).isNotEmpty();
    String opened = ids.get(1);
    traceRow(opened).findElement(By.cssSelector(".expander")).click();
    waitDetail(opened);
    String pageRange = driver.findElement(By.id("page-range")).getText();
    String traces = summary("sum-traces");
    String tokens = summary("sum-tokens");

    driver.executeCdpCommand("Browser.grantPermissions",
        Map.of("origin", server.url, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    driver.findElement(By.id("copy-link")).click();
    waitFor("the link confirmation", d -> d.findElement(By.id("toast")).getText().startsWith("Link copied") ? true : null);
    String link = (String) driver.executeAsyncScript("const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));");
    assertThat(link).startsWith(server.url + "/?project=" + ACME).contains("from=").contains("to=").contains("show=all")
        .contains("minTokens=500").contains("sort=duration").contains("order=asc").contains("page=2").contains("size=25")
        .contains("trace=" + opened);

    // Someone else opens the link.
    driver.get("about:blank");
    open(server, link.substring(server.url.length()));
    waitDetail(opened);
    assertThat(shownTraceIds()).isEqualTo(ids);
    assertThat(driver.findElement(By.id("page-range")).getText()).isEqualTo(pageRange);
    assertThat(summary("sum-traces")).isEqualTo(traces);
    assertThat(summary("sum-tokens")).isEqualTo(tokens);
    assertThat(driver.findElement(By.cssSelector("input[name=show][value=all]")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("min-tokens")).getDomProperty("value")).isEqualTo("500");
    assertThat(driver.findElement(By.cssSelector("th[data-sort=duration]")).getDomAttribute("aria-sort")).isEqualTo("ascending");
    assertThat(new Select(driver.findElement(By.id("page-size"))).getFirstSelectedOption().getText()).isEqualTo("25");
    assertThat(new Select(driver.findElement(By.id("range-preset"))).getFirstSelectedOption().getText()).isEqualTo("Custom range");
    assertThat(traceRow(opened).findElement(By.cssSelector(".expander")).getDomAttribute("aria-expanded")).isEqualTo("true");
    screenshot("06-restored-from-link");
  }

  @Test
  void backAndForwardWalkThroughTheViews() {
    open(server, "/?project=" + ACME);
    List<String> byScore = shownTraceIds();
    reloadingBy(() -> driver.findElement(By.cssSelector("th[data-sort=timestamp] button")).click());
    List<String> byTime = shownTraceIds();
    assertThat(byTime).isNotEqualTo(byScore).containsExactlyInAnyOrderElementsOf(byScore);
    traceRow(byTime.get(0)).findElement(By.cssSelector(".expander")).click();
    waitDetail(byTime.get(0));

    driver.navigate().back();
    waitFor("the trace to close", d -> d.findElements(By.cssSelector("tr.detail-row")).isEmpty() ? true : null);
    assertThat(shownTraceIds()).isEqualTo(byTime);

    reloadingBy(driver.navigate()::back);
    assertThat(shownTraceIds()).isEqualTo(byScore);
    assertThat(driver.findElement(By.cssSelector("th[data-sort=score]")).getDomAttribute("aria-sort")).isEqualTo("descending");

    reloadingBy(driver.navigate()::forward);
    assertThat(shownTraceIds()).isEqualTo(byTime);
    assertThat(driver.findElement(By.cssSelector("th[data-sort=timestamp]")).getDomAttribute("aria-sort")).isEqualTo("descending");
    driver.navigate().forward();
    waitDetail(byTime.get(0));
  }

  @Test
  void editingTheTimeRangeShowsOlderTracesAndGoesIntoTheUrl() {
    open(server, "/?project=" + ACME);
    DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneId.of(BROWSER_TZ));
    Instant from = data.now.minus(48, ChronoUnit.HOURS);
    Instant to = data.now.minus(25, ChronoUnit.HOURS);
    reloadingBy(() -> js(
        "for (const [id, v] of [['from', arguments[0]], ['to', arguments[1]]]) {"
            + " const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('change', {bubbles: true})); }",
        local.format(from), local.format(to)));
    List<Map<String, Object>> old = data.matching(ACME, from, to, PageData::isAnomalous);
    assertThat(old).hasSize(3);
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(old, PageData.byScoreDesc()));
    assertThat(query()).contains("from=" + from.toString().replace(":", "%3A")).contains("to=" + to.toString().replace(":", "%3A"));
    assertThat(new Select(driver.findElement(By.id("range-preset"))).getFirstSelectedOption().getText()).isEqualTo("Custom range");
    assertThat(driver.findElement(By.id("summary-note")).getText()).contains(local.format(from).replace('T', ' '));

    // A preset puts the relative window back.
    reloadingBy(() -> new Select(driver.findElement(By.id("range-preset"))).selectByVisibleText("Last 7 days"));
    assertThat(query()).contains("range=7d").doesNotContain("from=");
    assertThat(shownTraceIds()).containsAll(PageData.ids(old, PageData.byScoreDesc()));

    // A start after the end is refused before asking the server.
    int before = loads();
    js("const e = document.getElementById('from'); e.value = arguments[0]; e.dispatchEvent(new Event('change', {bubbles: true}));",
        local.format(data.now.plus(2, ChronoUnit.HOURS)));
    waitFor("the range error", d -> d.findElement(By.id("filter-error")).isDisplayed() ? true : null);
    assertThat(driver.findElement(By.id("filter-error")).getText()).contains("start of the time range must be before its end");
    assertThat(loads()).isEqualTo(before);
  }

  @Test
  void aLinkToATraceOutsideTheListShowsThatTraceAboveIt() {
    Map<String, Object> old = data.matching(ACME, data.now.minus(48, ChronoUnit.HOURS), data.now.minus(25, ChronoUnit.HOURS), t -> true).get(0);
    String id = PageData.traceId(old);
    open(server, "/?project=" + ACME + "&trace=" + id);
    assertThat(shownTraceIds()).doesNotContain(id);
    WebElement pinned = waitFor("the linked trace", d -> d.findElement(By.cssSelector("#pinned[data-state=ready]")));
    assertThat(pinned.getText()).contains(id).contains("not in this list");
    assertThat(pinned.findElements(By.cssSelector(".span-row"))).hasSize(2);
    pinned.findElement(By.xpath(".//button[text()='Close']")).click();
    assertThat(driver.findElement(By.id("pinned")).isDisplayed()).isFalse();
    assertThat(query()).doesNotContain("trace=");
  }
}
