#!/usr/bin/env node
// `pnpm cache-server`: a turbo remote cache for the team (turborepo-remote-cache), so a clone or a CI run
// replays the build and test tasks another machine already ran. It checks its settings, then runs the
// server in this process on 127.0.0.1. Settings (environment):
//   TURBO_TOKEN          required: the bearer token clients send (comma-separated for several, e.g. to rotate)
//   CACHE_SERVER_HOST    default 127.0.0.1 (0.0.0.0 to serve other machines, behind a TLS proxy)
//   CACHE_SERVER_PORT    default 4030
//   STORAGE_PROVIDER     local (default), s3 or minio (S3-compatible), google-cloud-storage, azure-blob-storage
//   STORAGE_PATH         local: a folder, default cache-server/storage/ (relative to the repository); else the bucket
//   S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION, S3_ENDPOINT   the S3 credentials (or the AWS default chain)
//   READ_ONLY=true       serve artifacts but refuse uploads (a server for untrusted runs)
//   LOG_LEVEL            default info (one JSON line per request; tokens are never logged)
// The token is never printed.
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;

/** Bad settings: one line, exit 2, no stack trace. */
function refuse(message) {
  console.error(`✖ cache-server: ${message}`);
  process.exit(2);
}

const tokens = (env.TURBO_TOKEN ?? "").split(",").map((t) => t.trim());
if (tokens.every((t) => t === "")) refuse("set TURBO_TOKEN to the token clients must send; it will not start an open cache.");
if (tokens.some((t) => t.length < 16)) refuse("each token in TURBO_TOKEN needs 16 characters or more (e.g. `openssl rand -hex 24`).");

const host = env.CACHE_SERVER_HOST || "127.0.0.1";
const port = Number(env.CACHE_SERVER_PORT || 4030);
if (!Number.isInteger(port) || port < 1 || port > 65535) refuse(`CACHE_SERVER_PORT must be a port number (1-65535), got "${env.CACHE_SERVER_PORT}".`);

const providers = ["local", "s3", "S3", "minio", "google-cloud-storage", "azure-blob-storage"];
const provider = env.STORAGE_PROVIDER || "local";
if (!providers.includes(provider)) refuse(`STORAGE_PROVIDER must be one of ${providers.join(", ")}, got "${provider}".`);
let storage = env.STORAGE_PATH;
if (provider === "local") {
  storage = resolve(repoRoot, storage || "cache-server/storage");
  mkdirSync(storage, { recursive: true });
} else if (!storage) {
  refuse(`STORAGE_PATH must name the bucket (or container) for STORAGE_PROVIDER=${provider}.`);
}

// A port in use would otherwise end in the server's JSON stack trace.
await new Promise((done) => {
  const probe = createServer()
    .once("error", (error) => refuse(`cannot listen on ${host}:${port} (${error.code}); set CACHE_SERVER_PORT or CACHE_SERVER_HOST.`))
    .listen(port, host, () => probe.close(done));
});

let serverEntry;
try {
  serverEntry = join(dirname(createRequire(import.meta.url).resolve("turborepo-remote-cache")), "index.js");
} catch {
  refuse("turborepo-remote-cache is not installed: run `pnpm install` first.");
}

Object.assign(env, {
  HOST: host,
  PORT: String(port),
  STORAGE_PROVIDER: provider,
  STORAGE_PATH: storage,
  STORAGE_PATH_USE_TMP_FOLDER: "false", // the server's default puts a relative path under /tmp
  AUTH_MODE: "static",
  // The server does not verify signatures (turbo does, on download); any value only makes it keep each
  // artifact's signature tag. So the real key never reaches the server.
  TURBO_REMOTE_CACHE_SIGNATURE_KEY: "keep-artifact-tags",
  ENABLE_STATUS_LOG: env.ENABLE_STATUS_LOG ?? "false",
});
const readOnly = /^(true|1|yes)$/i.test(env.READ_ONLY ?? "");
env.READ_ONLY = String(readOnly); // the server reads only "true"/"false"
const where = provider === "local" ? `local disk ${storage}` : `${provider} bucket ${storage}`;
console.error(`turbo remote cache: http://${host}:${port} (${where}${readOnly ? ", read-only" : ""}); clients set TURBO_API to that URL, TURBO_TEAM, TURBO_TOKEN and TURBO_REMOTE_CACHE_SIGNATURE_KEY (README: "Share the build cache").`);
await import(pathToFileURL(serverEntry).href);
