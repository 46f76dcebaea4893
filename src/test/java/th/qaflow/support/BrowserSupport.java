package th.qaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real browser for a test class: one headless Chromium (Debian's, with its chromedriver) for the
 * whole class, started before it and quit after it; before each test its cookies are gone (signed
 * out) and the window is back at {@link #DESKTOP} size. Register it in a {@code RANDOM_PORT} Spring
 * Boot test:
 *
 * <pre>&#64;RegisterExtension static final BrowserSupport browser = new BrowserSupport();</pre>
 *
 * CI installs Chromium (.ci/run) and must run the browser tests ({@code CI=true}); elsewhere the
 * class is skipped when {@code apt-get install chromium chromium-driver} was not done.
 */
public final class BrowserSupport
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  public static final File CHROMIUM = new File("/usr/bin/chromium");
  public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  public static final Dimension DESKTOP = new Dimension(1280, 1000);

  /** A common phone's CSS viewport. */
  public static final Dimension PHONE = new Dimension(390, 844);

  /** Where {@link #screenshot} writes, for people to look at after a run. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private ChromeDriver driver;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(
          CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "Debian's chromium is not installed");
    }
    port =
        Integer.parseInt(
            SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=th-TH",
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // a fresh start for each test in the shared browser: nobody signed in, desktop size
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    driver.get("about:blank");
    driver.manage().window().setSize(DESKTOP);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** The absolute URL of a path of the app under test. */
  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Fills and sends the sign-in form of the page the browser is on. */
  public void submitLogin(String user, String password) {
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
  }

  /**
   * Signs out whoever was signed in, then signs in as the demo user and waits until the login page
   * is left.
   */
  public void login(String user) {
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    submitLogin(user, "demo");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /**
   * Follows the navigation's link to a page as a person does: on a phone they open the menu first,
   * and a page of the district's staff sits in one of the navigation's menus, opened by its name.
   */
  public void openFromNav(String href) {
    WebElement menuButton = driver.findElement(By.id("menu-button"));
    if (menuButton.isDisplayed() && !"true".equals(menuButton.getAttribute("aria-expanded"))) {
      menuButton.click();
    }
    WebElement link = driver.findElement(By.cssSelector("#main-nav a[href='" + href + "']"));
    if (!link.isDisplayed()) {
      link.findElement(By.xpath("ancestor::details[1]/summary")).click();
    }
    link.click();
  }

  /**
   * Clicks a button that sends a form and waits until the browser has left the page, for a form
   * whose answer is the same page again (its elements would otherwise be read before the reload).
   */
  public void submitAndWait(By button) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(button).click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
  }

  /** The window at a size, e.g. {@link #PHONE}; each test starts at {@link #DESKTOP}. */
  public void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /**
   * The page shown now at {@code desktop} and at {@link #PHONE}: its critical and serious axe
   * violations go into {@code problems} under the width and {@code name} (so a test reports every
   * page's at its end), it must not scroll sideways, and it is saved as {@code
   * <name>-desktop.png}/{@code <name>-phone.png}. The window is back at {@code desktop} afterwards.
   */
  public void checkPage(String name, Dimension desktop, Map<String, List<String>> problems)
      throws IOException {
    for (Dimension size : List.of(desktop, PHONE)) {
      resize(size);
      List<String> found = Axe.violations(driver);
      if (!found.isEmpty()) {
        problems.put(size.width + "px " + name, found);
      }
      assertThat(
              (Boolean)
                  ((JavascriptExecutor) driver)
                      .executeScript(
                          "return document.documentElement.scrollWidth > window.innerWidth + 1;"))
          .as("no sideways scrolling: " + name + " at " + size.width)
          .isFalse();
      screenshot(name + (size == PHONE ? "-phone" : "-desktop"));
    }
    resize(desktop);
  }
}
