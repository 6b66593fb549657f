package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The warm-up dashboard and accounts page in headless Chromium over a real H2 store: the charts
 * render from seeded stats (screenshot in target/screenshots/), and the add form tests the
 * connection against GreenMail before it stores the account.
 */
class WarmupDashboardBrowserIT {
    static final String BOX = "box@one.test";
    static final String PASSWORD = "sesame-open-9182";

    @TempDir
    static Path dir;
    static WarmupFixture fixture;
    static WebServer server;
    static HeadlessChromium browser;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        fixture = new WarmupFixture(dir);
        WarmupModuleTest.addWithoutTest(fixture, BOX);
        fixture.seed(BOX);
        server = fixture.server().start();
        browser = HeadlessChromium.start(1280, 1800);
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
            fixture.close();
        }
    }

    static void screenshot(String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void dashboardDrawsVolumeAndPlacementWithHealthAndAlerts() throws Exception {
        driver.get(server.url() + "/warmup/accounts/" + BOX + "?days=20&startDate="
                + WarmupFixture.TODAY.minusDays(13));
        assertThat(driver.getTitle()).isEqualTo("Warm-up: " + BOX + " · maildoctor");

        WebElement volume = driver.findElement(By.id("volume-chart"));
        assertThat(volume.getSize().getWidth()).isGreaterThan(300);
        List<WebElement> bars = volume.findElements(By.cssSelector("rect.sent"));
        assertThat(bars).hasSize(20);
        // rendered heights: the last day sent 31, the first seeded day 5; the six days before nothing
        double first = bars.get(6).getRect().getHeight();
        double last = bars.getLast().getRect().getHeight();
        assertThat(last / first).isBetween(31 / 5.0 - 0.3, 31 / 5.0 + 0.3);
        assertThat(bars.getFirst().getDomAttribute("data-sent")).isEqualTo("0");
        assertThat(volume.findElements(By.cssSelector("circle.planned"))).hasSize(14);

        WebElement placement = driver.findElement(By.id("placement-chart"));
        List<WebElement> spam = placement.findElements(By.cssSelector("rect.placed.spam"));
        assertThat(spam).isNotEmpty();
        assertThat(spam.getFirst().getRect().getHeight()).isGreaterThan(1);
        // each day's stack fills the plot height: inbox bar of the last day is the tallest part of it
        assertThat(placement.findElements(By.cssSelector("rect.placed.inbox"))).hasSize(14);

        int score = Integer.parseInt(driver.findElement(By.id("health-score")).getText());
        assertThat(score).isBetween(1, 99);
        assertThat(driver.findElements(By.cssSelector("#health-components tbody tr"))).hasSize(5);
        assertThat(driver.findElements(By.cssSelector("#alerts li"))).extracting(e -> e.getDomAttribute("data-kind"))
                .containsExactly("bounce-rate", "auth-failure");
        assertThat(driver.findElement(By.cssSelector("#alerts li[data-kind='bounce-rate'] .fix")).getText())
                .contains("maildoctor bounce parse");
        assertThat(driver.findElements(By.cssSelector("#stat-days tbody tr"))).hasSize(14);
        screenshot("warmup-dashboard.png");
    }

    @Test
    void theFormTestsTheConnectionBeforeAddingAndTheListRemoves() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
            ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        try {
            mail.setUser("eve@warmup.test", "eve@warmup.test", PASSWORD);
            driver.get(server.url() + "/warmup/accounts");
            fill(mail, "not-" + PASSWORD);
            assertThat(driver.findElement(By.id("error")).getText()).contains("connection test failed");
            assertThat(driver.findElement(By.id("test-verdict")).getText()).isEqualTo("failed");
            assertThat(driver.findElement(By.cssSelector(".failed-step")).getText()).isEqualTo("auth");
            assertThat(driver.getPageSource()).doesNotContain(PASSWORD);
            assertThat(fixture.accounts.find("eve@warmup.test")).isEmpty();

            // the form keeps what was typed, except the password
            assertThat(driver.findElement(By.id("address")).getDomProperty("value")).isEqualTo("eve@warmup.test");
            assertThat(driver.findElement(By.id("password")).getDomProperty("value")).isEmpty();
            fill(mail, PASSWORD);
            assertThat(driver.findElement(By.id("message")).getText())
                    .isEqualTo("added eve@warmup.test (connection test passed)");
            assertThat(driver.findElement(By.id("test-verdict")).getText()).isEqualTo("passed");
            assertThat(driver.findElements(By.cssSelector("#accounts tbody tr")))
                    .extracting(e -> e.getDomAttribute("data-address")).contains("eve@warmup.test", BOX);
            assertThat(driver.getPageSource()).doesNotContain(PASSWORD);
            screenshot("warmup-accounts.png");

            browser.submit(driver.findElement(By.cssSelector("#accounts tr[data-address='eve@warmup.test'] button.test")));
            assertThat(driver.findElement(By.id("test-verdict")).getText()).isEqualTo("passed");
            browser.submit(driver.findElement(By.cssSelector("#accounts tr[data-address='eve@warmup.test'] button.remove")));
            assertThat(driver.findElement(By.id("message")).getText()).isEqualTo("removed eve@warmup.test");
            assertThat(fixture.accounts.find("eve@warmup.test")).isEmpty();
        } finally {
            mail.stop();
        }
    }

    private static void fill(GreenMail mail, String password) {
        WebElement address = driver.findElement(By.id("address"));
        address.clear();
        address.sendKeys("eve@warmup.test");
        new Select(driver.findElement(By.id("provider"))).selectByValue("custom");
        WebElement details = driver.findElement(By.cssSelector("form.warmup-account-form details"));
        if (details.getDomAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        WebElement smtp = driver.findElement(By.id("smtp"));
        smtp.clear();
        smtp.sendKeys("127.0.0.1:" + mail.getSmtp().getPort());
        new Select(driver.findElement(By.id("smtpTls"))).selectByValue("none");
        WebElement imap = driver.findElement(By.id("imap"));
        imap.clear();
        imap.sendKeys("127.0.0.1:" + mail.getImap().getPort());
        new Select(driver.findElement(By.id("imapTls"))).selectByValue("none");
        driver.findElement(By.id("password")).sendKeys(password);
        browser.submit(driver.findElement(By.cssSelector("form.warmup-account-form button[type=submit]")));
    }
}
