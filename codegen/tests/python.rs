//! The Python package (`generated/python/`), checked by Python's own tools: `mypy --strict`,
//! `ruff check` and `ruff format --check`, `pytest` (the reply vectors, the API tests, the
//! docstrings and the README's examples), and `python -m build`, whose wheel and sdist must
//! hold exactly the package's files.
//!
//! The tools are pinned in `generated/python/requirements-dev.txt` and installed from PyPI
//! into a virtual environment under `target/python-venv` (once; later runs reuse it). Without
//! `python3`, its `venv` module or the network, the tests are skipped with a message on
//! stderr; with the `CI` environment variable set, they fail instead.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn root() -> PathBuf {
    codegen::project_root()
}

fn package() -> PathBuf {
    root().join("generated/python")
}

fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// Skips (or, in CI, fails) with `why`.
fn unavailable(why: &str) -> Option<PathBuf> {
    assert!(
        !in_ci(),
        "the Python package cannot be checked in CI: {why}"
    );
    eprintln!("skipping the Python package's checks: {why}");
    None
}

fn show(out: &Output) -> String {
    format!(
        "status: {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The virtual environment's `python`, with the pinned tools installed; `None` when it
/// cannot be made here (outside CI).
fn venv_python() -> Option<&'static Path> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON.get_or_init(make_venv).as_deref()
}

fn make_venv() -> Option<PathBuf> {
    let probe = Command::new("python3")
        .args(["-c", "import venv, ensurepip"])
        .output();
    match probe {
        Err(_) => return unavailable("`python3` is not installed"),
        Ok(o) if !o.status.success() => {
            return unavailable("python3's `venv` module is missing (Debian: python3-venv)")
        }
        Ok(_) => {}
    }
    let venv = root().join("target/python-venv");
    let python = venv.join("bin/python");
    // Test runners that use one process per test (cargo-nextest) would otherwise make the
    // venv several times at once.
    fs::create_dir_all(root().join("target")).expect("target/ is writable");
    let lock = fs::File::create(root().join("target/python-venv.lock")).expect("lock file");
    lock.lock().expect("the venv lock");
    let requirements = package().join("requirements-dev.txt");
    let stamp = venv.join("requirements-dev.txt");
    let wanted = fs::read(&requirements).expect("requirements-dev.txt is readable");
    if fs::read(&stamp).ok().as_deref() == Some(wanted.as_slice()) && python.exists() {
        return Some(python);
    }
    if !python.exists() {
        let out = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "python3 -m venv failed\n{}",
            show(&out)
        );
    }
    let out = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(&requirements)
        .output()
        .expect("pip runs");
    if !out.status.success() {
        return unavailable(&format!(
            "pip could not install the dev tools (is PyPI reachable?)\n{}",
            show(&out)
        ));
    }
    fs::write(&stamp, wanted).expect("the venv folder is writable");
    Some(python)
}

/// Runs a module of the venv in the package folder; bytecode and tool caches stay out of
/// the source tree.
fn run(python: &Path, args: &[&str]) -> Output {
    let caches = root().join("target/python-caches");
    Command::new(python)
        .args(args)
        .current_dir(package())
        .env("PYTHONPATH", package().join("src"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("MYPY_CACHE_DIR", caches.join("mypy"))
        .env("RUFF_CACHE_DIR", caches.join("ruff"))
        .env_remove("SMTP_CODES_SITE")
        .output()
        .expect("the venv's python runs")
}

fn assert_ok(out: &Output, what: &str) {
    assert!(out.status.success(), "{what} failed\n{}", show(out));
}

#[test]
fn mypy_strict_is_clean() {
    let Some(python) = venv_python() else { return };
    let out = run(python, &["-m", "mypy", "--strict"]);
    assert_ok(&out, "mypy --strict");
}

#[test]
fn ruff_is_clean() {
    let Some(python) = venv_python() else { return };
    assert_ok(&run(python, &["-m", "ruff", "check", "."]), "ruff check");
    assert_ok(
        &run(python, &["-m", "ruff", "format", "--check", "."]),
        "ruff format --check",
    );
}

#[test]
fn pytest_passes() {
    let Some(python) = venv_python() else { return };
    let out = run(python, &["-m", "pytest", "-q", "-p", "no:cacheprovider"]);
    assert_ok(&out, "pytest");
    let summary = String::from_utf8_lossy(&out.stdout);
    let passed: usize = summary
        .lines()
        .filter_map(|l| l.split(" passed").next()?.rsplit(' ').next()?.parse().ok())
        .next()
        .unwrap_or(0);
    assert!(passed >= 150, "only {passed} tests ran:\n{summary}");
}

/// The package's own files (`src/smtp_codes/...`), relative to `src/`.
fn package_files() -> BTreeSet<String> {
    fn walk(dir: &Path, base: &Path, out: &mut BTreeSet<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name == "__pycache__" || name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                let rel = path.strip_prefix(base).unwrap().to_string_lossy();
                out.insert(rel.replace('\\', "/"));
            }
        }
    }
    let src = package().join("src");
    let mut out = BTreeSet::new();
    walk(&src.join("smtp_codes"), &src, &mut out);
    out
}

/// The names in an archive, listed by the venv's Python (`zipfile` or `tarfile`).
fn archive_names(python: &Path, archive: &Path) -> BTreeSet<String> {
    let script = "import sys, tarfile, zipfile\n\
                  p = sys.argv[1]\n\
                  names = zipfile.ZipFile(p).namelist() if p.endswith('.whl') \
                  else [m.name for m in tarfile.open(p) if m.isfile()]\n\
                  print('\\n'.join(names))";
    let out = run(python, &["-c", script, &archive.to_string_lossy()]);
    assert_ok(&out, "listing an archive");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn wheel_and_sdist_hold_the_package() {
    let Some(python) = venv_python() else { return };
    let dist = root().join(format!("target/python-dist-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dist);
    let out = run(
        python,
        &[
            "-m",
            "build",
            "--no-isolation",
            "--wheel",
            "--sdist",
            "--outdir",
            &dist.to_string_lossy(),
        ],
    );
    assert_ok(&out, "python -m build");
    let built: Vec<PathBuf> = fs::read_dir(&dist)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let version = read_version();
    let find = |suffix: &str| {
        built
            .iter()
            .find(|p| p.to_string_lossy().ends_with(suffix))
            .unwrap_or_else(|| panic!("no {suffix} among {built:?}"))
            .clone()
    };
    let wheel = find(&format!("smtp_codes-{version}-py3-none-any.whl"));
    let sdist = find(&format!("smtp_codes-{version}.tar.gz"));

    let files = package_files();
    assert!(files.contains("smtp_codes/py.typed"));
    assert!(files.contains("smtp_codes/_tables/codes.py"));
    let names = archive_names(python, &wheel);
    let in_package: BTreeSet<String> = names
        .iter()
        .filter(|n| n.starts_with("smtp_codes/"))
        .cloned()
        .collect();
    assert_eq!(in_package, files, "the wheel's package files");
    let info = format!("smtp_codes-{version}.dist-info/");
    for meta in ["METADATA", "WHEEL", "RECORD", "entry_points.txt"] {
        assert!(
            names.contains(&format!("{info}{meta}")),
            "{meta} missing from {names:?}"
        );
    }
    let others: Vec<&String> = names
        .iter()
        .filter(|n| !n.starts_with("smtp_codes/") && !n.starts_with(&info))
        .collect();
    assert!(
        others.is_empty(),
        "unexpected files in the wheel: {others:?}"
    );

    let prefix = format!("smtp_codes-{version}/");
    let names: BTreeSet<String> = archive_names(python, &sdist)
        .into_iter()
        .map(|n| n.strip_prefix(&prefix).map(str::to_string).unwrap_or(n))
        .collect();
    let mut expected: BTreeSet<String> = files.iter().map(|f| format!("src/{f}")).collect();
    for f in ["PKG-INFO", "README.md", "pyproject.toml", ".gitignore"] {
        expected.insert(f.to_string());
    }
    for entry in fs::read_dir(package().join("tests")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            expected.insert(format!("tests/{name}"));
        }
    }
    assert_eq!(names, expected, "the sdist's files");
    let _ = fs::remove_dir_all(&dist);
}

/// `python3` for the checks that need no tools; `None` (outside CI) when it is missing.
fn python3() -> Option<PathBuf> {
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => Some(PathBuf::from("python3")),
        _ => unavailable("`python3` is not installed"),
    }
}

/// Strings that are hard to write as Python literals come back from the interpreter with
/// exactly their bytes when written by the renderer's `py_str`.
#[test]
fn string_literals_round_trip_through_python() {
    let Some(python) = python3() else { return };
    let hostile = [
        "plain",
        "quote \" and backslash \\ and \\\"",
        "line\nbreak\r\ttab\u{0}nul\u{1b}esc\u{7f}del",
        "caf\u{e9} \u{2028} \u{2029} \u{85} \u{fffd} \u{1f600}",
        "'single' \"\"\" triple {braces} %s \\N{DASH}",
        "",
    ];
    let mut program = String::from("import sys\nout = [\n");
    for h in hostile {
        program.push_str(&format!("    {},\n", codegen::views::text::py_str(h)));
    }
    program.push_str("]\nsys.stdout.buffer.write('\\x1e'.join(out).encode('utf-8'))\n");
    let out = Command::new(python)
        .args(["-c", &program])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        hostile.join("\u{1e}")
    );
}

/// The generated tables say what `generated/json/smtp-codes.json` says.
#[test]
fn tables_match_the_json() {
    let Some(python) = python3() else { return };
    let script = "import json, sys\n\
        from smtp_codes._tables import codes, classifier, commands, vendors\n\
        secs = lambda d: None if d is None else d.days * 86400 + d.seconds\n\
        policy = lambda p: None if p is None else [p.retry.value, secs(p.first_after), p.backoff, p.how, secs(p.give_up_after), p.give_up_attempts, p.suppress_address, p.source.value]\n\
        print(json.dumps({\n\
          'commands': [c.value for c in commands.Command],\n\
          'vendor_sources': [[v.slug, list(v.hosts), list(v.markers)] for v in vendors.VENDORS.values()],\n\
          'ranges': [None if e.enhanced_to is None else str(e.enhanced_to) for e in vendors.VENDOR_ENTRIES],\n\
          'vendor_policies': [policy(e.retry_policy) for e in vendors.VENDOR_ENTRIES],\n\
          'reason_policies': [policy(r.details.retry_policy) for r in classifier.Reason],\n\
          'defaults': [policy(classifier.RETRY_DEFAULT_TRANSIENT), policy(classifier.RETRY_DEFAULT_PERMANENT)],\n\
          'basic': [[i.code, i.name, i.text, i.status.value, i.description] for i in codes.REPLIES.values()],\n\
          'enhanced': [[i.code, i.sample_text, i.status.value, i.replaced_by, list(i.basic_codes)] for i in codes.ENHANCED.values()],\n\
          'troubleshooting': sorted(codes.TROUBLESHOOTING),\n\
          'reasons': [[r.value, r.title, r.side.value, r.permanent_bounce.value] for r in classifier.Reason],\n\
          'rules': [[r.id, r.reason.value, list(r.any), list(r.all), list(r.none), r.weak] for r in classifier.RULES],\n\
          'vendors': [[e.vendor.slug, e.basic, None if e.enhanced is None else str(e.enhanced), e.token, e.pattern, e.meaning, e.retry.value, None if e.reason is None else e.reason.value] for e in vendors.VENDOR_ENTRIES],\n\
        }))";
    let out = Command::new(python)
        .args(["-c", script])
        .env("PYTHONPATH", package().join("src"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", show(&out));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("generated/json/smtp-codes.json")).unwrap(),
    )
    .unwrap();
    let pick = |items: &serde_json::Value, keys: &[&str]| -> serde_json::Value {
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| serde_json::Value::Array(keys.iter().map(|k| i[*k].clone()).collect()))
            .collect()
    };
    assert_eq!(
        got["basic"],
        pick(
            &doc["basic"],
            &["code", "name", "text", "status", "description"]
        )
    );
    assert_eq!(
        got["enhanced"],
        pick(
            &doc["enhanced"],
            &[
                "code",
                "sample_text",
                "status",
                "replaced_by",
                "basic_codes"
            ]
        )
    );
    let mut trouble: Vec<String> = doc["troubleshooting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap().to_string())
        .collect();
    trouble.sort();
    assert_eq!(got["troubleshooting"], serde_json::json!(trouble));
    let classifier = &doc["classifier"];
    let reasons: serde_json::Value = classifier["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| serde_json::json!([r["id"], r["title"], r["side"], r["bounce"]]))
        .collect();
    assert_eq!(got["reasons"], reasons);
    assert_eq!(
        got["rules"],
        pick(
            &classifier["rules"],
            &["id", "reason", "any", "all", "none", "weak"]
        )
    );
    assert_eq!(
        got["vendors"],
        pick(
            &doc["vendors"],
            &["vendor", "basic", "enhanced", "token", "pattern", "meaning", "retry", "reason"]
        )
    );
    let names: Vec<&serde_json::Value> = doc["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["name"])
        .collect();
    assert_eq!(got["commands"], serde_json::json!(names));
    assert_eq!(
        got["vendor_sources"],
        pick(&doc["vendor_sources"], &["vendor", "hosts", "markers"])
    );
    let entries = doc["vendors"].as_array().unwrap();
    let ranges: Vec<&serde_json::Value> = entries.iter().map(|e| &e["enhanced_to"]).collect();
    assert_eq!(got["ranges"], serde_json::json!(ranges));
    let policies = |items: &[serde_json::Value], source: &str| -> serde_json::Value {
        items
            .iter()
            .map(|i| policy(&i["retry_policy"], source))
            .collect()
    };
    assert_eq!(got["vendor_policies"], policies(entries, "vendor"));
    assert_eq!(
        got["reason_policies"],
        policies(classifier["reasons"].as_array().unwrap(), "reason")
    );
    let defaults = &classifier["retry_defaults"];
    assert!(
        !defaults.is_null(),
        "data/classifier.yaml has retry_defaults"
    );
    assert_eq!(
        got["defaults"],
        serde_json::json!([
            policy(&defaults["transient"], "default"),
            policy(&defaults["permanent"], "default")
        ])
    );
    let with_policy = |key: &str| {
        got[key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| !p.is_null())
            .count()
    };
    assert!(with_policy("vendor_policies") > 0 && with_policy("reason_policies") > 0);
}

/// A retry policy of the JSON as the Python tables hold it: durations in seconds, prose on
/// one line, and the level it comes from.
fn policy(p: &serde_json::Value, source: &str) -> serde_json::Value {
    if p.is_null() {
        return serde_json::Value::Null;
    }
    let secs = |d: &serde_json::Value| -> serde_json::Value {
        let Some(d) = d.as_str() else {
            return serde_json::Value::Null;
        };
        let (n, unit) = d.split_at(d.len() - 1);
        let n: u64 = n.parse().expect("a duration's number");
        let unit = match unit {
            "d" => 86_400,
            "h" => 3_600,
            "m" => 60,
            other => panic!("unit {other} of {d}"),
        };
        serde_json::json!(n * unit)
    };
    let line = |t: &serde_json::Value| -> serde_json::Value {
        t.as_str().map_or(serde_json::Value::Null, |t| {
            serde_json::json!(t.split_whitespace().collect::<Vec<_>>().join(" "))
        })
    };
    serde_json::json!([
        p["retry"],
        secs(&p["first_after"]),
        line(&p["backoff"]),
        line(&p["how"]),
        secs(&p["give_up_after"]),
        p["give_up_attempts"],
        p["suppress_address"],
        source
    ])
}

/// The packages' version: the newest edition's `crate_version`.
fn package_version() -> String {
    codegen::load::load(&root().join("data"))
        .unwrap()
        .package_version()
        .to_string()
}

/// The package version the generator wrote.
fn read_version() -> String {
    let init = fs::read_to_string(package().join("src/smtp_codes/_tables/__init__.py")).unwrap();
    let line = init
        .lines()
        .find(|l| l.starts_with("__version__ = "))
        .expect("_tables/__init__.py sets __version__");
    assert_eq!(line, format!("__version__ = \"{}\"", package_version()));
    line.trim_start_matches("__version__ = ")
        .trim_matches('"')
        .to_string()
}

/// The package's version is the Rust crate's.
#[test]
fn package_version_is_the_crates() {
    let cargo = fs::read_to_string(root().join("generated/rust/Cargo.toml")).unwrap();
    let line = cargo
        .lines()
        .find(|l| l.starts_with("version = "))
        .expect("the crate has a version");
    assert_eq!(
        line,
        format!("version = \"{}\"", package_version()),
        "the newest edition's crate_version (data/editions.yaml) must be generated/rust/Cargo.toml's"
    );
    read_version();
}

/// The tables rendered from the small fixture registry (its golden copy, which
/// `tests/fixtures.rs` keeps equal to the rendering) are valid Python too.
#[test]
fn fixture_tables_are_valid_python() {
    let Some(python) = python3() else { return };
    let dir =
        root().join("codegen/tests/fixtures/small/golden/generated/python/src/smtp_codes/_tables");
    let files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    assert_eq!(files.len(), 6, "{files:?}");
    let out = Command::new(python)
        .args([
            "-c",
            "import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f, encoding='utf-8').read(), f)",
        ])
        .args(&files)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", show(&out));
}
