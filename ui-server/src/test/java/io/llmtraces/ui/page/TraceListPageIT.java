package io.llmtraces.ui.page;

import static io.llmtraces.ui.page.PageData.ACME;
import static io.llmtraces.ui.page.PageData.ZETA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The trace list: default view, the project picker, filters, totals, sorting, paging and type icons. */
class TraceListPageIT extends BrowserTestBase {
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

  @Test
  void opensOnTheAnomalousTracesOfTheLastDayOfTheFirstProject() {
    open(server, "/");
    List<Map<String, Object>> expected = data.lastDay(ACME, PageData::isAnomalous);
    assertThat(expected).hasSizeGreaterThan(10);

    assertThat(driver.findElement(By.id("project-input")).getDomProperty("value")).isEqualTo(ACME);
    assertThat(query()).contains("project=" + ACME);
    assertThat(new Select(driver.findElement(By.id("range-preset"))).getFirstSelectedOption().getText()).isEqualTo("Last 24 hours");
    assertThat(driver.findElement(By.cssSelector("input[name=show][value=anomalous]")).isSelected()).isTrue();
    // Highest score first; the older (25-47 h) anomalies with higher scores are not there.
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(expected, PageData.byScoreDesc()));
    assertThat(driver.findElement(By.cssSelector("th[data-sort=score]")).getDomAttribute("aria-sort")).isEqualTo("descending");

    assertThat(summary("sum-traces")).isEqualTo(fmt(expected.size()));
    assertThat(summary("sum-tokens")).isEqualTo(fmt(PageData.sumTokens(expected)));
    assertThat(summary("sum-spans")).isEqualTo(fmt(PageData.sumSpans(expected)));
    assertThat(summary("sum-anomalies")).isEqualTo(fmt(PageData.anomalies(expected)));
    assertThat(driver.findElement(By.id("sum-tokens")).getDomAttribute("title")).startsWith("Total tokens:").contains("matching the filters");
    assertThat(driver.findElement(By.id("sum-anomalies")).getDomAttribute("title")).startsWith("Total anomalies:");
    assertThat(driver.findElement(By.id("sum-traces")).getDomAttribute("title")).startsWith("Total traces:");
    assertThat(driver.findElement(By.id("sum-spans")).getDomAttribute("title")).startsWith("Total spans:");
    assertThat(driver.findElement(By.id("page-range")).getText()).isEqualTo("1\u2013" + expected.size() + " of " + expected.size());

    // The time range inputs show the last 24 hours in the browser's zone.
    Instant now = Instant.now();
    DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneId.of(BROWSER_TZ));
    String to = driver.findElement(By.id("to")).getDomProperty("value");
    String from = driver.findElement(By.id("from")).getDomProperty("value");
    assertThat(List.of(local.format(now), local.format(now.minusSeconds(60)))).anyMatch(to::startsWith);
    assertThat(List.of(local.format(now.minus(24, ChronoUnit.HOURS)), local.format(now.minus(24, ChronoUnit.HOURS).minusSeconds(60))))
        .anyMatch(from::startsWith);

    // A row: score, timestamp in the browser's zone (UTC+05:30), formatted numbers.
    Map<String, Object> top = expected.stream().max(Comparator.comparingDouble(PageData::score)).orElseThrow();
    WebElement row = traceRow(PageData.traceId(top));
    assertThat(row.findElement(By.cssSelector(".c-score")).getText()).isEqualTo(String.format(java.util.Locale.US, "%.1f", PageData.score(top)));
    String shownTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.of(BROWSER_TZ)).format(data.start(top));
    assertThat(row.findElement(By.cssSelector(".c-time")).getText()).isEqualTo(shownTime);
    assertThat(row.findElement(By.cssSelector(".c-tokens")).getText()).isEqualTo(fmt(PageData.tokens(top)));
    assertThat(row.findElement(By.cssSelector(".c-dur")).getText()).matches("\\d+(\\.\\d+)? s");
    assertThat(row.findElement(By.cssSelector(".c-size")).getText()).matches("[\\d.]+ KB");
    screenshot("01-default-view");
  }

  @Test
  void typingNarrowsTheProjectListAndTheKeyboardPicksOne() {
    open(server, "/");
    WebElement input = driver.findElement(By.id("project-input"));
    input.click();
    assertThat(driver.findElements(By.cssSelector("#project-list li[role=option]"))).hasSize(2);
    input.sendKeys("zet");
    List<WebElement> options = driver.findElements(By.cssSelector("#project-list li[role=option]"));
    assertThat(options).hasSize(1);
    assertThat(options.get(0).getDomAttribute("data-value")).isEqualTo(ZETA);
    assertThat(options.get(0).findElement(By.tagName("mark")).getText()).isEqualTo("zet");
    assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(input.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
    screenshot("02-project-picker");

    reloadingBy(() -> input.sendKeys(Keys.ENTER));
    assertThat(input.getDomProperty("value")).isEqualTo(ZETA);
    assertThat(query()).contains("project=" + ZETA);
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(data.lastDay(ZETA, PageData::isAnomalous), PageData.byScoreDesc()));

    // Arrow keys walk the full list; Escape closes and keeps the chosen project.
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "e");
    assertThat(driver.findElements(By.cssSelector("#project-list li[role=option]"))).hasSize(2);
    input.sendKeys(Keys.ARROW_DOWN);
    assertThat(driver.findElement(By.cssSelector("#project-list li.active")).getDomAttribute("data-value")).isEqualTo(ZETA);
    input.sendKeys(Keys.ESCAPE);
    assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(input.getDomProperty("value")).isEqualTo(ZETA);

    reloadingBy(driver.navigate()::back);
    assertThat(driver.findElement(By.id("project-input")).getDomProperty("value")).isEqualTo(ACME);
  }

  @Test
  void durationAndTokenFiltersNarrowTheListAndTheTotalsFollow() {
    open(server, "/?project=" + ACME + "&show=all");
    assertThat(driver.findElement(By.cssSelector("#filters fieldset:nth-of-type(2) legend")).getDomProperty("textContent")).isEqualTo("Trace duration (seconds)");

    reloadingBy(() -> {
      driver.findElement(By.id("min-duration")).sendKeys("2");
      driver.findElement(By.id("max-duration")).sendKeys("5.5", Keys.ENTER);
    });
    List<Map<String, Object>> byDuration = data.lastDay(ACME, t -> PageData.duration(t) >= 2_000 && PageData.duration(t) <= 5_500);
    assertThat(shownTraceIds()).containsExactlyInAnyOrderElementsOf(PageData.ids(byDuration, PageData.byScoreDesc()));
    assertThat(summary("sum-traces")).isEqualTo(fmt(byDuration.size()));
    assertThat(query()).contains("minDuration=2").contains("maxDuration=5.5");

    reloadingBy(() -> {
      driver.findElement(By.id("min-tokens")).sendKeys("1000");
      driver.findElement(By.id("max-tokens")).sendKeys("3000", Keys.ENTER);
    });
    List<Map<String, Object>> both = byDuration.stream().filter(t -> PageData.tokens(t) >= 1_000 && PageData.tokens(t) <= 3_000).toList();
    assertThat(both).isNotEmpty();
    assertThat(shownTraceIds()).containsExactlyInAnyOrderElementsOf(PageData.ids(both, PageData.byScoreDesc()));
    assertThat(summary("sum-traces")).isEqualTo(fmt(both.size()));
    assertThat(summary("sum-tokens")).isEqualTo(fmt(PageData.sumTokens(both)));
    assertThat(summary("sum-spans")).isEqualTo(fmt(PageData.sumSpans(both)));
    assertThat(summary("sum-anomalies")).isEqualTo(fmt(PageData.anomalies(both)));
    assertThat(driver.findElement(By.id("summary-note")).getText()).contains("filtered by trace duration and tokens");
    screenshot("03-filtered");

    // Anomalous only, with the same filters.
    reloadingBy(() -> driver.findElement(By.xpath("//div[@class='segmented']/label[input[@value='anomalous']]")).click());
    List<Map<String, Object>> anomalousBoth = both.stream().filter(PageData::isAnomalous).toList();
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(anomalousBoth, PageData.byScoreDesc()));
  }

  @Test
  void aMinimumAboveTheMaximumIsShownAndNotAsked() {
    open(server, "/?project=" + ACME);
    // Each field applies when it changes: the minimum alone is a fine query.
    reloadingBy(() -> driver.findElement(By.id("min-tokens")).sendKeys("5000", Keys.TAB));
    int before = loads();
    driver.findElement(By.id("max-tokens")).sendKeys("10", Keys.ENTER);
    WebElement error = driver.findElement(By.id("filter-error"));
    assertThat(error.isDisplayed()).isTrue();
    assertThat(error.getText()).contains("minimum token count is above the maximum");
    assertThat(driver.findElement(By.id("min-tokens")).getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(loads()).isEqualTo(before);
    assertThat(query()).contains("minTokens=5000").doesNotContain("maxTokens");
  }

  @Test
  void sortingByScoreAndDurationFollowsTheHeaders() {
    open(server, "/?project=" + ACME);
    List<Map<String, Object>> expected = data.lastDay(ACME, PageData::isAnomalous);
    WebElement scoreHeader = driver.findElement(By.cssSelector("th[data-sort=score] button"));
    reloadingBy(scoreHeader::click);
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(expected, Comparator.comparingDouble(PageData::score)));
    assertThat(driver.findElement(By.cssSelector("th[data-sort=score]")).getDomAttribute("aria-sort")).isEqualTo("ascending");
    assertThat(query()).contains("sort=score").contains("order=asc");

    reloadingBy(() -> driver.findElement(By.cssSelector("th[data-sort=score] button")).click());
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(expected, PageData.byScoreDesc()));
    assertThat(driver.findElement(By.cssSelector("th[data-sort=score]")).getDomAttribute("aria-sort")).isEqualTo("descending");

    reloadingBy(() -> driver.findElement(By.cssSelector("th[data-sort=duration] button")).click());
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(expected, Comparator.comparingDouble(PageData::duration).reversed()));
    assertThat(driver.findElement(By.cssSelector("th[data-sort=score]")).getDomAttribute("aria-sort")).isNull();
    assertThat(driver.findElement(By.cssSelector("th[data-sort=duration]")).getDomAttribute("aria-sort")).isEqualTo("descending");

    reloadingBy(() -> driver.findElement(By.cssSelector("th[data-sort=timestamp] button")).click());
    assertThat(shownTraceIds()).isEqualTo(PageData.ids(expected, Comparator.comparing(data::start).reversed()));
  }

  @Test
  void pagesWithAPageSizeAndPrevNext() {
    open(server, "/?project=" + ACME + "&show=all");
    List<Map<String, Object>> all = data.lastDay(ACME, t -> true);
    assertThat(all).hasSizeGreaterThan(25);
    List<String> order = PageData.ids(all, PageData.byScoreDesc());
    reloadingBy(() -> new Select(driver.findElement(By.id("page-size"))).selectByVisibleText("25"));
    assertThat(driver.findElement(By.id("page-range")).getText()).isEqualTo("1\u201325 of " + all.size());
    assertThat(shownTraceIds()).isEqualTo(order.subList(0, 25));
    assertThat(driver.findElement(By.id("prev-page")).isEnabled()).isFalse();

    reloadingBy(() -> driver.findElement(By.id("next-page")).click());
    assertThat(driver.findElement(By.id("page-range")).getText()).isEqualTo("26\u2013" + Math.min(50, all.size()) + " of " + all.size());
    assertThat(shownTraceIds()).isEqualTo(order.subList(25, Math.min(50, all.size())));
    assertThat(query()).contains("page=2").contains("size=25");
    if (all.size() <= 50) {
      assertThat(driver.findElement(By.id("next-page")).isEnabled()).isFalse();
    }
    reloadingBy(() -> driver.findElement(By.id("prev-page")).click());
    assertThat(shownTraceIds()).isEqualTo(order.subList(0, 25));
  }

  @Test
  void eachAnomalyTypeHasItsOwnIconWithHoverTextAndAnAccessibleName() {
    open(server, "/?project=" + ACME);
    Map<String, String> labels = Map.of(
        "TRACE_RESPONSE_TIME", "Trace response time",
        "SPAN_RESPONSE_TIME", "Span response time",
        "SPAN_NO_PROMPT_RESPONSE", "Span no prompt response",
        "SPAN_ERROR", "Span error");
    java.util.Set<String> shapes = new java.util.HashSet<>();
    labels.forEach((type, label) -> {
      WebElement icon = driver.findElement(By.cssSelector("#trace-rows .type-icon[data-type=" + type + "]"));
      assertThat(icon.getDomAttribute("role")).isEqualTo("img");
      assertThat(icon.getDomAttribute("aria-label")).isEqualTo(label);
      assertThat(icon.getDomAttribute("title")).startsWith(label + ":");
      assertThat(icon.getAccessibleName()).isEqualTo(label);
      assertThat(icon.findElement(By.tagName("svg")).isDisplayed()).isTrue();
      shapes.add((String) js("return arguments[0].querySelector('svg').innerHTML", icon));
      new org.openqa.selenium.interactions.Actions(driver).moveToElement(icon).perform();
    });
    assertThat(shapes).as("four distinct drawings").hasSize(4);
    assertThat(driver.findElements(By.cssSelector("#type-legend .type-icon"))).hasSize(4);
  }

  @Test
  void theListNeverLoadsSpans() {
    open(server, "/?project=" + ACME + "&show=all&size=100");
    @SuppressWarnings("unchecked")
    List<String> requests = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/'))");
    assertThat(requests).isNotEmpty().allMatch(u -> u.endsWith("/api/me") || u.contains("/api/projects") || u.contains("/api/traces?"));
    assertThat(driver.findElements(By.cssSelector(".span-row"))).isEmpty();
  }

  @Test
  void fitsA1200PixelWindow() {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
    try {
      open(server, "/?project=" + ACME + "&trace=" + PageData.NESTED);
      waitFor("the spans", d -> d.findElements(By.cssSelector("tr.detail-row[data-state=ready]")).isEmpty() ? null : true);
      assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
      screenshot("10-at-1200px");
    } finally {
      driver.manage().window().setSize(before);
    }
  }
}
