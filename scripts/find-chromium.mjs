/**
 * Finds the Chromium (or Chrome) the end-to-end tests drive: $CHROMIUM_PATH if set, else a system
 * Chromium or Chrome on the PATH or in the usual places. `ensureChromium()` installs Debian's
 * `chromium` with apt when none is found and we are root on Debian; otherwise it returns a one-line
 * instruction. Playwright's own browser download is never used (it needs a network we lack).
 */
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { spawnSync } from "node:child_process";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const PLACES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome", "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser's path, or undefined. A CHROMIUM_PATH that is not executable is an error. */
export function findChromium(env = process.env) {
  const given = env["CHROMIUM_PATH"];
  if (given) {
    if (!executable(given)) throw new Error(`CHROMIUM_PATH=${given} is not an executable file; point it at a Chromium or Chrome binary, or unset it`);
    return given;
  }
  for (const dir of (env["PATH"] ?? "").split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return PLACES.find(executable);
}

function isDebian() {
  return existsSync("/etc/debian_version") || /^ID(_LIKE)?=.*debian/m.test(existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf-8") : "");
}

/** `{ path }` when a browser is (now) available, else `{ error }`: one line saying what to do. */
export function ensureChromium(log = (line) => process.stderr.write(`${line}\n`)) {
  let path;
  try {
    path = findChromium();
  } catch (error) {
    return { error: error.message };
  }
  if (path) return { path };
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (isDebian() && root) {
    log("no Chromium found: installing Debian's chromium and a CJK font (apt-get install -y chromium fonts-wqy-zenhei) …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-wqy-zenhei"], { stdio: "inherit", env }) : update;
    if (install.status === 0 && (path = findChromium())) return { path };
    return { error: "apt-get could not install chromium; install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary" };
  }
  return {
    error: isDebian()
      ? "no Chromium found: run `sudo apt-get install -y chromium fonts-wqy-zenhei` (or set CHROMIUM_PATH to a Chromium or Chrome binary), then npm test again"
      : "no Chromium or Chrome found: install one, or set CHROMIUM_PATH to its binary, then npm test again",
  };
}
