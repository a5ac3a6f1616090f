//! Fixture registries: golden output for a small one (re-bless with `BLESS=1 cargo test -p
//! codegen --test fixtures`), and a hostile one whose strings must survive every output.

use std::fs;
use std::path::{Path, PathBuf};

use codegen::{load, outputs::Outputs, render};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn render_fixture(name: &str) -> Outputs {
    let reg = match load::load(&fixture(name).join("data")) {
        Ok(r) => r,
        Err(e) => panic!("fixture {name} is invalid:\n{e}"),
    };
    render::render_all(&reg).expect("renders")
}

#[test]
fn golden_output_of_the_small_fixture() {
    let outs = render_fixture("small");
    let golden = fixture("small").join("golden");
    let bless = std::env::var_os("BLESS").is_some();
    if bless {
        let _ = fs::remove_dir_all(&golden);
    }
    let mut problems = Vec::new();
    for (path, bytes) in &outs.files {
        let file = golden.join(path);
        if bless {
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(&file, bytes).unwrap();
            continue;
        }
        match fs::read(&file) {
            Ok(disk) if &disk == bytes => {}
            Ok(_) => problems.push(format!("differs: {path}")),
            Err(_) => problems.push(format!("missing from golden: {path}")),
        }
    }
    // No golden file without a rendered counterpart.
    let mut stack = vec![golden.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(&golden)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if !outs.files.contains_key(&rel) {
                    problems.push(format!("golden file no longer rendered: {rel}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "golden output changed; review and re-bless with `BLESS=1 cargo test -p codegen --test fixtures`:\n{}",
        problems.join("\n")
    );
}

/// The strings the hostile fixture plants, as the YAML loader reads them.
fn hostile_strings() -> (String, String) {
    let reg = load::load(&fixture("hostile").join("data")).unwrap();
    let e = reg.enhanced.iter().find(|e| e.code.detail == 1).unwrap();
    (e.description.clone(), e.sample_text.clone())
}

#[test]
fn hostile_strings_round_trip_through_json() {
    let outs = render_fixture("hostile");
    let json: serde_json::Value =
        serde_json::from_slice(&outs.files["generated/json/smtp-codes.json"]).unwrap();
    let (description, sample) = hostile_strings();
    assert!(
        description.contains("</script>")
            && description.contains("*/")
            && description.contains("😀")
    );
    let x11 = json["enhanced"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "X.1.1")
        .unwrap();
    assert_eq!(x11["description"], description.as_str());
    assert_eq!(x11["sample_text"], sample.as_str());
    let x12 = json["enhanced"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "X.1.2")
        .unwrap();
    assert!(x12["description"].as_str().unwrap().len() > 3000);
    let b550 = json["basic"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["code"] == 550)
        .unwrap();
    assert_eq!(b550["description"], description.as_str());
    assert_eq!(json["vendors"][0]["meaning"], description.as_str());
    assert_eq!(
        json["troubleshooting"][0]["causes"][0],
        description.as_str()
    );
}

#[test]
fn hostile_strings_keep_the_rust_crate_compiling() {
    // Render the hostile registry's crate into a temporary folder and type-check it: every
    // string literal and doc comment must be escaped for Rust.
    let outs = render_fixture("hostile");
    let dir = std::env::temp_dir().join(format!("smtp-codes-hostile-crate-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, bytes) in &outs.files {
        if let Some(rel) = path.strip_prefix("generated/rust/") {
            let file = dir.join(rel);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, bytes).unwrap();
        }
    }
    // The hand-written rest of the real crate (manifest, engine, types) is part of it too.
    let real = codegen::project_root().join("generated/rust");
    fs::copy(real.join("Cargo.toml"), dir.join("Cargo.toml")).unwrap();
    fs::copy(real.join("README.md"), dir.join("README.md")).unwrap();
    copy_unmarked(&real.join("src"), &dir.join("src"));
    let target = std::env::temp_dir().join("smtp-codes-hostile-target");
    let out = std::process::Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet", "--lib"])
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTFLAGS", "-D warnings")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the hostile crate does not compile:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = std::process::Command::new(env!("CARGO"))
        .args(["doc", "--offline", "--quiet", "--no-deps", "--lib"])
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTDOCFLAGS", "-D warnings")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        doc.status.success(),
        "the hostile crate's docs have warnings:\n{}",
        String::from_utf8_lossy(&doc.stderr)
    );
    // The generated files are already rustfmt-clean, whatever the strings.
    let fmt = std::process::Command::new(env!("CARGO"))
        .args(["fmt", "--check"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        fmt.status.success(),
        "the hostile crate is not rustfmt-clean:\n{}",
        String::from_utf8_lossy(&fmt.stdout)
    );
    let _ = fs::remove_dir_all(&dir);
}

/// Copies the hand-written (unmarked) files of `from` into `to`, keeping their layout.
fn copy_unmarked(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap().flatten() {
        let p = entry.path();
        let dest = to.join(entry.file_name());
        if p.is_dir() {
            copy_unmarked(&p, &dest);
        } else {
            let bytes = fs::read(&p).unwrap();
            if !codegen::outputs::is_marked(&bytes) {
                fs::create_dir_all(to).unwrap();
                fs::write(dest, bytes).unwrap();
            }
        }
    }
}
