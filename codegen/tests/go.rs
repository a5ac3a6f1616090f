//! The Go module, checked by Go's own tools: `gofmt -l` prints nothing (the generated files
//! are written `gofmt`-clean, the hand-written ones are kept so), `go vet` is clean, and
//! `go test ./...` passes (the reply vectors, the API tests, the examples and the
//! `smtp-explain` command's tests) in `generated/go`. The renderer's string escaping is
//! checked by compiling hostile strings and printing them back.
//!
//! Without Go installed the test is skipped with a message on stderr; with the `CI`
//! environment variable set, a missing `go` fails it instead. No network is used:
//! `GOPROXY=off`, and the module has no dependencies.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::views::text::go_str;

fn module() -> PathBuf {
    codegen::project_root().join("generated/go")
}

/// Is `go` installed? Outside CI a missing one skips the test with a message.
fn have_go() -> bool {
    let found = Command::new("go")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "`go` is not installed, and CI is set: the Go module must be tested"
        );
        eprintln!("skipped: `go` is not installed (set CI=1 to make this a failure)");
    }
    found
}

/// A `go` (or `gofmt`) command in `dir` that never touches the network and keeps its build
/// cache under `target/`.
fn go(program: &str, dir: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir)
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOCACHE", codegen::project_root().join("target/go/cache"));
    cmd
}

fn show(what: &str, out: &Output) -> String {
    format!(
        "{what}: {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn go_module_is_formatted_vetted_and_tested() {
    if !have_go() {
        return;
    }
    let dir = module();
    let fmt = go("gofmt", &dir)
        .args(["-l", "."])
        .output()
        .expect("gofmt runs");
    assert!(fmt.status.success(), "{}", show("gofmt -l", &fmt));
    assert!(
        fmt.stdout.is_empty(),
        "gofmt would change these files:\n{}",
        String::from_utf8_lossy(&fmt.stdout)
    );
    let vet = go("go", &dir)
        .args(["vet", "./..."])
        .output()
        .expect("go vet runs");
    assert!(vet.status.success(), "{}", show("go vet", &vet));
    let test = go("go", &dir)
        .args(["test", "-count=1", "./..."])
        .output()
        .expect("go test runs");
    assert!(test.status.success(), "{}", show("go test", &test));
}

#[test]
fn go_strings_survive_the_round_trip() {
    if !have_go() {
        return;
    }
    let hostile = [
        "plain",
        "quote \" backslash \\ and `backtick`",
        "line\nbreak\r\ttab",
        "control \u{1} \u{1f} \u{7f} \u{85}",
        "unicode é 日本 \u{2028} 😀",
        "*/ /* // comment-like",
        "%d %s {} ${x}",
    ];
    let dir = std::env::temp_dir().join(format!("smtp-codes-go-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let mut src = String::from("package main\n\nimport \"os\"\n\nfunc main() {\n");
    for s in hostile {
        src.push_str(&format!(
            "\tos.Stdout.WriteString({})\n\tos.Stdout.WriteString(\"\\x00\")\n",
            go_str(s)
        ));
    }
    src.push_str("}\n");
    fs::write(dir.join("main.go"), src).unwrap();
    fs::write(
        dir.join("go.mod"),
        "module example.com/gostrings\n\ngo 1.19\n",
    )
    .unwrap();
    let out = go("go", &dir)
        .args(["run", "."])
        .output()
        .expect("go run runs");
    assert!(out.status.success(), "{}", show("go run", &out));
    let printed: Vec<&[u8]> = out.stdout.split(|&b| b == 0).collect();
    for (i, s) in hostile.iter().enumerate() {
        assert_eq!(printed[i], s.as_bytes(), "string {i}");
    }
    let _ = fs::remove_dir_all(&dir);
}

/// Every fixture registry under `tests/fixtures/*/data` that renders (the hostile strings,
/// the small registry), with its `*_gen.go` files rendered in memory and put beside the
/// module's hand-written logic: it must build and vet cleanly, and `gofmt` must leave it
/// alone. This proves the generated data compiles for registries other than the real one.
#[test]
fn fixture_registries_build_with_the_hand_written_logic() {
    if !have_go() {
        return;
    }
    let fixtures = codegen::project_root().join("codegen/tests/fixtures");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&fixtures)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("data").is_dir())
        .collect();
    dirs.sort();
    let mut built = 0;
    for fixture in dirs {
        let Ok(outputs) = codegen::build(&fixture) else {
            continue;
        };
        let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
        let dir = std::env::temp_dir().join(format!("smtp-codes-go-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for entry in fs::read_dir(module()).unwrap().flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            let hand_written =
                file.ends_with(".go") && !file.ends_with("_gen.go") && !file.ends_with("_test.go");
            if hand_written || file == "go.mod" {
                fs::copy(entry.path(), dir.join(&file)).unwrap();
            }
        }
        let mut generated = 0;
        for (path, bytes) in &outputs.files {
            if let Some(file) = path.strip_prefix("generated/go/") {
                if file.ends_with("_gen.go") {
                    fs::write(dir.join(file), bytes).unwrap();
                    generated += 1;
                }
            }
        }
        assert!(generated > 0, "fixture {name}: no Go files rendered");
        let fmt = go("gofmt", &dir)
            .args(["-l", "."])
            .output()
            .expect("gofmt runs");
        assert!(
            fmt.status.success() && fmt.stdout.is_empty(),
            "fixture {name}: {}",
            show("gofmt -l", &fmt)
        );
        let vet = go("go", &dir)
            .args(["vet", "."])
            .output()
            .expect("go vet runs");
        assert!(
            vet.status.success(),
            "fixture {name}: {}",
            show("go vet", &vet)
        );
        let _ = fs::remove_dir_all(&dir);
        built += 1;
    }
    assert!(built >= 2, "only {built} fixture registries rendered");
}

/// Lines of Go with their indentation removed, blank lines dropped.
fn normalized(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The Go examples in the READMEs are the tested ones: each ```go block is, line for line,
/// part of an `Example` function in `example_test.go`, which `go test` runs and checks
/// against its `// Output:` comment.
#[test]
fn readme_go_examples_are_the_tested_ones() {
    let examples = normalized(&fs::read_to_string(module().join("example_test.go")).unwrap());
    let root = codegen::project_root();
    let mut blocks = 0;
    for readme in [root.join("README.md"), module().join("README.md")] {
        let text = fs::read_to_string(&readme).unwrap();
        for block in text.split("```go\n").skip(1) {
            let code = normalized(block.split("```").next().unwrap());
            let found = examples.windows(code.len()).any(|w| w == code.as_slice());
            assert!(
                found,
                "{}: this Go example is not in example_test.go:\n{}",
                readme.display(),
                code.join("\n")
            );
            blocks += 1;
        }
    }
    assert!(blocks >= 6, "only {blocks} Go examples");
}
