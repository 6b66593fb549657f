package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Warm-up page in headless Chromium (Debian's chromium and chromedriver, as in
 * {@link HomePageBrowserIT}): the chart renders with one bar per day, bars grow to the plateau,
 * and the form re-plans. Screenshots go to target/screenshots/.
 */
class WarmupPageBrowserIT {
    static WebServer server;
    static ChromeDriverService service;
    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", HomePageBrowserIT.CHROMEDRIVER);
        WarmupModule module = new WarmupModule(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
        server = WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.WARMUP, module))).build().start();
        profile = Files.createTempDirectory("maildoctor-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(HomePageBrowserIT.CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(HomePageBrowserIT.CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1100");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (server != null) {
                server.stop();
            }
            if (profile != null) {
                try (var walk = Files.walk(profile)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (Exception ignored) {
                    // a leftover temp profile is harmless
                }
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
        driver.findElement(By.cssSelector("form.warmup-form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("weekdaysOnly=true"));
        assertThat(driver.findElement(By.id("plateau")).getText()).isEqualTo("20");
        // 2026-03-07 is a Saturday: day 6 has no bar height
        WebElement saturday = driver.findElement(By.cssSelector("#warmup-chart rect.day[data-day='6']"));
        assertThat(saturday.getDomAttribute("data-volume")).isEqualTo("0");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("warmup-plan-weekdays.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
