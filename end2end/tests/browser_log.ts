// `test` and `expect` for every spec: the same as Playwright's, plus what the page's browser
// said (console errors and warnings, uncaught errors, failed requests), printed when a test
// fails. The trace holds it too, but a CI log is often all there is to read.
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ browserLog: void }>({
  browserLog: [
    async ({ page }, use, testInfo) => {
      const lines: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") {
          lines.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => lines.push(`uncaught: ${error.message}`));
      page.on("requestfailed", (request) =>
        lines.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
      );
      await use();
      if (testInfo.status !== testInfo.expectedStatus && lines.length > 0) {
        console.log(`What the browser said during "${testInfo.title}":\n  ${lines.join("\n  ")}`);
      }
    },
    { auto: true },
  ],
});

export { expect };
