package cn.ogi.e2e.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium as Debian installs it ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; packages
 * chromium, chromium-driver, fonts-noto-cjk — {@code deploy/local/browser} installs them), driven by Selenium with
 * the driver named explicitly, so Selenium Manager never downloads anything. Each browser gets a fresh profile.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OGI_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("OGI_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** A new headless browser, its window 1440 × 1000; screenshots go to {@code screenshots}. */
    public static Browser start(Path screenshots) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER + " is missing: run deploy/local/browser "
                    + "(apt-get install chromium chromium-driver fonts-noto-cjk) — deploy/local/test does it");
        }
        try {
            Files.createDirectories(screenshots);
            Path profile = Files.createTempDirectory("ogi-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--lang=zh-CN",
                    "--window-size=1440,1000",
                    "--user-data-dir=" + profile);
            // the browser's console log, to see what the Content-Security-Policy refused
            var logging = new org.openqa.selenium.logging.LoggingPreferences();
            logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Empties the HTTP cache (Chrome DevTools protocol), so that the next page loads every asset again. */
    public void clearCache() {
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .withMessage(() -> what + " (at " + driver.getCurrentUrl() + ")")
                .pollingEvery(Duration.ofMillis(50))
                .until(condition);
    }

    /** Waits until the console says the view at {@code pathPrefix} is drawn ({@code body[data-state=ready]}). */
    public void awaitView(String pathPrefix, Duration timeout) {
        await(
                "the view " + pathPrefix + " to be drawn",
                timeout,
                d -> url().contains(pathPrefix)
                        && "ready".equals(script("return document.body.dataset.state || null"))
                        && !all("#app").isEmpty());
    }

    /**
     * What the browser refused under the pages' Content-Security-Policy since the last call (its console log), e.g.
     * a call to a service the policy does not list; empty when the page needed nothing it does not allow.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Saves a screenshot as {@code <name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screenshot of the whole page: the window made as tall as the content (DevTools' layout metrics), the charts
     * given a moment to follow the resize, then restored.
     */
    @SuppressWarnings("unchecked")
    public Path fullPageScreenshot(String name) {
        var size = driver.manage().window().getSize();
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        double content = ((Number) ((Map<String, Object>) metrics.get("cssContentSize")).get("height")).doubleValue();
        int height = (int) Math.min(8000, Math.ceil(content) + (size.height - viewportHeight()) + 40);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.width, Math.max(size.height, height)));
        script("window.scrollTo(0, 0)");
        pause(400);
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    private int viewportHeight() {
        return ((Number) script("return window.innerHeight")).intValue();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            } catch (IOException e) {
                // a profile left in /tmp is harmless
            }
        }
    }
}
