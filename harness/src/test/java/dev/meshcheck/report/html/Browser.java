package dev.meshcheck.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver: opens a report page from disk and
 * says what rendered, what the console logged and which requests the page made. Closing it quits
 * the browser.
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChromeDriver driver;

  /** What a page did when it opened. */
  record Visit(
      List<Map<String, Object>> charts, List<String> consoleErrors, List<String> requests) {}

  Browser() {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "the HTML reports are checked in Debian's chromium: apt-get install chromium"
                + " chromium-driver (scripts/setup-host.sh does)")
        .isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The flags that keep Chromium quiet on a machine without internet, running as root.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  Visit open(Path page) throws Exception {
    driver.get(page.toUri().toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts =
        (List<Map<String, Object>>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('svg.chart')).map(svg => {"
                        + " const box = svg.getBoundingClientRect();"
                        + " const drawn = Array.from(svg.querySelectorAll('g.series path'))"
                        + "   .filter(p => (p.getAttribute('d') || '').includes('L') && p.getTotalLength() > 0).length"
                        + "   + svg.querySelectorAll('rect.bar').length;"
                        + " const centre = el => { const b = el.getBoundingClientRect();"
                        + "   return {x: b.x + b.width / 2 - box.x, height: b.height}; };"
                        + " const markers = Array.from(svg.querySelectorAll('g.marker')).map(g =>"
                        + "   Object.assign({label: g.querySelector('text').textContent},"
                        + "     centre(g.querySelector('line'))));"
                        + " const dots = Array.from(svg.querySelectorAll('circle')).map(c =>"
                        + "   Object.assign({title: c.querySelector('title').textContent}, centre(c)));"
                        + " return {title: svg.getAttribute('aria-label'), width: box.width, height: box.height,"
                        + "   drawn: drawn, markers: markers, dots: dots}; });");
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    List<String> requests = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        requests.add(message.path("params").path("request").path("url").asText());
      }
    }
    return new Visit(charts, errors, requests);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
