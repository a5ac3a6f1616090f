//! The site's search box in a real browser (`tools/axe/search.mjs`: headless Chromium driven
//! through the DevTools protocol on a pipe, pages loaded from `file://`):
//!
//! * real replies pasted into the box (`tests/search/pasted.jsonl`, each with its source) show
//!   the verdict `smtp-explain --json` gives for the same text, field by field: every field the
//!   page shows (`data-field`, see `generated/typescript/browser/ui.ts`) must equal the command
//!   line's, and the fields of [`REQUIRED`] must be shown;
//! * words and codes find the expected page first, most specific first;
//! * every link of the results leads to a page (and anchor) that exists;
//! * no page raises a script error, and axe-core finds no serious or critical violation with
//!   the results open.
//!
//! Needs Node, Debian's `chromium` (or `$SMTP_CODES_CHROMIUM`) and `tools/axe/node_modules`
//! (`.ci/run` provides them). Without them the test fails when `CI` is set and otherwise passes
//! after a loud skip message.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use codegen::outputs::Outputs;
use serde_json::{json, Value};

/// The verdict fields the page must show whenever `smtp-explain --json` has them (dotted for
/// nested keys). A key added to the command line's output is checked by adding it here and
/// its row to `VERDICT` in `browser/ui.ts`.
const REQUIRED: &[&str] = &[
    "input",
    "reason",
    "reason_title",
    "retry",
    "bounce",
    "side",
    "advice",
    "retry_policy",
    "decided_by",
    "vendor.vendor",
    "vendor.name",
    "vendor.meaning",
];

/// Pages the pasted replies are typed into, in turn: the index and pages one folder down, so
/// that every link is checked from both depths.
const PAGES: &[&str] = &[
    "index.html",
    "basic/550.html",
    "enhanced/X.7.26.html",
    "vendors/google-gmail.html",
    "commands/RCPT.html",
    "about.html",
];

fn skip_or_fail(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but {what}");
    }
    let msg = format!(
        "\n==================== SKIPPED: search test ====================\n\
         {what}. In CI (CI set) this is a failure. To run it here:\n\
         \x20   apt-get install -y --no-install-recommends chromium\n\
         \x20   (cd tools/axe && npm ci)\n\
         ==============================================================\n"
    );
    let _ = std::io::stderr().write_all(msg.as_bytes());
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The site of the real registry, written under the test's temporary folder.
fn write_site() -> PathBuf {
    let reg = codegen::load::load(&codegen::project_root().join("data")).expect("data/ is valid");
    let mut out = Outputs::default();
    codegen::render::site::render(&reg, &mut out).expect("the site renders");
    let root =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, bytes) in &out.files {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, bytes).unwrap();
    }
    root.join("site")
}

/// Builds the Rust `smtp-explain` (in the conformance test's target folder, so that the two
/// share one build and neither waits on the build running this test).
fn smtp_explain() -> PathBuf {
    let root = codegen::project_root();
    let target = root.join("target/conformance");
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--offline",
            "--quiet",
            "-p",
            "smtp-explain",
            "--bin",
            "smtp-explain",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(&root)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building smtp-explain failed");
    target.join("debug/smtp-explain")
}

/// `smtp-explain --jsonl` of each text, in order.
fn explain_all(texts: &[String]) -> Vec<Value> {
    let mut child = Command::new(smtp_explain())
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("smtp-explain starts");
    let mut input = String::new();
    for t in texts {
        input.push_str(&serde_json::to_string(t).unwrap());
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("smtp-explain runs");
    writer
        .join()
        .unwrap()
        .expect("smtp-explain reads its input");
    assert!(out.status.success(), "smtp-explain --jsonl failed");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), texts.len());
    lines
}

/// The value at a dotted key, as the page writes it in `data-value` (strings as they are,
/// numbers and booleans in JSON); `None` for a missing key or `null`.
fn at(v: &Value, path: &str) -> Option<String> {
    let mut v = v;
    for k in path.split('.') {
        v = v.get(k)?;
    }
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Runs the cases in the browser; one result object per case, in order.
fn run_browser(node: &Path, chromium: &Path, site: &Path, cases: &[Value]) -> Vec<Value> {
    let tools = codegen::project_root().join("tools/axe");
    let mut child = Command::new(node)
        .arg(tools.join("search.mjs"))
        .arg(site)
        .env("SMTP_CODES_CHROMIUM", chromium)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts");
    let mut input = String::new();
    for c in cases {
        input.push_str(&c.to_string());
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("node runs");
    writer.join().unwrap().expect("the driver reads its cases");
    assert!(
        out.status.success(),
        "the search driver failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(results.len(), cases.len(), "one result per case");
    results
}

/// Does `href`, relative to `page`, lead to a file of the site (and to an element with the
/// fragment as its id)?
fn link_resolves(site: &Path, page: &str, href: &str) -> bool {
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    let mut target = site.join(page).parent().unwrap().to_path_buf();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                target.pop();
            }
            p => target.push(p),
        }
    }
    let Ok(text) = std::fs::read_to_string(&target) else {
        return false;
    };
    fragment.is_empty() || text.contains(&format!("id=\"{fragment}\""))
}

/// A word or code query and what must come first.
struct Expect {
    query: &'static str,
    /// The first result's kind (`vendor`, `enhanced`, `basic`, `command`, `vendor_page`).
    kind: &'static str,
    /// A text the first result's link starts with (relative to the index page).
    href: &'static str,
    /// Words the first result's text holds (case-insensitive).
    holds: &'static [&'static str],
}

const EXPECT: &[Expect] = &[
    Expect {
        query: "5.7.606",
        kind: "vendor",
        href: "vendors/microsoft-exchange-online.html#",
        holds: &["5.7.606"],
    },
    Expect {
        query: "4.7.650",
        kind: "vendor",
        href: "vendors/microsoft-",
        holds: &["4.7.650"],
    },
    Expect {
        query: "TSS04",
        kind: "vendor",
        href: "vendors/yahoo.html#",
        holds: &["tss04"],
    },
    Expect {
        query: "user unknown",
        kind: "vendor",
        href: "vendors/",
        holds: &["user unknown"],
    },
    Expect {
        query: "blocked",
        kind: "vendor",
        href: "vendors/",
        holds: &["blocked"],
    },
    Expect {
        query: "spamhaus",
        kind: "vendor",
        href: "vendors/",
        holds: &["spamhaus"],
    },
    Expect {
        query: "RESOLVER.ADR.RecipNotFound",
        kind: "enhanced",
        href: "enhanced/X.1.1.html",
        holds: &[],
    },
    Expect {
        query: "550 5.1.1 user unknown",
        kind: "vendor",
        href: "vendors/",
        holds: &["550 5.1.1", "user unknown"],
    },
    Expect {
        query: "5.7.26",
        kind: "enhanced",
        href: "enhanced/X.7.26.html",
        holds: &[],
    },
    Expect {
        query: "550",
        kind: "basic",
        href: "basic/550.html",
        holds: &[],
    },
    Expect {
        query: "RCPT",
        kind: "command",
        href: "commands/RCPT.html",
        holds: &[],
    },
    Expect {
        query: "mailbox full",
        kind: "enhanced",
        href: "enhanced/X.2.2.html",
        holds: &[],
    },
    Expect {
        query: "gmail",
        kind: "vendor_page",
        href: "vendors/google-gmail.html",
        holds: &[],
    },
];

#[test]
fn the_search_box_explains_pasted_replies_and_finds_words_and_codes() {
    let Some(node) = on_path(&["node", "nodejs"]) else {
        return skip_or_fail("no Node found");
    };
    let chromium = std::env::var_os("SMTP_CODES_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path(&["chromium", "chromium-browser"]));
    let Some(chromium) = chromium else {
        return skip_or_fail("no Chromium found");
    };
    if !codegen::project_root()
        .join("tools/axe/node_modules/axe-core/axe.min.js")
        .is_file()
    {
        return skip_or_fail("tools/axe/node_modules is missing (run `npm ci` there)");
    }
    let site = write_site();

    // The cases: every pasted reply, typed into the pages in turn; one given in the address
    // instead; then the word and code queries, on the index page.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/pasted.jsonl");
    let pasted: Vec<String> = std::fs::read_to_string(&fixture)
        .expect("the fixture")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            assert!(v["source"].is_string(), "every reply names its source: {l}");
            v["text"].as_str().expect("a text").to_string()
        })
        .collect();
    assert!(pasted.len() >= 40, "{} pasted replies", pasted.len());
    let mut cases: Vec<Value> = pasted
        .iter()
        .enumerate()
        .map(|(i, text)| {
            json!({
                "page": PAGES[i % PAGES.len()],
                "query": text,
                "via": if i == 1 { "address" } else { "typing" },
                // axe with the verdict and the results open, at both widths and schemes.
                "axe": i < 2,
            })
        })
        .collect();
    for e in EXPECT {
        cases
            .push(json!({ "page": "index.html", "query": e.query, "via": "typing", "axe": false }));
    }
    let results = run_browser(&node, &chromium, &site, &cases);

    let mut problems = Vec::new();
    // No script errors, results drawn by the engine, and every link leads somewhere.
    for r in &results {
        let q = r["query"].as_str().unwrap();
        let page = r["page"].as_str().unwrap();
        if !r["errors"].as_array().unwrap().is_empty() {
            problems.push(format!("{page}, {q:?}: script errors {}", r["errors"]));
        }
        if r["engine"] != true || r["hidden"] != false {
            problems.push(format!("{page}, {q:?}: the results were not drawn"));
        }
        for href in r["links"].as_array().unwrap() {
            let href = href.as_str().unwrap();
            if href.starts_with('/') || href.contains("://") || !link_resolves(&site, page, href) {
                problems.push(format!("{page}, {q:?}: link {href} leads nowhere"));
            }
        }
        for v in r["violations"].as_array().into_iter().flatten() {
            problems.push(format!("{page}, {q:?}: axe {v}"));
        }
    }

    // The verdicts against smtp-explain --json, on the text the page says it read (the paste
    // itself, or the reply found in it); a paste shown without a verdict must be no reply.
    let verdicts: Vec<(&Value, String)> = results[..pasted.len()]
        .iter()
        .filter_map(|r| Some((r, at(&r["fields"], "input")?)))
        .collect();
    let explained = explain_all(&verdicts.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>());
    let mut compared = 0;
    for ((r, text), cli) in verdicts.iter().zip(&explained) {
        let shown: BTreeMap<String, String> =
            serde_json::from_value(r["fields"].clone()).expect("fields are strings");
        // The box holds the paste with LF line endings (a text box's value).
        let query = r["value"].as_str().unwrap();
        if query.trim() != text && !query.contains(text.as_str()) {
            problems.push(format!(
                "{query:?}: the verdict is on {text:?}, not in the paste"
            ));
        }
        if cli["error"] != Value::Null {
            problems.push(format!(
                "{text:?}: a verdict, but smtp-explain: {}",
                cli["error"]
            ));
            continue;
        }
        for (field, value) in &shown {
            match at(cli, field) {
                Some(want) if &want == value => compared += 1,
                want => problems.push(format!(
                    "{text:?}: {field} shows {value:?}, smtp-explain --json has {want:?}"
                )),
            }
        }
        for field in REQUIRED {
            if at(cli, field).is_some() && !shown.contains_key(*field) {
                problems.push(format!("{text:?}: {field} is not shown"));
            }
        }
    }
    let silent: Vec<String> = results[..pasted.len()]
        .iter()
        .filter(|r| at(&r["fields"], "input").is_none())
        .map(|r| r["query"].as_str().unwrap().to_string())
        .collect();
    for (text, cli) in silent.iter().zip(explain_all(&silent)) {
        if cli["error"] == Value::Null {
            problems.push(format!(
                "{text:?}: smtp-explain reads a reply, the page shows no verdict"
            ));
        }
    }
    assert!(
        verdicts.len() * 10 >= pasted.len() * 9,
        "only {} of {} pastes got a verdict",
        verdicts.len(),
        pasted.len()
    );
    assert!(
        verdicts
            .iter()
            .any(|(r, _)| r["fields"].get("vendor.vendor").is_some()),
        "no paste shows a vendor's meaning"
    );

    // Words and codes: the expected page first.
    for (e, r) in EXPECT.iter().zip(&results[pasted.len()..]) {
        let Some(top) = r["hits"].as_array().and_then(|h| h.first()) else {
            problems.push(format!("{:?}: no result", e.query));
            continue;
        };
        let text = top["text"].as_str().unwrap().to_lowercase();
        let href = top["href"].as_str().unwrap();
        if top["kind"] != e.kind
            || !href.starts_with(e.href)
            || !e.holds.iter().all(|w| text.contains(&w.to_lowercase()))
        {
            problems.push(format!(
                "{:?}: the first result is {} {href} ({text:?}); expected a {} at {}… holding {:?}",
                e.query, top["kind"], e.kind, e.href, e.holds
            ));
        }
    }
    // Most specific first: for a reply with both codes, the enhanced code's page comes before
    // the reply code's.
    let both = &results[pasted.len()
        + EXPECT
            .iter()
            .position(|e| e.query == "550 5.1.1 user unknown")
            .unwrap()];
    let order: Vec<&str> = both["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["href"].as_str().unwrap())
        .collect();
    let x11 = order.iter().position(|h| *h == "enhanced/X.1.1.html");
    let b550 = order.iter().position(|h| *h == "basic/550.html");
    if !matches!((x11, b550), (Some(a), Some(b)) if a < b) {
        problems.push(format!(
            "550 5.1.1 user unknown: X.1.1 before 550 expected: {order:?}"
        ));
    }

    eprintln!(
        "search: {} pastes ({} with a verdict, {compared} fields equal to smtp-explain), {} queries",
        pasted.len(),
        verdicts.len(),
        EXPECT.len()
    );
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
