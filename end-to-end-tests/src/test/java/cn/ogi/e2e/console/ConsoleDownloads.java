package cn.ogi.e2e.console;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the console downloads, caught in the page: the request it sends (URL and Accept) and the blob it hands the
 * browser to save, with the file name it gives it. Headless Chromium saves nothing without a download directory, and
 * a file on disk would say less: the hook records the very bytes the page's own fetch received, and stops only the
 * last step (the synthetic click on the download link).
 */
final class ConsoleDownloads {

    /** One download: what the page asked for and what it got (the bytes in base64, as the page hands them over). */
    record Download(String url, String accept, String fileName, String base64) {
        byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }
    }

    private final Browser browser;

    ConsoleDownloads(Browser browser) {
        this.browser = browser;
    }

    /** Installs the hook in the current document (a full page load removes it; the console's own navigation does not). */
    void install() {
        browser.script("""
                if (window.__downloads) return;
                window.__downloads = [];
                const asked = [];
                const fetch = window.fetch;
                window.fetch = function (target, init) {
                  const headers = new Headers((init && init.headers) || {});
                  asked.push({url: String(target), accept: headers.get('Accept')});
                  return fetch.apply(this, arguments);
                };
                const blobs = new Map();
                const createObjectURL = URL.createObjectURL;
                URL.createObjectURL = function (blob) {
                  const href = createObjectURL.call(URL, blob);
                  blobs.set(href, blob);
                  return href;
                };
                const click = HTMLAnchorElement.prototype.click;
                HTMLAnchorElement.prototype.click = function () {
                  const blob = this.download && blobs.get(this.href);
                  if (!blob) return click.apply(this, arguments);
                  const request = [...asked].reverse().find(a => a.accept !== 'application/json') || {};
                  const name = this.download;
                  blob.arrayBuffer().then(buffer => {
                    let binary = '';
                    new Uint8Array(buffer).forEach(b => { binary += String.fromCharCode(b); });
                    window.__downloads.push({url: request.url, accept: request.accept, name, base64: btoa(binary)});
                  });
                };""");
    }

    /** Clicks the element and answers the download it caused. */
    @SuppressWarnings("unchecked")
    Download click(String css) {
        int before = count();
        browser.find(css).click();
        browser.await("a download after clicking " + css, ConsolePages.VIEW_TIMEOUT, d -> count() > before);
        Map<String, Object> caught =
                (Map<String, Object>) ((List<Object>) browser.script("return window.__downloads")).get(before);
        return new Download(
                (String) caught.get("url"), (String) caught.get("accept"), (String) caught.get("name"), (String)
                        caught.get("base64"));
    }

    private int count() {
        return ((Number) browser.script("return window.__downloads ? window.__downloads.length : 0")).intValue();
    }
}
