package org.rebond.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The static half of {@link HeadlessChromium}'s proof: what in an HTML text would load something from outside. */
class HeadlessChromiumTest {

    @Test
    void imagesStyleSheetsScriptsFramesAndCssAddressesOutsideAreFound() {
        String html = """
                <!DOCTYPE html><html><head>
                <link rel="stylesheet" href="https://cdn.example.com/brief.css">
                <script src='//cdn.example.com/track.js'></script>
                <meta http-equiv="refresh" content="0; url=https://example.com/">
                <style>@import url("fonts.css"); body { background: url( 'http://img.example.com/bg.png' ) }</style>
                </head><body>
                <IMG SRC=HTTP://pixel.example.com/open.gif width=1>
                <img srcset="small.png 1x, https://img.example.com/large.png 2x">
                <div style="background-image:url(//img.example.com/d.png)">x</div>
                <iframe src="https://example.com/frame"></iframe>
                <img src="https://accounts.google.com/x.png">
                </body></html>
                """;

        assertThat(HeadlessChromium.externalReferences(html)).containsExactlyInAnyOrder(
                "<link href=\"https://cdn.example.com/brief.css\">",
                "<script src=\"//cdn.example.com/track.js\">",
                "<meta http-equiv=\"refresh\">",
                "<style>: url( 'http://img.example.com/bg.png' )",
                "<style>: @import url(\"fonts.css\");",
                "<img src=\"HTTP://pixel.example.com/open.gif\">",
                "<img srcset=\"small.png 1x, https://img.example.com/large.png 2x\">",
                "<div style=\"background-image:url(//img.example.com/d.png)\">",
                "<iframe src=\"https://example.com/frame\">",
                "<img src=\"https://accounts.google.com/x.png\">");
    }

    @Test
    void linksTheUserClicksAndInlineOrLocalAddressesPass() {
        String html = """
                <!DOCTYPE html><html lang="en"><head><style>h1 { color: #1a4d8f } li::before { content: "url(" }</style></head><body>
                <p>Write to <a href="mailto:jeanne.roe@acme-health.example">Jeanne Roe</a>, or read
                <a href="https://www.acme-health.example/careers">the careers page</a>
                and <a class="x" href='http://example.org/a?b=c'>this</a>.</p>
                <area shape="rect" coords="0,0,1,1" href="https://example.org/map">
                <img src="cid:logo@rebond" alt=""><img src="data:image/png;base64,iVBORw0KGgo=" alt="">
                <p>https://example.org/ as text is not loaded, nor src=http://example.org in a sentence.</p>
                </body></html>
                """;

        assertThat(HeadlessChromium.externalReferences(html)).isEmpty();
    }
}
