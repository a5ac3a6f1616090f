//! Accessibility of every page of the site: axe-core (from `npm ci` in `tools/axe/`, pinned by
//! its `package-lock.json`) runs in one headless Chromium over every HTML page but the
//! redirects, at 1280 and 375 px wide, in the light and the dark colour scheme. No serious or
//! critical violation is allowed.
//!
//! Needs Debian's `chromium` (or `$SMTP_CODES_CHROMIUM`), Node and `tools/axe/node_modules`
//! (`.ci/run` provides all three). Without them the test fails when `CI` is set and otherwise
//! passes after a loud skip message.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::outputs::Outputs;

fn skip_or_fail(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but {what}");
    }
    let msg = format!(
        "\n==================== SKIPPED: axe test ====================\n\
         {what}. In CI (CI set) this is a failure. To run it here:\n\
         \x20   apt-get install -y --no-install-recommends chromium\n\
         \x20   (cd tools/axe && npm ci)\n\
         ===========================================================\n"
    );
    let _ = std::io::Write::write_all(&mut std::io::stderr(), msg.as_bytes());
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The site of the real registry, written under the test's temporary folder; with the list of
/// pages axe must visit.
fn write_site() -> (PathBuf, BTreeSet<String>) {
    let reg = codegen::load::load(&codegen::project_root().join("data")).expect("data/ is valid");
    let mut out = Outputs::default();
    codegen::render::site::render(&reg, &mut out).expect("the site renders");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("axe-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let mut pages = BTreeSet::new();
    for (path, bytes) in &out.files {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, bytes).unwrap();
        let text = String::from_utf8_lossy(bytes);
        if let Some(page) = path.strip_prefix("site/") {
            if page.ends_with(".html")
                && !page.starts_with("markdown/")
                && !text.contains("http-equiv=\"refresh\"")
            {
                pages.insert(page.to_string());
            }
        }
    }
    (root.join("site"), pages)
}

#[test]
fn every_page_is_axe_clean_at_both_widths_in_both_colour_schemes() {
    let Some(node) = on_path(&["node", "nodejs"]) else {
        return skip_or_fail("no Node found");
    };
    let chromium = std::env::var_os("SMTP_CODES_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path(&["chromium", "chromium-browser"]));
    let Some(chromium) = chromium else {
        return skip_or_fail("no Chromium found");
    };
    let tools = codegen::project_root().join("tools/axe");
    if !tools.join("node_modules/axe-core/axe.min.js").is_file() {
        return skip_or_fail("tools/axe/node_modules is missing (run `npm ci` there)");
    }
    let (site, pages) = write_site();
    assert!(pages.len() > 100, "only {} pages", pages.len());
    let out = Command::new(node)
        .arg(tools.join("run.mjs"))
        .arg("axe")
        .arg(&site)
        .env("SMTP_CODES_CHROMIUM", chromium)
        .output()
        .expect("node starts");
    assert!(
        out.status.success(),
        "the axe run failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut minor = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        let page = v["page"].as_str().unwrap().to_string();
        *seen.entry(page.clone()).or_default() += 1;
        for x in v["violations"].as_array().unwrap() {
            let impact = x["impact"].as_str().unwrap_or("");
            let nodes = x["nodes"].as_array().unwrap();
            if matches!(impact, "serious" | "critical") {
                problems.push(format!(
                    "{page} at {} px, {}: {} ({impact}, {}) on {}",
                    v["width"],
                    v["scheme"].as_str().unwrap_or(""),
                    x["id"].as_str().unwrap_or(""),
                    x["help"].as_str().unwrap_or(""),
                    nodes
                        .iter()
                        .filter_map(|n| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            } else {
                minor += nodes.len();
            }
        }
    }
    // Every page, each at two widths in two colour schemes.
    let visited: BTreeSet<String> = seen.keys().cloned().collect();
    assert_eq!(visited, pages, "axe did not visit every page");
    assert!(seen.values().all(|n| *n == 4), "{seen:?}");
    eprintln!(
        "axe: {} pages x 4 settings, {} serious or critical, {minor} minor or moderate node(s)",
        pages.len(),
        problems.len()
    );
    assert!(
        problems.is_empty(),
        "{} serious or critical violation(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
