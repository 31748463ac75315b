package org.stockcast.retrainservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.stockcast.retrainservice.support.SeedData;

/** The retrain page in real headless Chromium against the real service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inventory.lstm.epochs=3", "inventory.lstm.units=8", "inventory.lstm.layers=1", "inventory.lstm.window=7",
        "inventory.lstm.patience=10", "inventory.retrain.train-on-start=false", "inventory.evaluate.holdout-days=28",
        "inventory.retrain.forecast-url=http://forecast.example:8001/docs"})
class RetrainPageBrowserTest {
    private static final Path ROOT = tempRoot();
    private static final Path DATA = ROOT.resolve("data");
    private static final Duration TRAINING = Duration.ofMinutes(3);

    @LocalServerPort
    int port;

    private Path profile;
    private ChromeDriver browser;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        SeedData.writeMaster(DATA);
        registry.add("inventory.data-dir", DATA::toString);
        registry.add("inventory.model-dir", () -> ROOT.resolve("models").toString());
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("retrain-page-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
    }

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(profile);
    }

    @Test
    void uploadShowsEpochLinesLiveAndTheSuccessResult() throws IOException {
        browser.get("http://localhost:" + port + "/retrain-page");
        WebDriverWait wait = new WebDriverWait(browser, TRAINING);
        wait.until(d -> d.findElement(By.id("forecastLink")).getAttribute("href")
                .equals("http://forecast.example:8001/docs"));

        browser.findElement(By.id("file")).sendKeys(SeedData.sampleP021().toString());
        browser.findElement(By.id("epochs")).sendKeys("2");
        browser.findElement(By.id("upload")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#epochLines li.epoch-line")));
        String firstEpoch = browser.findElement(By.cssSelector("#epochLines li.epoch-line")).getText();
        assertThat(firstEpoch).startsWith("epoch 1/2").contains("loss=");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        WebElement result = browser.findElement(By.id("result"));
        assertThat(result.getAttribute("data-status")).isEqualTo("success");
        assertThat(browser.findElement(By.id("rVersion")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("rUploaded")).getText()).isEqualTo("6");
        assertThat(browser.findElement(By.id("rAddedUpdated")).getText()).isEqualTo("5 / 1");
        List<WebElement> epochLines = browser.findElements(By.cssSelector("#epochLines li.epoch-line"));
        assertThat(epochLines).hasSizeBetween(1, 2);
        List<WebElement> backtestRows = browser.findElements(By.cssSelector("#backtest tbody tr"));
        assertThat(backtestRows).extracting(r -> r.getAttribute("data-model"))
                .containsExactly("additive", "lstm", "ensemble", "seasonal_naive", "holt_winters", "intermittent");
        assertThat(browser.findElements(By.cssSelector("#stages li.done"))).hasSize(6);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Published model version 1");
        assertThat(browser.findElements(By.cssSelector("#log li"))).hasSizeGreaterThan(10);

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", "retrain-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aBadFileShowsTheRowProblems() throws IOException {
        Path bad = Files.createTempFile(ROOT, "bad-", ".csv");
        Files.writeString(bad, "date,product_id,sales\n2025-09-04,P021,12\n2025-09-05,P021,lots\n",
                StandardCharsets.UTF_8);
        browser.get("http://localhost:" + port + "/retrain-page");
        browser.findElement(By.id("file")).sendKeys(bad.toString());
        browser.findElement(By.id("upload")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failure")));
        assertThat(browser.findElement(By.id("failureText")).getText()).startsWith("Upload rejected");
        List<WebElement> cells = browser.findElements(By.cssSelector("#problems tbody tr td"));
        assertThat(cells).extracting(WebElement::getText).startsWith("3", "sales", "lots");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
    }
}
