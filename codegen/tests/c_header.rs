//! The C header, compiled and run: `generated/c/smtp_codes.h` with `tests/c/*.c`, by gcc and
//! clang, as C99, C11, C++11 and C++17, with `-Wall -Wextra -Werror -pedantic`, under
//! AddressSanitizer and UndefinedBehaviorSanitizer where the compiler has them.
//!
//! Each build runs three checks: the program's dump of every table and X-macro entry must
//! equal, byte for byte, the same lines built here from `generated/json/smtp-codes.json`;
//! its parser must agree with the Rust crate's `EnhancedCode::parse_prefix` on some 340,000
//! inputs, each handed over in a heap buffer of exactly its length; and its hand-written
//! self-test must pass. A snippet of hostile strings, escaped by the renderer's `c_str` and
//! `c_comment`, must compile and print back its exact bytes. The header of every fixture
//! registry in `tests/fixtures/*/data` (rendered in memory) must compile, and its dump must
//! equal its JSON too.
//!
//! A compiler that is not installed is skipped, and the test says so on stderr; with the
//! `CI` environment variable set, a missing compiler fails the test instead.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

use codegen::render::c::{c_comment, c_str, c_str_wrapped, HEADER_PATH};
use serde_json::Value;

const FLAGS: [&str; 6] = ["-Wall", "-Wextra", "-Werror", "-pedantic", "-O2", "-g"];
const SANITIZE: [&str; 3] = [
    "-fsanitize=address,undefined",
    "-fno-sanitize-recover=all",
    "-fno-omit-frame-pointer",
];

fn root() -> PathBuf {
    codegen::project_root()
}

fn c_dir() -> PathBuf {
    root().join("codegen/tests/c")
}

/// A fresh folder for one build's products (tests run in parallel, in several processes).
fn scratch(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smtp-codes-c-{}-{label}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn show(out: &Output) -> String {
    format!(
        "status: {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout)
            .chars()
            .take(4000)
            .collect::<String>(),
        String::from_utf8_lossy(&out.stderr)
            .chars()
            .take(8000)
            .collect::<String>()
    )
}

/// Is `bin` installed? `None` when it is not: the caller skips (or fails under CI).
fn available(bin: &str) -> Option<()> {
    match Command::new(bin).arg("--version").output() {
        Ok(_) => Some(()),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "{bin} is not installed, and CI is set: the C header must be tested with it"
                );
            }
            eprintln!("skipped: {bin} is not installed (set CI=1 to make this a failure)");
            None
        }
        Err(e) => panic!("cannot run {bin}: {e}"),
    }
}

/// Whether `bin` can build and run a program with the sanitizers, found by trying once per
/// compiler (clang needs its runtime package, and some kernels refuse AddressSanitizer).
fn sanitizers_work(bin: &str) -> bool {
    static CACHE: OnceLock<Mutex<HashMap<String, bool>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = cache.get(bin) {
        return known;
    }
    let dir = scratch(&format!("probe-{}", bin.replace('+', "x")));
    let src = dir.join("probe.c");
    fs::write(&src, "int main(void) { return 0; }\n").unwrap();
    let exe = dir.join("probe");
    let built = Command::new(bin)
        .args(SANITIZE)
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .unwrap();
    let works = if !built.status.success() {
        eprintln!(
            "note: {bin} cannot build with -fsanitize=address,undefined, so its builds run \
             without sanitizers:\n{}",
            String::from_utf8_lossy(&built.stderr)
                .lines()
                .take(3)
                .collect::<Vec<_>>()
                .join("\n")
        );
        false
    } else {
        let ran = Command::new(&exe).output().unwrap();
        if !ran.status.success() {
            eprintln!(
                "note: {bin}'s sanitized programs do not run here, so its builds run without \
                 sanitizers:\n{}",
                show(&ran)
            );
        }
        ran.status.success()
    };
    let _ = fs::remove_dir_all(&dir);
    cache.insert(bin.to_string(), works);
    works
}

/// One compiler in one language standard.
struct Build {
    bin: &'static str,
    std: &'static str,
    cxx: bool,
    sanitized: bool,
    dir: PathBuf,
}

impl Build {
    /// `None` when the compiler is missing (and CI is not set).
    fn new(compiler: &str, std: &'static str) -> Option<Build> {
        let cxx = std.starts_with("c++");
        let bin = match (compiler, cxx) {
            ("gcc", false) => "gcc",
            ("gcc", true) => "g++",
            ("clang", false) => "clang",
            ("clang", true) => "clang++",
            _ => unreachable!("gcc or clang"),
        };
        available(bin)?;
        let sanitized = sanitizers_work(bin);
        let dir = scratch(&format!("{compiler}-{std}").replace('+', "x"));
        Some(Build {
            bin,
            std,
            cxx,
            sanitized,
            dir,
        })
    }

    fn label(&self) -> String {
        format!(
            "{} -std={}{}",
            self.bin,
            self.std,
            if self.sanitized {
                " with ASan and UBSan"
            } else {
                ""
            }
        )
    }

    /// Compiles `sources` (with `include` on the include path) into `name`.
    fn compile(&self, name: &str, include: &Path, sources: &[PathBuf]) -> PathBuf {
        let exe = self.dir.join(name);
        let mut cmd = Command::new(self.bin);
        cmd.arg(format!("-std={}", self.std)).args(FLAGS);
        if self.sanitized {
            cmd.args(SANITIZE);
        }
        cmd.arg("-I").arg(include);
        if self.cxx {
            cmd.args(["-x", "c++"]);
        }
        cmd.args(sources).arg("-o").arg(&exe);
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}: {name} does not compile cleanly:\n{}",
            self.label(),
            show(&out)
        );
        exe
    }

    fn run(&self, exe: &Path, args: &[&str]) -> Vec<u8> {
        let out = Command::new(exe)
            .args(args)
            .env("ASAN_OPTIONS", "abort_on_error=0:detect_leaks=1")
            .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {} {args:?} failed:\n{}",
            self.label(),
            exe.display(),
            show(&out)
        );
        out.stdout
    }
}

/// The dump format of `tests/c/smtp_codes_test.c`: a quoted string with `\` and `"`
/// escaped and control bytes as `\xHH`, or `null`.
fn q(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::String(s) => {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' | '\\' => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                        write!(out, "\\x{:02x}", c as u32).unwrap()
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        other => panic!("expected a string or null, found {other}"),
    }
}

fn digits(list: &[u64]) -> String {
    let mut sorted = list.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let inner: Vec<String> = sorted.iter().map(u64::to_string).collect();
    format!("[{}]", inner.join(","))
}

fn u64s(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

fn reference_line(out: &mut String, r: &Value) {
    writeln!(
        out,
        "  reference {} {} {}",
        q(&r["document"]),
        q(&r["section"]),
        q(&r["url"])
    )
    .unwrap();
}

/// The lines the C program must print for `dump`, built from the JSON.
fn expected_dump(json: &Value) -> String {
    let mut out = String::new();
    let basic = json["basic"].as_array().unwrap();
    let enhanced = json["enhanced"].as_array().unwrap();
    for b in basic {
        writeln!(
            out,
            "reply {} {} {} {} {} {} {} {}",
            b["code"],
            q(&b["name"]),
            b["status"].as_str().unwrap(),
            q(&b["text"]),
            q(&b["text_note"]),
            q(&b["description"]),
            q(&b["kind"]),
            q(&b["notes"])
        )
        .unwrap();
        for m in b["meanings"].as_array().unwrap() {
            writeln!(
                out,
                "  meaning {} {} {} {} {} {} {}",
                q(&m["text"]),
                q(&m["summary"]),
                q(&m["document"]),
                q(&m["section"]),
                q(&m["url"]),
                q(&m["vendor"]),
                u8::from(m["standard"].as_bool().unwrap())
            )
            .unwrap();
        }
        for r in b["references"].as_array().unwrap() {
            reference_line(&mut out, r);
        }
    }
    for e in enhanced {
        let usable: Vec<u64> = e["usable_as"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| match o.as_str().unwrap() {
                "success" => 2,
                "transient" => 4,
                "permanent" => 5,
                other => panic!("unknown outcome {other}"),
            })
            .collect();
        let codes: Vec<String> = u64s(&e["basic_codes"]).iter().map(u64::to_string).collect();
        writeln!(
            out,
            "enhanced {} {} {} {} basic_codes=[{}] {} classes={} any={} usable_as={} \
             deprecated={} {} {}",
            e["code"].as_str().unwrap(),
            q(&e["name"]),
            q(&e["sample_text"]),
            q(&e["description"]),
            codes.join(","),
            q(&e["basic_codes_text"]),
            digits(&u64s(&e["basic_codes_classes"])),
            u8::from(e["basic_codes_any"].as_bool().unwrap()),
            digits(&usable),
            u8::from(e["status"] == "deprecated"),
            q(&e["replaced_by"]),
            q(&e["notes"])
        )
        .unwrap();
        for r in e["references"].as_array().unwrap() {
            reference_line(&mut out, r);
        }
    }
    for b in basic.iter().filter(|b| b["status"] != "nonstandard") {
        let name = codegen::names::screaming_snake(b["name"].as_str().unwrap());
        writeln!(
            out,
            "reply-map {code} {name} {code} {}",
            q(&b["text"]),
            code = b["code"]
        )
        .unwrap();
    }
    for e in enhanced {
        let name = codegen::names::screaming_snake(e["name"].as_str().unwrap());
        let key = format!("X.{}.{}", e["subject"], e["detail"]);
        writeln!(
            out,
            "enhanced-map {key} {name} {key} {}",
            q(&e["sample_text"])
        )
        .unwrap();
    }
    out
}

/// Panics with the first line where `got` and `want` differ.
fn assert_same_lines(what: &str, got: &[u8], want: &str) {
    if got == want.as_bytes() {
        return;
    }
    let got = String::from_utf8_lossy(got);
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let i = g.iter().zip(&w).take_while(|(a, b)| a == b).count();
    panic!(
        "{what}: line {} differs ({} lines printed, {} expected)\n  C:    {}\n  want: {}",
        i + 1,
        g.len(),
        w.len(),
        g.get(i).unwrap_or(&"<end>"),
        w.get(i).unwrap_or(&"<end>")
    );
}

/// Parser inputs: every string of up to 7 bytes over `0159.x` (leading zeros, 3 and 4
/// digit parts, missing and doubled dots, trailing text), plus every combination of a class
/// (valid, invalid, signed), subject, detail (empty to 4 digits, with and without leading
/// zeros) and trailer.
fn parser_inputs() -> Vec<String> {
    let alphabet = ['0', '1', '5', '9', '.', 'x'];
    let mut inputs = vec![String::new()];
    let mut layer = vec![String::new()];
    for _ in 0..7 {
        layer = layer
            .iter()
            .flat_map(|s| {
                alphabet.iter().map(move |c| {
                    let mut t = s.clone();
                    t.push(*c);
                    t
                })
            })
            .collect();
        inputs.extend(layer.iter().cloned());
    }
    let classes = ["2", "4", "5", "3", "6", "0", "+5", "-5", " 5", ""];
    let parts = [
        "", "0", "00", "01", "1", "7", "10", "26", "99", "100", "999", "1000", "0999", "a",
    ];
    let trailers = ["", " ", ".", "0", "9", "x", ".1", " text"];
    for c in classes {
        for s in parts {
            for d in parts {
                for t in trailers {
                    inputs.push(format!("{c}.{s}.{d}{t}"));
                }
            }
        }
    }
    inputs
}

/// What `smtp_codes_test parse` must print for each input: the Rust crate's answer.
fn expected_parse(inputs: &[String]) -> String {
    let mut out = String::new();
    for input in inputs {
        match smtp_codes::EnhancedCode::parse_prefix(input.as_bytes()) {
            Ok((code, used)) => writeln!(out, "{used} {code}").unwrap(),
            Err(_) => out.push_str("0\n"),
        }
    }
    out
}

/// A fixture registry's header, rendered in memory, and its expected dump.
struct Fixture {
    name: String,
    header: Vec<u8>,
    dump: String,
}

/// Every fixture registry under `tests/fixtures/*/data` that renders (bad fixtures, which
/// must not, are left out): hostile strings and small registries, through the real template.
fn fixtures() -> Vec<Fixture> {
    let Ok(entries) = fs::read_dir(root().join("codegen/tests/fixtures")) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("data").is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .filter_map(|dir| {
            let outputs = codegen::build(dir).ok()?;
            let json: Value =
                serde_json::from_slice(&outputs.files["generated/json/smtp-codes.json"]).unwrap();
            Some(Fixture {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                header: outputs.files[HEADER_PATH].clone(),
                dump: expected_dump(&json),
            })
        })
        .collect()
}

struct Shared {
    fixtures: Vec<Fixture>,
    dump: String,
    parse_inputs: String,
    parse: String,
    snippet: String,
    snippet_out: String,
}

/// What every build compares against, computed once per test process.
fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let json_text = fs::read_to_string(root().join("generated/json/smtp-codes.json")).unwrap();
        let json: Value = serde_json::from_str(&json_text).unwrap();
        let inputs = parser_inputs();
        let (snippet, snippet_out) = hostile_snippet();
        Shared {
            fixtures: fixtures(),
            dump: expected_dump(&json),
            parse: expected_parse(&inputs),
            parse_inputs: inputs.iter().map(|s| format!("{s}\n")).collect(),
            snippet,
            snippet_out,
        }
    })
}

/// Strings that break naive escaping.
const HOSTILE: [&str; 12] = [
    r#"He said "hi" and left"#,
    r"back\slash\ and a trailing backslash\",
    "??= ??( ??/ ??) ??' ??< ??! ??> ??- ???= ????/ ?",
    "*/ closes a comment, /* opens one, */*/ and /*/",
    "é 中 😀 café naïve",
    "é1 éa éF é0 中0 中f 😀b 😀7",
    "tab\there, newline\nthere, CR\r, bell \u{7}, escape \u{1b}7, DEL \u{7f}",
    "NUL \u{0}1 in the middle",
    "\\x41 \\101 \\n \\u00e9 are text, not escapes",
    "%s %d %n %% printf-ish",
    "<domain> & [RFC 5321] `code`",
    "",
];

/// A C program that prints the bytes of every hostile string, escaped by `c_str` (and by
/// `c_str_wrapped` for a long one) and introduced by a comment escaped by `c_comment`; and
/// the hex it must print.
fn hostile_snippet() -> (String, String) {
    let mut strings: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    strings.push(format!("{}??=\"\\é1 */", "long text ".repeat(30)));
    let mut src = String::from("#include <stdio.h>\n\n");
    let mut want = String::new();
    for (i, s) in strings.iter().enumerate() {
        let literal = if s.len() > 100 {
            c_str_wrapped(s, 4)
        } else {
            c_str(s)
        };
        writeln!(src, "/* {} */", c_comment(s)).unwrap();
        writeln!(src, "/**\n * {}\n */", c_comment(s)).unwrap();
        writeln!(src, "static const char s{i}[] =\n    {literal};").unwrap();
        for b in s.bytes() {
            write!(want, "{b:02x}").unwrap();
        }
        want.push('\n');
    }
    src.push_str("\nstatic void put(const char *s, size_t n)\n{\n    size_t i;\n");
    src.push_str("    for (i = 0; i < n; i++)\n        printf(\"%02x\", (unsigned int)(unsigned char)s[i]);\n");
    src.push_str("    putchar('\\n');\n}\n\nint main(void)\n{\n");
    for i in 0..strings.len() {
        writeln!(src, "    put(s{i}, sizeof s{i} - 1);").unwrap();
    }
    src.push_str("    return 0;\n}\n");
    (src, want)
}

/// Builds and runs everything with one compiler and standard.
fn check(compiler: &str, std: &'static str) {
    let Some(build) = Build::new(compiler, std) else {
        return;
    };
    let shared = shared();
    let header_dir = root().join(Path::new(HEADER_PATH).parent().unwrap());

    let test = build.compile(
        "smtp_codes_test",
        &header_dir,
        &[
            c_dir().join("smtp_codes_test.c"),
            c_dir().join("second_unit.c"),
        ],
    );
    let dump = build.run(&test, &["dump"]);
    assert_same_lines(
        &format!("{}: dump vs JSON", build.label()),
        &dump,
        &shared.dump,
    );
    let parse_file = build.dir.join("parse-inputs.txt");
    fs::write(&parse_file, &shared.parse_inputs).unwrap();
    let parsed = build.run(&test, &["parse", parse_file.to_str().unwrap()]);
    assert_same_lines(
        &format!(
            "{}: smtp_enhanced_parse vs EnhancedCode::parse_prefix",
            build.label()
        ),
        &parsed,
        &shared.parse,
    );
    assert_eq!(build.run(&test, &["selftest"]), b"selftest ok\n");

    let example = build.compile("example", &header_dir, &[c_dir().join("example.c")]);
    let printed = String::from_utf8(build.run(&example, &[])).unwrap();
    assert!(printed.starts_with("550 "), "{printed}");
    assert!(printed.contains("\n5.7.26 "), "{printed}");

    let snippet_src = build.dir.join("hostile.c");
    fs::write(&snippet_src, &shared.snippet).unwrap();
    let snippet = build.compile("hostile", &header_dir, &[snippet_src]);
    let printed = build.run(&snippet, &[]);
    assert_same_lines(
        &format!("{}: hostile strings", build.label()),
        &printed,
        &shared.snippet_out,
    );

    for fixture in &shared.fixtures {
        let dir = build.dir.join("fixture").join(&fixture.name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("smtp_codes.h"), &fixture.header).unwrap();
        let test = build.compile(
            &format!("smtp_codes_test_{}", fixture.name),
            &dir,
            &[
                c_dir().join("smtp_codes_test.c"),
                c_dir().join("second_unit.c"),
            ],
        );
        let dump = build.run(&test, &["dump"]);
        let what = format!("{}: fixture {}: dump vs JSON", build.label(), fixture.name);
        assert_same_lines(&what, &dump, &fixture.dump);
        assert_eq!(build.run(&test, &["selftest"]), b"selftest ok\n");
    }

    let names: Vec<&str> = shared.fixtures.iter().map(|f| f.name.as_str()).collect();
    eprintln!("ok: {} (fixtures: {names:?})", build.label());
    let _ = fs::remove_dir_all(&build.dir);
}

#[test]
fn gcc_c99() {
    check("gcc", "c99");
}

#[test]
fn gcc_c11() {
    check("gcc", "c11");
}

#[test]
fn gcc_cxx11() {
    check("gcc", "c++11");
}

#[test]
fn gcc_cxx17() {
    check("gcc", "c++17");
}

#[test]
fn clang_c99() {
    check("clang", "c99");
}

#[test]
fn clang_c11() {
    check("clang", "c11");
}

#[test]
fn clang_cxx11() {
    check("clang", "c++11");
}

#[test]
fn clang_cxx17() {
    check("clang", "c++17");
}

/// The header as a file: marker first, newline last, ASCII throughout (so every compiler's
/// source character set reads it), and no string literal longer than the 4095 bytes C99
/// promises (`-pedantic` reports longer ones).
#[test]
fn header_shape() {
    let text = fs::read_to_string(root().join(HEADER_PATH)).unwrap();
    assert_eq!(
        text.lines().next().unwrap(),
        format!("/* {} */", codegen::outputs::MARKER)
    );
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    assert!(text.is_ascii(), "the header must be ASCII");
    assert!(!text.contains('\t') && !text.contains('\r'));

    let json: Value = serde_json::from_str(
        &fs::read_to_string(root().join("generated/json/smtp-codes.json")).unwrap(),
    )
    .unwrap();
    let mut longest = (0, String::new());
    let mut visit = |v: &Value| {
        if let Value::String(s) = v {
            if s.len() > longest.0 {
                longest = (s.len(), s.chars().take(40).collect());
            }
        }
    };
    for b in json["basic"].as_array().unwrap() {
        b.as_object().unwrap().values().for_each(&mut visit);
        for m in b["meanings"].as_array().unwrap() {
            m.as_object().unwrap().values().for_each(&mut visit);
        }
    }
    for e in json["enhanced"].as_array().unwrap() {
        e.as_object().unwrap().values().for_each(&mut visit);
    }
    assert!(
        longest.0 <= 4095,
        "a {}-byte string ({}...) exceeds what C99 compilers must accept in a literal",
        longest.0,
        longest.1
    );
}

/// The example in the header's opening comment is `tests/c/example.c`, which every build
/// compiles and runs: the documentation cannot rot.
#[test]
fn header_example_is_the_tested_one() {
    let header = fs::read_to_string(root().join(HEADER_PATH)).unwrap();
    let start = header.find(" * EXAMPLE").expect("an EXAMPLE section");
    let section = &header[start..];
    let section = &section[..section
        .find(" * WHAT IS HERE")
        .expect("a WHAT IS HERE section")];
    let shown: Vec<&str> = section
        .lines()
        .skip(2)
        .map(|l| l.strip_prefix(" *").unwrap())
        .map(|l| l.strip_prefix("     ").unwrap_or(l))
        .collect();
    let example = fs::read_to_string(c_dir().join("example.c")).unwrap();
    assert_eq!(shown.join("\n").trim_end(), example.trim_end());
}
