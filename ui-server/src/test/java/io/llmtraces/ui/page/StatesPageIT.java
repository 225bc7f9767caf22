package io.llmtraces.ui.page;

import static io.llmtraces.ui.page.PageData.ACME;
import static io.llmtraces.ui.page.PageData.NESTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Loading, empty and error states. Slow and broken networks are made with Chrome's DevTools protocol. */
class StatesPageIT extends BrowserTestBase {
  static PageData data;
  static PageServer server;

  @BeforeAll
  static void startServer() {
    data = PageData.build(Instant.now());
    server = PageServer.start(work.resolve("warehouse"), data);
    driver.executeCdpCommand("Network.enable", Map.of());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static void network(boolean offline, int latencyMs) {
    driver.executeCdpCommand("Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", latencyMs, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  @AfterEach
  void normalNetwork() {
    network(false, 0);
  }

  @Test
  void aRangeWithoutAnomaliesOffersToShowAllTraces() {
    Instant from = data.now.minus(62, ChronoUnit.HOURS);
    Instant to = data.now.minus(59, ChronoUnit.HOURS);
    open(server, "/?project=" + ACME + "&from=" + from + "&to=" + to);
    assertThat(waitSettled()).isEqualTo("empty");
    WebElement status = driver.findElement(By.id("status"));
    assertThat(status.getText()).contains("No anomalous traces in this range \u2014 show all traces?");
    assertThat(driver.findElement(By.id("traces")).isDisplayed()).isFalse();
    assertThat(summary("sum-traces")).isEqualTo("0");
    screenshot("07-empty-state");

    assertThat(reloadingBy(() -> driver.findElement(By.id("show-all-instead")).click())).isEqualTo("ready");
    assertThat(shownTraceIds()).hasSize(2);
    assertThat(query()).contains("show=all");
  }

  @Test
  void apiErrorsAreShownWithTheServersMessage() {
    open(server, "/?project=no-such-project");
    assertThat(waitSettled()).isEqualTo("error");
    assertThat(driver.findElement(By.cssSelector("#status .error-message")).getText())
        .isEqualTo("Could not load traces: no project no-such-project");
    assertThat(summary("sum-traces")).isEqualTo("\u2014");
    screenshot("08-error-state");
  }

  @Test
  void loadingIsShownWhileTheServerIsSlow() {
    network(false, 1500);
    driver.get(server.url + "/?project=" + ACME);
    waitFor("the loading state", d -> d.findElement(By.id("status")).getText().startsWith("Loading") ? true : null);
    assertThat(driver.findElement(By.id("results")).getDomAttribute("aria-busy")).isEqualTo("true");
    screenshot("09-loading");
    assertThat(waitSettled()).isEqualTo("ready");
    assertThat(driver.findElement(By.id("results")).getDomAttribute("aria-busy")).isEqualTo("false");

    // Later loads keep the rows, dimmed, under a progress bar.
    driver.findElement(By.id("refresh")).click();
    assertThat(driver.findElement(By.id("results")).getDomAttribute("data-state")).isEqualTo("loading");
    assertThat(driver.findElements(By.cssSelector("#trace-rows tr.trace-row"))).isNotEmpty();
    assertThat(waitSettled()).isEqualTo("ready");
  }

  @Test
  void aBrokenNetworkShowsTheErrorAndTryAgainRecovers() {
    open(server, "/?project=" + ACME);
    network(true, 0);
    assertThat(reloadingBy(() -> driver.findElement(By.id("refresh")).click())).isEqualTo("error");
    assertThat(driver.findElement(By.cssSelector("#status .error-message")).getText()).startsWith("Could not load traces: The server could not be reached");

    network(false, 0);
    assertThat(reloadingBy(() -> driver.findElement(By.cssSelector("#status button")).click())).isEqualTo("ready");

    // The spans of a trace: same, inside the expanded row.
    network(true, 0);
    traceRow(NESTED).findElement(By.cssSelector(".expander")).click();
    WebElement error = waitFor("the spans error", d -> d.findElement(By.cssSelector("tr.detail-row[data-state=error]")));
    assertThat(error.getText()).contains("Could not load the spans: The server could not be reached");
    network(false, 0);
    error.findElement(By.tagName("button")).click();
    waitFor("the spans", d -> d.findElements(By.cssSelector("tr.detail-row[data-state=ready] .span-row")).size() == 8 ? true : null);
  }

  @Test
  void noProjectsYetIsSaidPlainly() throws Exception {
    try (PageServer empty = PageServer.start(work.resolve("empty-warehouse"), null)) {
      open(empty, "/");
      assertThat(waitSettled()).isEqualTo("empty");
      assertThat(driver.findElement(By.id("status")).getText()).contains("No trace projects yet");
    }
  }
}
