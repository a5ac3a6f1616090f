#!/usr/bin/env node
/**
 * `smtp-explain`: what an SMTP reply means, for the person holding it. The same modes and the
 * same output as the Rust tool; `--jsonl` gives the same bytes.
 *
 * ```text
 * smtp-explain '550 5.1.1 <bob@example.com> User unknown'
 * smtp-explain --json '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred'
 * printf '"550 5.7.26 Unauthenticated email"\n' | smtp-explain --jsonl
 * ```
 *
 * (Hand-written.)
 * @module
 */

import process from "node:process";

import { parseCommand } from "../context.js";
import type { Command, Context } from "../context.js";
import { errorObject, explain, explainText } from "../explain.js";
import type { Explanation } from "../explain.js";
import { readJsonLine, toJson, toJsonPretty } from "../json.js";
import { PACKAGE_VERSION, REGISTRY_VERSION, SITE_URL } from "../tables/registry.js";

const USAGE = `smtp-explain: what an SMTP reply means, and what to do about it

usage:
  smtp-explain [--site BASE] REPLY...    explain each reply (one argument per reply;
                                         use \\r\\n or a real line break between lines)
  smtp-explain --json [--site BASE] REPLY...
                                         the same, as one JSON object per reply
  smtp-explain --jsonl [--site BASE]     read standard input: one JSON string per line
                                         (a raw reply); write one JSON object per line
  smtp-explain --help | --version

--site BASE   where the reference site lives (a URL or a folder); default: the
              SMTP_CODES_SITE environment variable, else the registry's site_url,
              else the repository path site/.
--command CMD the command the replies answered (RCPT, DATA, ...): 552 to RCPT is
              treated as 452, a bare rejection of DATA as a content rejection.
--remote-host HOST
              the server that sent the replies (gmail-smtp-in.l.google.com): its
              name tells whose meaning of a code applies.
`;

/** A command-line argument may spell line breaks as `\r\n` or `\n`. */
const unescapeArg = (s: string): string => s.replaceAll("\\r\\n", "\r\n").replaceAll("\\n", "\n");

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Rust's `str::trim`: Unicode white space at both ends. */
const TRIM = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** A usage error: the message, a blank line and the usage, on standard error; status 2. */
function usageError(message: string): number {
  process.stderr.write(`smtp-explain: ${message}\n\n${USAGE}\n`);
  return 2;
}

function main(argv: string[]): number | undefined {
  const args = [...argv];
  let mode: "text" | "json" | "jsonl" = "text";
  let site = process.env["SMTP_CODES_SITE"] ?? SITE_URL ?? "site/";
  const replies: string[] = [];
  let command: Command | undefined;
  let remoteHost: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-h" || a === "--help") {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === "-V" || a === "--version") {
      process.stdout.write(`smtp-explain ${PACKAGE_VERSION} (registry ${REGISTRY_VERSION})\n`);
      return 0;
    } else if (a === "--json") mode = "json";
    else if (a === "--jsonl") mode = "jsonl";
    else if (a === "--site") {
      i++;
      const v = args[i];
      if (v === undefined) return usageError("--site needs a value");
      site = v;
    } else if (a === "--command") {
      i++;
      const v = args[i];
      if (v === undefined) return usageError("--command needs a value");
      command = parseCommand(v);
      if (command === undefined) return usageError(`--command \`${v}\` is not an SMTP command the registry knows`);
    } else if (a === "--remote-host") {
      i++;
      const v = args[i];
      if (v === undefined || v.replace(TRIM, "") === "") return usageError("--remote-host needs a host name");
      remoteHost = v;
    } else if (a === "--") {
      replies.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a.length > 1 && !isDigit(a[1])) {
      return usageError(`unknown option \`${a}\``);
    } else replies.push(a);
  }
  if (!site.endsWith("/")) site += "/";
  const context: Context = { command, remoteHost };
  if (mode === "jsonl") {
    if (replies.length > 0) {
      process.stderr.write("smtp-explain: --jsonl reads standard input; give no replies as arguments\n");
      return 2;
    }
    jsonl(site, context);
    return undefined;
  }
  if (replies.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let failed = false;
  let out = "";
  if (mode === "json") {
    for (const r of replies) {
      const v = explain(unescapeArg(r), site, context);
      if (v.error !== null) failed = true;
      out += toJsonPretty(v) + "\n";
    }
  } else {
    replies.forEach((r, n) => {
      if (n > 0) out += "\n";
      const e = explainText(unescapeArg(r), site, context);
      if (!e.ok) failed = true;
      out += e.text;
    });
  }
  process.stdout.write(out);
  return failed ? 1 : 0;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** One input line (without its line ending) to one output line. */
function jsonlLine(bytes: Uint8Array, n: number, site: string, context: Context): string {
  let value: Explanation;
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text === undefined) value = errorObject(null, "the line is not UTF-8", "not_utf8");
  else {
    const j = readJsonLine(text);
    if (j.kind === "string") value = explain(j.value, site, context);
    else if (j.kind === "other") value = errorObject(null, "expected a JSON string holding one reply", "not_string");
    else value = errorObject(null, "the line is not JSON", "not_json");
  }
  return toJson({ ...value, line: n }) + "\n";
}

/** `--jsonl`: one JSON string in, one JSON object out, per line, streaming. */
function jsonl(site: string, context: Context): void {
  const stdin = process.stdin;
  const stdout = process.stdout;
  let pending: Uint8Array = new Uint8Array(0);
  let n = 0;
  stdout.on("error", (e: NodeJS.ErrnoException) => {
    // A closed pipe ends the run quietly, as Unix tools do.
    if (e.code === "EPIPE") process.exit(0);
    process.stderr.write(`smtp-explain: cannot write standard output: ${e.message}\n`);
    process.exit(1);
  });
  stdin.on("data", (chunk: Buffer) => {
    const data = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let out = "";
    let start = 0;
    for (;;) {
      const lf = data.indexOf(0x0a, start);
      if (lf < 0) break;
      let end = lf;
      if (end > start && data[end - 1] === 0x0d) end--;
      out += jsonlLine(data.subarray(start, end), ++n, site, context);
      start = lf + 1;
    }
    pending = data.subarray(start);
    if (out !== "" && !stdout.write(out)) {
      stdin.pause();
      stdout.once("drain", () => stdin.resume());
    }
  });
  stdin.on("end", () => {
    if (pending.length > 0) stdout.write(jsonlLine(pending, ++n, site, context));
  });
  stdin.on("error", (e) => {
    process.stderr.write(`smtp-explain: cannot read standard input: ${e.message}\n`);
    process.exitCode = 1;
  });
}

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
