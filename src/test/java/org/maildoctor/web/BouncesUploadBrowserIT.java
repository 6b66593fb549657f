package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Bounces page's upload and paste form in headless Chromium (same setup as {@link HomePageBrowserIT}). */
class BouncesUploadBrowserIT {
    static WebServer server;
    static HeadlessChromium browser;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.defaults()).build().start();
        browser = HeadlessChromium.start(1280, 1400);
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

    static Path corpus(String rel) throws Exception {
        return Path.of(BouncesUploadBrowserIT.class.getResource("/corpora/bounces/" + rel).toURI());
    }

    private WebElement submitAndWaitForTable() {
        driver.findElement(By.cssSelector("form.parse button[type=submit]")).click();
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("recipients")));
    }

    @Test
    void uploadingAnMboxShowsTheRecipientTableAndExplanations() throws Exception {
        driver.get(server.url() + Capability.BOUNCES.path());
        driver.findElement(By.id("file")).sendKeys(corpus("mbox/mbox-0").toAbsolutePath().toString());
        WebElement table = submitAndWaitForTable();
        assertThat(table.findElements(By.cssSelector("tbody tr")).size()).isGreaterThanOrEqualTo(37);
        assertThat(driver.findElement(By.cssSelector(".counts")).getText()).contains("37 message(s)");
        assertThat(driver.findElements(By.cssSelector(".reason-explanation"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector(".reason-explanation")).getText()).contains("Likely causes");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("bounces-upload.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void pastingABounceShowsItsRecipient() throws Exception {
        driver.get(server.url() + Capability.BOUNCES.path());
        String eml = Files.readString(corpus("lhost/exim/lhost-exim-01.eml"), java.nio.charset.StandardCharsets.ISO_8859_1);
        // set the value directly: typing a whole message key by key is slow and changes nothing here
        driver.executeScript("document.getElementById('message').value = arguments[0];", eml);
        WebElement table = submitAndWaitForTable();
        assertThat(table.getText()).contains("kijitora@example.ed.jp");
    }
}
