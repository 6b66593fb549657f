package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Warm-up page in headless Chromium (Debian's chromium and chromedriver, as in
 * {@link HomePageBrowserIT}): the chart renders with one bar per day, bars grow to the plateau,
 * and the form re-plans. Screenshots go to target/screenshots/.
 */
class WarmupPageBrowserIT {
    static WebServer server;
    static HeadlessChromium browser;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        WarmupModule module = new WarmupModule(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
        server = WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.WARMUP, module))).build().start();
        browser = HeadlessChromium.start(1280, 1100);
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void chartDrawsTheRampAndTheFormReplans() throws Exception {
        driver.get(server.url() + "/warmup?start=5&target=50&provider=gmail");
        assertThat(driver.getTitle()).isEqualTo("Warm-up · maildoctor");
        WebElement chart = driver.findElement(By.id("warmup-chart"));
        assertThat(chart.getSize().getWidth()).isGreaterThan(300);
        List<WebElement> bars = chart.findElements(By.cssSelector("rect.day"));
        assertThat(bars).hasSize(driver.findElements(By.cssSelector("#plan-days tbody tr")).size()).hasSize(31);
        // rendered heights, not just attributes: the first bar is a tenth of the plateau's
        double first = bars.getFirst().getRect().getHeight();
        double last = bars.getLast().getRect().getHeight();
        assertThat(last / first).isBetween(9.0, 11.0);
        assertThat(driver.findElement(By.id("promised-day")).getText()).isEqualTo("24");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("warmup-plan.png"),
                StandardCopyOption.REPLACE_EXISTING);

        driver.findElement(By.cssSelector("input[name=weekdaysOnly]")).click();
        WebElement target = driver.findElement(By.id("target"));
        target.clear();
        target.sendKeys("20");
        browser.submit(driver.findElement(By.cssSelector("form.warmup-form button[type=submit]")));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("weekdaysOnly=true"));
        assertThat(driver.findElement(By.id("plateau")).getText()).isEqualTo("20");
        // 2026-03-07 is a Saturday: day 6 has no bar height
        WebElement saturday = driver.findElement(By.cssSelector("#warmup-chart rect.day[data-day='6']"));
        assertThat(saturday.getDomAttribute("data-volume")).isEqualTo("0");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("warmup-plan-weekdays.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
