package org.rebond.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HeadlessChromium} itself: a page that loads things from outside has each request caught
 * at the proxy socket (so an empty list means something), and a page that loads nothing gives no
 * request, a real screenshot and its DOM.
 */
class HeadlessChromiumIT {

    @TempDir
    Path dir;

    @BeforeEach
    void chromium() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void everyRequestOfAPageForSomethingOutsideIsCaughtAtTheProxySocket() throws Exception {
        Path page = Files.writeString(dir.resolve("outside.html"), """
                <!DOCTYPE html><html><head>
                <link rel="stylesheet" href="https://cdn.example.com/brief.css">
                </head><body>
                <p>An image, a style sheet, a CSS background and a loopback address.</p>
                <img src="http://images.example.com/photo.png" alt="">
                <div style="background-image: url(http://bg.example.com/texture.png); height: 20px">x</div>
                <img src="http://127.0.0.1:8089/loopback.png" alt="">
                </body></html>
                """);

        HeadlessChromium.Rendering rendering = HeadlessChromium.render(page, dir.resolve("outside.png"), 400, 300);

        assertThat(rendering.requests()).anyMatch(r -> r.startsWith("GET http://images.example.com/photo.png "))
                .anyMatch(r -> r.startsWith("CONNECT cdn.example.com:443 "))
                .anyMatch(r -> r.startsWith("GET http://bg.example.com/texture.png "))
                .anyMatch(r -> r.startsWith("GET http://127.0.0.1:8089/loopback.png "));
    }

    @Test
    void aPageThatLoadsNothingMakesNoRequestAndGivesAScreenshotOfTheWindowAndItsDom() throws Exception {
        Path page = Files.writeString(dir.resolve("local.html"), """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>body { font: 16px sans-serif; color: #222 }
                h1 { color: #1a4d8f }</style></head><body><h1>Prep brief</h1>
                <p>Your interview with <strong>Jeanne Roe</strong>. <a href="https://www.acme-health.example/">Acme Health</a>,
                <a href="mailto:jeanne.roe@acme-health.example">write to her</a>.</p></body></html>
                """);

        HeadlessChromium.Rendering rendering = HeadlessChromium.render(page, dir.resolve("local.png"), 640, 480);

        assertThat(rendering.requests()).isEmpty();
        assertThat(rendering.dom()).contains("<strong>Jeanne Roe</strong>");
        BufferedImage image = ImageIO.read(rendering.screenshot().toFile());
        assertThat(image).as("a PNG that decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("the page's white background").isEqualTo(0xFFFFFF);
        assertThat(HeadlessChromium.distinctColours(image)).as("text, antialiased, in two colours").isGreaterThan(10);
    }
}
