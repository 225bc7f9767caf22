package io.llmtraces.ui.page;

import static io.llmtraces.ui.page.PageData.ACME;
import static io.llmtraces.ui.page.PageData.ZETA;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.ui.auth.ProjectPatterns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The "Send traces" dialog (Generate Config), signed in as alice ({@code acme-*}) with
 * authentication on: each tab's snippet for the current project, another project typed in, a
 * project the key may not write, copying, the key pasted client-side, the documentation link,
 * and the keyboard (tabs, focus kept inside, Escape).
 */
class GenerateConfigPageIT extends BrowserTestBase {
  static final String ENDPOINT = "http://127.0.0.1:" + PageServer.OTLP_PORT;
  static PageServer server;
  static String aliceKey;

  @BeforeAll
  static void startServer() {
    server = PageServer.withAuth(work.resolve("warehouse"), PageData.build(Instant.now()));
    aliceKey = server.users.add("alice", ProjectPatterns.of("acme-*")).key();
    driver.get(server.url + "/");
    LoginPageIT.waitForForm();
    LoginPageIT.signIn("alice", aliceKey);
    waitSettled();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void freshPage() {
    open(server, "/?project=" + ACME);
  }

  static WebElement openDialog() {
    driver.findElement(By.id("send-traces")).click();
    return waitFor("the dialog", d -> {
      WebElement dialog = d.findElement(By.id("config-dialog"));
      return dialog.getDomProperty("open").equals("true") ? dialog : null;
    });
  }

  static boolean dialogOpen() {
    return driver.findElement(By.id("config-dialog")).getDomProperty("open").equals("true");
  }

  /** Waits until the panel shows the snippet of {@code kind} and answers its text. */
  static String snippet(String kind) {
    waitFor("the " + kind + " snippet", d -> {
      WebElement panel = d.findElement(By.id("config-panel"));
      return kind.equals(panel.getDomAttribute("data-kind")) && "ready".equals(panel.getDomAttribute("data-state")) ? true : null;
    });
    return (String) js("return document.querySelector('#config-code code').textContent");
  }

  static String panelState() {
    return waitFor("the panel to settle", d -> {
      String s = d.findElement(By.id("config-panel")).getDomAttribute("data-state");
      return s.equals("loading") ? null : s;
    });
  }

  static WebElement tab(String kind) {
    return driver.findElement(By.id("config-tab-" + kind));
  }

  static String focusedId() {
    return driver.switchTo().activeElement().getDomAttribute("id");
  }

  @Test
  void eachTabShowsItsConfigurationForTheCurrentProject() {
    openDialog();
    assertThat(driver.findElement(By.id("config-project")).getDomProperty("value")).isEqualTo(ACME);
    assertThat(focusedId()).isEqualTo("config-tab-collector");
    assertThat(tab("collector").getDomAttribute("aria-selected")).isEqualTo("true");
    assertThat(driver.findElement(By.id("config-panel")).getDomAttribute("aria-labelledby")).isEqualTo("config-tab-collector");

    String kafka = snippet("collector");
    assertThat(kafka).contains("kafka:", "topic: \"otlp_spans\"", "encoding: otlp_proto", "partition_traces_by_id: true",
        "key: iftracer.project", "value: \"" + ACME + "\"", "brokers: [\"localhost:9092\"]");
    assertThat(driver.findElement(By.id("config-file")).getText()).endsWith("otel-collector-kafka.yaml");
    screenshot("23-send-traces-collector-kafka", driver.findElement(By.id("config-dialog")));

    // Arrow keys move between the tabs (automatic activation).
    driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
    assertThat(focusedId()).isEqualTo("config-tab-collector-http");
    assertThat(snippet("collector-http")).contains("otlphttp:", "endpoint: \"" + ENDPOINT + "\"", "iftracer_user: \"alice\"",
        "iftracer_license_key: \"<YOUR_LICENSE_KEY>\"", "iftracer_project: \"" + ACME + "\"");

    driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
    String python = snippet("iftracer");
    assertThat(python).contains("Iftracer.init(", "api_endpoint=\"" + ENDPOINT + "\"", "iftracer_user=\"alice\"",
        "iftracer_license_key=\"<YOUR_LICENSE_KEY>\"", "iftracer_project=\"" + ACME + "\"");
    assertThat(driver.findElement(By.id("config-code")).getText()).isEqualTo(python.stripTrailing());

    tab("otel-env").click();
    assertThat(snippet("otel-env")).contains("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=" + ENDPOINT + "/v1/traces",
        "OTEL_EXPORTER_OTLP_HEADERS=iftracer_user=alice,iftracer_license_key=<YOUR_LICENSE_KEY>,iftracer_project=" + ACME,
        "TRACELOOP_BASE_URL=" + ENDPOINT);

    driver.switchTo().activeElement().sendKeys(Keys.HOME);
    assertThat(focusedId()).isEqualTo("config-tab-collector");
    assertThat(snippet("collector")).isEqualTo(kafka);
    // The page never had the key: only the placeholder is shown.
    assertThat((String) js("return document.body.textContent")).doesNotContain(aliceKey);
  }

  @Test
  void anotherProjectCanBeTypedAndOneTheKeyMayNotWriteIsSaid() {
    openDialog();
    tab("iftracer").click();
    snippet("iftracer");
    WebElement project = driver.findElement(By.id("config-project"));
    project.clear();
    project.sendKeys("acme-new-bot", Keys.ENTER);
    waitFor("the new project's snippet", d -> snippet("iftracer").contains("iftracer_project=\"acme-new-bot\"") ? true : null);

    project.clear();
    project.sendKeys(ZETA, Keys.ENTER);
    assertThat(panelState()).isEqualTo("error");
    assertThat(driver.findElement(By.id("config-status")).getText()).startsWith("your key may not write project " + ZETA);
    assertThat(driver.findElement(By.id("config-code")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("config-copy")).isEnabled()).isFalse();

    project.clear();
    project.sendKeys(Keys.ENTER);
    assertThat(panelState()).isEqualTo("empty");
    assertThat(driver.findElement(By.id("config-status")).getText()).startsWith("Enter a project name");
  }

  @Test
  void copyPutsTheSnippetOnTheClipboardAndAPastedKeyStaysInTheBrowser() {
    driver.executeCdpCommand("Browser.grantPermissions",
        Map.of("origin", server.url, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    openDialog();
    tab("collector-http").click();
    String yaml = snippet("collector-http");
    driver.findElement(By.id("config-copy")).click();
    waitFor("the copy confirmation", d -> d.findElement(By.id("config-status")).getText().equals("Copied otel-collector.yaml to the clipboard.") ? true : null);
    assertThat(driver.executeAsyncScript("const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));"))
        .isEqualTo(yaml);

    // A pasted key fills the placeholder in, in the browser: no request carries it.
    driver.findElement(By.id("config-key")).sendKeys(aliceKey);
    assertThat(snippet("collector-http")).contains("iftracer_license_key: \"" + aliceKey + "\"").doesNotContain("<YOUR_LICENSE_KEY>");
    tab("otel-env").click();
    assertThat(snippet("otel-env")).contains("iftracer_license_key=" + aliceKey + ",");
    driver.findElement(By.id("config-copy")).click();
    waitFor("the copy confirmation", d -> d.findElement(By.id("config-status")).getText().startsWith("Copied otel.env") ? true : null);
    assertThat((String) driver.executeAsyncScript("const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));"))
        .contains("iftracer_license_key=" + aliceKey + ",");
    @SuppressWarnings("unchecked")
    List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
    assertThat(requested).anyMatch(u -> u.contains("/api/ingest/config")).noneMatch(u -> u.contains(aliceKey));

    // Something that is not a key is not filled in.
    WebElement key = driver.findElement(By.id("config-key"));
    key.clear();
    key.sendKeys("\"oops");
    assertThat(key.getDomAttribute("aria-invalid")).isNotNull();
    assertThat(snippet("otel-env")).contains("<YOUR_LICENSE_KEY>").doesNotContain("oops");
  }

  @Test
  void theKeyboardStaysInsideAndEscapeCloses() {
    WebElement dialog = openDialog();
    snippet("collector");
    // Tab from the last control goes round to the first; Shift+Tab from the first to the last.
    List<WebElement> closers = dialog.findElements(By.cssSelector("[data-close]"));
    WebElement first = closers.get(0);
    WebElement last = closers.get(closers.size() - 1);
    js("arguments[0].focus()", last);
    last.sendKeys(Keys.TAB);
    assertThat(driver.switchTo().activeElement()).isEqualTo(first);
    first.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertThat(driver.switchTo().activeElement()).isEqualTo(last);
    for (int i = 0; i < 12; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      assertThat(dialog.findElements(By.xpath(".//*")).contains(driver.switchTo().activeElement()))
          .as("focus inside the dialog after %d tabs", i + 1).isTrue();
    }

    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    waitFor("the dialog to close", d -> dialogOpen() ? null : true);
    assertThat(focusedId()).isEqualTo("send-traces");

    // The close buttons close it too; Enter on the opener opens it again.
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitFor("the dialog", d -> dialogOpen() ? true : null);
    driver.findElement(By.cssSelector("#config-dialog .dialog-close")).click();
    waitFor("the dialog to close", d -> dialogOpen() ? null : true);
  }

  @Test
  void theDocumentationLinkServesDocsIngest() {
    openDialog();
    WebElement link = driver.findElement(By.id("config-docs"));
    assertThat(link.getText()).isEqualTo("Deploy Agent documentation");
    assertThat(link.getDomProperty("href")).isEqualTo(server.url + "/docs/ingest.md");
    @SuppressWarnings("unchecked")
    Map<String, Object> res = (Map<String, Object>) driver.executeAsyncScript(
        "const done = arguments[1]; fetch(arguments[0]).then(async r => done({status: r.status, type: r.headers.get('content-type'), text: await r.text()}), e => done({error: String(e)}));",
        link.getDomProperty("href"));
    assertThat(res.get("status")).isEqualTo(200L);
    assertThat((String) res.get("type")).startsWith("text/plain");
    assertThat((String) res.get("text")).startsWith("# Sending traces").contains("partition_traces_by_id");
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
  }
}
