/**
 * One way to get a headless Chromium for browser tests and screenshots, on any Linux machine
 * with only Node installed. Candidates, in order:
 *   1. `$CHROME_PATH`, when someone points at a browser on purpose;
 *   2. the system's Chromium or Chrome;
 *   3. the Chromium that `@sparticuz/chromium` ships inside its npm package (WebGL through its
 *      bundled SwiftShader), so that `npm install` alone brings a browser.
 * Playwright's own browser downloads are never used: they need network access we cannot assume.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/** Flags every launch gets: no background traffic, no first-run chrome, no sandbox (CI runs as root). */
const COMMON_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--no-first-run",
  "--disable-quic",
  "--mute-audio",
];

/**
 * A system browser without a GPU draws WebGL through its own software fallback once the GPU
 * process is told not to look for hardware.
 */
const SYSTEM_ARGS = ["--disable-gpu", "--enable-unsafe-swiftshader"];

/**
 * `@sparticuz/chromium` tunes its flags for AWS Lambda. Playwright sets headless mode itself;
 * `--single-process` makes closing one browser context kill the whole browser; and a test should
 * see the web's real security model, not one with web security switched off.
 */
const UNWANTED_PACKAGED_ARGS = [
  "--headless",
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
];

const SYSTEM_BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const SYSTEM_BROWSER_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  // Developers' Macs, where @sparticuz/chromium (a Linux binary) cannot run.
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

const INSTALL_HINT =
  "No runnable Chromium: run `npm install` (it brings @sparticuz/chromium), install one (`apt-get install -y chromium`), or set CHROME_PATH to a Chromium or Chrome binary.";

interface Candidate {
  /** Where the binary came from, for the error message. */
  origin: string;
  executablePath: string;
  args: string[];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function systemBrowserPath(): string | undefined {
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => SYSTEM_BROWSER_NAMES.map((name) => join(dir, name)));
  return [...SYSTEM_BROWSER_PATHS, ...onPath].find(isExecutable);
}

async function sparticuzCandidate(): Promise<Candidate> {
  const { default: packaged } = await import("@sparticuz/chromium");
  const executablePath = await packaged.executablePath();
  const args = packaged.args.filter((arg) => !UNWANTED_PACKAGED_ARGS.some((unwanted) => arg.startsWith(unwanted)));
  return { origin: "@sparticuz/chromium", executablePath, args: [...COMMON_ARGS, ...args] };
}

/** Browsers already on the machine: the one asked for, then the system's. */
function installedCandidates(): Candidate[] {
  const found: Candidate[] = [];
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) found.push({ origin: "$CHROME_PATH", executablePath: fromEnv, args: [...COMMON_ARGS, ...SYSTEM_ARGS] });
  const system = systemBrowserPath();
  if (system) found.push({ origin: "system", executablePath: system, args: [...COMMON_ARGS, ...SYSTEM_ARGS] });
  return found;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * Launches the first Chromium that starts. The packaged one is unpacked only when no installed
 * browser runs. Fails with one line saying what to install when none does; why each candidate
 * failed is kept as the error's `cause`.
 */
export async function launchBrowser(options: Pick<LaunchOptions, "timeout" | "slowMo"> = {}): Promise<Browser> {
  const failures: string[] = [];
  const attempt = async (candidate: Candidate): Promise<Browser | undefined> => {
    try {
      return await chromium.launch({
        ...options,
        headless: true,
        executablePath: candidate.executablePath,
        args: candidate.args,
      });
    } catch (error) {
      failures.push(`${candidate.origin} (${candidate.executablePath}): ${firstLine(error)}`);
      return undefined;
    }
  };

  for (const candidate of installedCandidates()) {
    const browser = await attempt(candidate);
    if (browser) return browser;
  }
  const packaged = await sparticuzCandidate().catch((error: unknown) => {
    failures.push(`@sparticuz/chromium: ${firstLine(error)}`);
    return undefined;
  });
  const browser = packaged && (await attempt(packaged));
  if (browser) return browser;
  throw new Error(INSTALL_HINT, { cause: failures.join("\n") });
}
