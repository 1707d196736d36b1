// Playwright against a real onechat server on a fresh SQLite file, driving Debian's Chromium
// (never a downloaded browser). The scripts build the server and both WASM bundles first.
import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const port = Number(process.env.ONECHAT_E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const binary =
  process.env.ONECHAT_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", "onechat");
const workDir = mkdtempSync(join(tmpdir(), "onechat-e2e-"));
// The widget specs embed the widget in a customer's page on another origin (localhost, not 127.0.0.1).
const hostPort = Number(process.env.ONECHAT_HOST_PORT ?? 3220);

export default defineConfig({
  testDir: "./tests",
  // The first-run spec needs an installation nobody has set up yet: run specs in order.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `"${binary}" serve`,
      cwd: workDir,
      url: `${baseURL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ONECHAT_ADDR: `127.0.0.1:${port}`,
        DATABASE_URL: `sqlite://${join(workDir, "onechat.db")}`,
        ONECHAT_DATA_DIR: join(workDir, "data"),
        LEPTOS_SITE_ROOT: join(root, "target", "site"),
        ONECHAT_WIDGET_SITE_ROOT: join(root, "target", "widget-site"),
        RUST_LOG: "warn",
      },
    },
    {
      // A dependency-free static server for the host page (end2end/host/server.mjs).
      command: "node host/server.mjs",
      cwd: __dirname,
      url: `http://localhost:${hostPort}/health`,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ONECHAT_HOST_PORT: String(hostPort) },
    },
  ],
});
