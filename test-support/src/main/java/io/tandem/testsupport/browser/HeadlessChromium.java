package io.tandem.testsupport.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.tandem.testsupport.TempDirectories;

/**
 * A real, headless Chromium for browser tests, driven by Selenium through the installed ChromeDriver: Debian's
 * {@code chromium} and {@code chromium-driver} packages ({@code .ci/run} installs them). Nothing is downloaded:
 * the browser and the driver are the installed ones ({@code TANDEM_CHROMIUM} and {@code TANDEM_CHROMEDRIVER}
 * point elsewhere). When they are missing the test fails with what to install; it is never skipped.
 *
 * <p>The flags keep Chromium off the network it has no business with (this machine's network is closed, and
 * background connections fail many at a time) and let it run as root in a container.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh browser with an empty profile and a laptop-sized window (1366x900). */
    public static HeadlessChromium start() {
        String browser = find("TANDEM_CHROMIUM", BROWSERS, "Chromium");
        String chromedriver = find("TANDEM_CHROMEDRIVER", DRIVERS, "ChromeDriver");
        Path profile = TempDirectories.create("tandem-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--window-size=1366,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, profile);
    }

    /** The Selenium driver, for everything a test does with the page. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Saves a PNG screenshot of the current page (e.g. for the README or a failure's evidence). */
    public Path screenshot(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TempDirectories.deleteQuietly(profile);
        }
    }

    private static String find(String variable, List<String> candidates, String what) {
        Optional<String> configured = Optional.ofNullable(System.getenv(variable)).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            if (Files.isExecutable(Path.of(configured.get()))) {
                return configured.get();
            }
            throw new IllegalStateException(variable + "=" + configured.get() + " is not an executable " + what);
        }
        return candidates.stream().filter(candidate -> Files.isExecutable(Path.of(candidate))).findFirst()
                .orElseThrow(() -> new IllegalStateException(what + " is not installed (looked in " + candidates
                        + "). Install Debian's packages: apt-get install chromium chromium-driver, or set "
                        + variable + "."));
    }
}
