package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
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
 * Drives the home page in headless Chromium from Debian's chromium and chromium-driver packages.
 * The driver executable is given explicitly, so Selenium Manager never runs and nothing is downloaded.
 */
class HomePageBrowserIT {

    static WebServer server;
    static HeadlessChromium browser;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.defaults()).build().start();
        browser = HeadlessChromium.start(1280, 900);
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws Exception {
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
    void homePageNavigatesToEveryCapability() throws Exception {
        driver.get(server.url() + "/");
        assertThat(driver.getTitle()).isEqualTo("Home · maildoctor");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("deliverability");

        List<WebElement> links = driver.findElements(By.cssSelector("nav[aria-label='Main'] a"));
        List<String> hrefs = links.stream().map(a -> a.getDomAttribute("href")).toList();
        for (Capability c : Capability.values()) {
            assertThat(hrefs).contains(c.path());
        }
        assertThat(driver.findElements(By.cssSelector("main .card"))).hasSize(Capability.values().length);
        // the stylesheet loaded: the header is dark, not the browser default
        assertThat(driver.findElement(By.cssSelector(".site-header")).getCssValue("background-color"))
                .isEqualTo("rgba(18, 38, 63, 1)");

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), shots.resolve("home.png"), StandardCopyOption.REPLACE_EXISTING);

        driver.findElement(By.linkText(Capability.DELIVERABILITY.label())).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(
                server.url() + Capability.DELIVERABILITY.path()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(Capability.DELIVERABILITY.label());
        assertThat(driver.findElement(By.cssSelector("nav a[aria-current='page']")).getText())
                .isEqualTo(Capability.DELIVERABILITY.label());
        assertThat(driver.findElement(By.cssSelector(".coming")).getText()).contains("score out of 10");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("deliverability.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void bouncesPageExplainsAPastedReply() throws Exception {
        driver.get(server.url() + Capability.BOUNCES.path());
        WebElement reply = driver.findElement(By.id("reply"));
        reply.sendKeys("554 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table");
        driver.findElement(By.cssSelector("form.explain button[type=submit]")).click();
        WebElement type = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("bounce-type")));
        assertThat(type.getText()).startsWith("hard");
        assertThat(driver.findElement(By.cssSelector(".explanation")).getText())
                .contains("userunknown", "Likely causes", "What to do");
        // the form keeps what was pasted, so it can be edited and explained again
        assertThat(driver.findElement(By.id("reply")).getDomProperty("value")).contains("5.1.1");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("bounces-explain.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
