package io.llmtraces.ui.page;

import static io.llmtraces.ui.page.PageData.ACME;
import static io.llmtraces.ui.page.PageData.BIG;
import static io.llmtraces.ui.page.PageData.ZETA;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.ui.auth.ProjectPatterns;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Signing in and out with authentication on: two users whose keys allow different projects
 * (alice: {@code acme-*}, zed: {@code zeta-*}), a wrong key, project isolation, sign-out, and a
 * session that ends while the page is open. And with authentication off, no login UI at all.
 */
class LoginPageIT extends BrowserTestBase {
  static PageServer server;
  static String aliceKey;
  static String zedKey;

  @BeforeAll
  static void startServer() {
    server = PageServer.withAuth(work.resolve("warehouse"), PageData.build(Instant.now()));
    aliceKey = server.users.add("alice", ProjectPatterns.of("acme-*")).key();
    zedKey = server.users.add("zed", ProjectPatterns.of("zeta-*")).key();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** Every test starts signed out, on the form. */
  @BeforeEach
  void signedOut() {
    driver.get(server.url + "/");
    driver.manage().deleteAllCookies();
    driver.get(server.url + "/");
    waitForForm();
  }

  static WebElement waitForForm() {
    return waitFor("the sign-in form", d -> {
      WebElement form = d.findElement(By.id("login"));
      return form.isDisplayed() ? form : null;
    });
  }

  /** Types a user name and key and presses Enter in the key field. */
  static void signIn(String user, String key) {
    WebElement name = driver.findElement(By.id("login-user"));
    name.clear();
    name.sendKeys(user);
    WebElement keyField = driver.findElement(By.id("login-key"));
    keyField.clear();
    keyField.sendKeys(key, Keys.ENTER);
  }

  static List<String> listedProjects() {
    driver.findElement(By.id("project-input")).click();
    List<String> names = driver.findElements(By.cssSelector("#project-list li[data-value]")).stream()
        .map(li -> li.getDomAttribute("data-value")).toList();
    driver.findElement(By.id("project-input")).sendKeys(Keys.ESCAPE);
    return names;
  }

  static Object apiStatus(String path) {
    return driver.executeAsyncScript("const done = arguments[1]; fetch(arguments[0]).then(r => done(r.status), e => done(String(e)));", path);
  }

  @Test
  void theFormShowsInsteadOfTheTracesAndAWrongKeyIsSaidPlainly() {
    assertThat(driver.findElement(By.tagName("main")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("project-input")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("send-traces")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("user-menu")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("login-key")).getDomAttribute("type")).isEqualTo("password");
    assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("login-user");
    screenshot("20-sign-in");

    signIn("alice", "not-the-key");
    WebElement error = waitFor("the sign-in error", d -> {
      WebElement e = d.findElement(By.id("login-error"));
      return e.isDisplayed() ? e : null;
    });
    assertThat(error.getText()).isEqualTo("Wrong user name or license key. Check both and try again.");
    assertThat(driver.findElement(By.id("login-key")).getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.tagName("main")).isDisplayed()).isFalse();
    screenshot("21-sign-in-wrong-key");

    // Another user's key with alice's name is just as wrong.
    signIn("alice", zedKey);
    waitFor("the error again", d -> d.findElement(By.id("login-error")).isDisplayed() ? true : null);
    assertThat(apiStatus("/api/projects")).isEqualTo(401L);

    // Empty fields are said before anything is sent.
    driver.findElement(By.id("login-user")).clear();
    driver.findElement(By.id("login-key")).sendKeys(Keys.ENTER);
    assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo("Enter your user name.");
  }

  @Test
  void aUserSeesOnlyTheProjectsTheirKeyAllows() {
    signIn("alice", aliceKey);
    assertThat(waitSettled()).isEqualTo("ready");
    assertThat(driver.findElement(By.id("login")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("alice");
    assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
    assertThat(query()).isEqualTo("?project=" + ACME);
    assertThat(listedProjects()).containsExactly(ACME);
    assertThat(shownTraceIds()).isNotEmpty();
    screenshot("22-signed-in");

    // zed's project typed into the URL: not found, exactly like a project that does not exist.
    open(server, "/?project=" + ZETA + "&trace=" + BIG);
    assertThat(waitSettled()).isEqualTo("error");
    assertThat(driver.findElement(By.cssSelector("#status .error-message")).getText())
        .isEqualTo("Could not load traces: no project " + ZETA);
    assertThat(driver.findElement(By.id("pinned")).isDisplayed()).isFalse();
    assertThat(shownTraceIds()).isEmpty();
    assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(BIG);
    assertThat(listedProjects()).containsExactly(ACME);
    assertThat(apiStatus("/api/traces/" + BIG + "/json?project=" + ZETA)).isEqualTo(404L);
  }

  @Test
  void signingOutReturnsToTheFormAndForgetsTheTraces() {
    signIn("alice", aliceKey);
    assertThat(waitSettled()).isEqualTo("ready");
    driver.findElement(By.id("sign-out")).click();
    waitForForm();
    assertThat(driver.findElement(By.id("login-note")).getText()).isEqualTo("You have signed out.");
    assertThat(driver.findElement(By.id("login-user")).getDomProperty("value")).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#trace-rows tr"))).isEmpty();
    assertThat(query()).isEmpty();
    assertThat(apiStatus("/api/me")).isEqualTo(401L);

    // The next user sees their own projects only.
    signIn("zed", zedKey);
    assertThat(waitSettled()).isEqualTo("ready");
    assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("zed");
    assertThat(query()).isEqualTo("?project=" + ZETA);
    assertThat(listedProjects()).containsExactly(ZETA);
  }

  @Test
  void anEndedSessionAsksToSignInAgainAndKeepsTheView() {
    signIn("alice", aliceKey);
    assertThat(waitSettled()).isEqualTo("ready");
    String view = "?project=" + ACME + "&show=all&sort=duration&order=asc&size=25";
    open(server, "/" + view);
    List<String> before = shownTraceIds();
    assertThat(before).hasSize(25);

    // The session is gone (expired, revoked, server restarted): the next call answers 401.
    driver.manage().deleteCookieNamed("llmtraces_session");
    driver.findElement(By.id("refresh")).click();
    waitForForm();
    assertThat(driver.findElement(By.id("login-note")).getText()).isEqualTo("Your session has ended. Sign in again to return to this view.");
    assertThat(driver.findElement(By.id("login-user")).getDomProperty("value")).isEqualTo("alice");
    assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("login-key");
    assertThat(driver.findElement(By.tagName("main")).isDisplayed()).isFalse();
    assertThat(query()).isEqualTo(view);

    driver.switchTo().activeElement().sendKeys(aliceKey, Keys.ENTER);
    assertThat(waitSettled()).isEqualTo("ready");
    assertThat(query()).isEqualTo(view);
    assertThat(shownTraceIds()).isEqualTo(before);
    assertThat(driver.findElement(By.cssSelector("input[name=show][value=all]")).isSelected()).isTrue();
  }

  @Test
  void withAuthenticationOffThereIsNoLoginAtAll() throws Exception {
    try (PageServer open = PageServer.start(work.resolve("open-warehouse"), null)) {
      open(open, "/");
      assertThat(waitSettled()).isEqualTo("empty");
      assertThat(driver.findElement(By.id("login")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.id("user-menu")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.tagName("main")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.id("send-traces")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.id("status")).getText()).contains("No trace projects yet");
    }
  }
}
