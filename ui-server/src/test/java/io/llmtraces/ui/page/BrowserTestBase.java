package io.llmtraces.ui.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium per test class (Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium through an explicit driver service, so nothing is ever downloaded). The browser
 * runs in the Asia/Kolkata time zone (UTC+05:30, no daylight saving) so that tests can tell the
 * browser's zone from UTC. Downloads go to {@code target/page-it/<class>/downloads}, screenshots to
 * {@code target/page-screenshots}.
 */
abstract class BrowserTestBase {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String BROWSER_TZ = "Asia/Kolkata";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Path TARGET = Path.of("target").toAbsolutePath();
  static final Path SCREENSHOTS = TARGET.resolve("page-screenshots");

  static ChromeDriver driver;
  static ChromeDriverService service;
  static Path work;
  static Path downloads;

  @BeforeAll
  static void startBrowser(TestInfo info) throws IOException {
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!new File(binary).canExecute()) {
        throw new IllegalStateException(
            binary + " is missing: the page tests need a real browser. Install it with "
                + "`apt-get update && apt-get install -y chromium chromium-driver` (scripts/test does this).");
      }
    }
    work = TARGET.resolve("page-it").resolve(info.getTestClass().orElseThrow().getSimpleName());
    deleteTree(work);
    downloads = Files.createDirectories(work.resolve("downloads"));
    Path profile = Files.createDirectories(work.resolve("profile"));
    Files.createDirectories(SCREENSHOTS);

    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .withEnvironment(Map.of("TZ", BROWSER_TZ))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
        "--window-size=1280,1000", "--lang=en-US");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    prefs.put("download.directory_upgrade", true);
    options.setExperimentalOption("prefs", prefs);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    driver = new ChromeDriver(service, options);
    // Headless Chrome also takes the download folder through the DevTools protocol.
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
  }

  /** No script error happened on the page (failed requests the tests provoke are not script errors). */
  @AfterEach
  void noScriptErrors() {
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> !m.contains("Failed to load resource") && !m.contains("net::ERR_"))
            .toList();
    assertThat(errors).as("errors in the browser console").isEmpty();
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  static <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
  }

  /** Opens the page at {@code server + pathAndQuery} and waits for the trace list to settle. */
  static void open(PageServer server, String pathAndQuery) {
    driver.get(server.url + pathAndQuery);
    waitSettled();
  }

  /** How many trace lists the page has finished loading so far (0 before the first). */
  static int loads() {
    Object v = js("return Number(document.getElementById('results').dataset.loads || 0)");
    return ((Number) v).intValue();
  }

  /** Waits until the list is not loading (ready, empty or error). */
  static String waitSettled() {
    return waitFor("the trace list to settle", d -> {
      String s = d.findElement(By.id("results")).getDomAttribute("data-state");
      return s != null && !s.equals("loading") ? s : null;
    });
  }

  /** Runs an action that reloads the list and waits until the new list is shown. */
  static String reloadingBy(Runnable action) {
    int before = loads();
    action.run();
    waitFor("the trace list to load again", d -> loads() > before ? true : null);
    return waitSettled();
  }

  static List<String> shownTraceIds() {
    return driver.findElements(By.cssSelector("#trace-rows tr.trace-row")).stream().map(r -> r.getDomAttribute("data-trace-id")).toList();
  }

  static WebElement traceRow(String traceId) {
    return driver.findElement(By.cssSelector("#trace-rows tr.trace-row[data-trace-id='" + traceId + "']"));
  }

  static String summary(String cardId) {
    return driver.findElement(By.cssSelector("#" + cardId + " [data-value]")).getText();
  }

  static String query() {
    return (String) js("return window.location.search");
  }

  static String fmt(long n) {
    return String.format(java.util.Locale.US, "%,d", n);
  }

  static void assertNoAlert() {
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert is open: script from the data ran");
    } catch (NoAlertPresentException expected) {
      // good
    }
    assertThat(js("return window.__xss === undefined")).isEqualTo(true);
  }

  /** A PNG of the whole page (the window grown to the page's height) under target/page-screenshots. */
  static Path screenshot(String name) {
    return screenshot(name, null);
  }

  /** A PNG of one element (null: the whole page), the window grown so that all of it is drawn. */
  static Path screenshot(String name, WebElement element) {
    Dimension before = driver.manage().window().getSize();
    long height = (Long) js("return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))");
    driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 140, 700), 4000)));
    try {
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, element == null ? driver.getScreenshotAs(OutputType.BYTES) : element.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }
}
