//! Benchmark of full regeneration: load and validate `data/`, render every output in memory,
//! and compare with the disk (what `cargo codegen check` does), for the real registry and for
//! synthetic registries 10 and 100 times larger, made here from the real one.
//!
//! Run: `cargo bench -p codegen --bench regenerate`. Prints the median of several runs for
//! each stage, and the time per code, so that linear growth shows as a flat last column.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use codegen::{load, outputs, render};

/// Median wall time of `runs` calls of `f`, after one warm-up call.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    black_box(f());
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Rewrites the code keys and identifiers of a copy of the registry so that copy `k` lives on
/// subjects `s + 8k`: `X.1.1` becomes `X.9.1` for `k = 1`, `BadDestinationMailboxAddress`
/// becomes `BadDestinationMailboxAddressCopy1`.
fn shift_enhanced_key(line: &str, prefix: &str, k: u16) -> Option<String> {
    let rest = line.strip_prefix(prefix)?;
    let rest = rest.strip_prefix("X.")?;
    let (s, tail) = rest.split_once('.')?;
    let s: u16 = s.parse().ok()?;
    Some(format!("{prefix}X.{}.{tail}", s + 8 * k))
}

fn copy_file(text: &str, k: u16) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = if let Some(l) = shift_enhanced_key(line, "- code: ", k) {
            l
        } else if let Some(l) = shift_enhanced_key(line, "  - { code: ", k) {
            l
        } else if let Some(rest) = line.strip_prefix("- subject: ") {
            let s: u16 = rest.trim().parse().unwrap();
            format!("- subject: {}", s + 8 * k)
        } else if let Some(rest) = line.strip_prefix("  - { subject: ") {
            let (s, tail) = rest.split_once(',').unwrap();
            let s: u16 = s.trim().parse().unwrap();
            format!("  - {{ subject: {},{tail}", s + 8 * k)
        } else if let Some(name) = line.strip_prefix("  name: ") {
            format!("  name: {name}Copy{k}")
        } else if let Some(r) = line.strip_prefix("  replaced_by: X.") {
            let (s, tail) = r.split_once('.').unwrap();
            let s: u16 = s.parse().unwrap();
            format!("  replaced_by: X.{}.{tail}", s + 8 * k)
        } else {
            line.to_string()
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A registry `factor` times the real one's enhanced codes, subjects, troubleshooting and
/// vendor entries (reply codes and commands stay: there are only 900 three-digit numbers).
fn synthetic(real: &Path, factor: u16, dir: &Path) {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir.join("vendors")).unwrap();
    for f in [
        "registry.yaml",
        "classes.yaml",
        "basic.yaml",
        "nonstandard.yaml",
        "commands.yaml",
    ] {
        fs::copy(real.join(f), dir.join(f)).unwrap();
    }
    let read = |f: &str| fs::read_to_string(real.join(f)).unwrap();
    let (subjects, enhanced, trouble) = (
        read("subjects.yaml"),
        read("enhanced.yaml"),
        read("troubleshooting.yaml"),
    );
    let mut out_subjects = subjects.clone();
    let mut out_enhanced = enhanced.clone();
    // Troubleshooting lists enhanced codes first, then reply codes: copies of the enhanced
    // entries go between the two parts; reply-code entries stay once.
    let split = trouble
        .find("\n- code: 2")
        .or_else(|| trouble.find("\n- code: 4"))
        .unwrap_or(trouble.len());
    let (enhanced_part, basic_part) = trouble.split_at(split);
    let entries_start = enhanced_part
        .find("- code: X")
        .unwrap_or(enhanced_part.len());
    let mut out_trouble = enhanced_part.to_string();
    for k in 1..factor {
        out_subjects.push_str(&copy_file(&subjects, k));
        out_enhanced.push_str(&copy_file(&enhanced, k));
        out_trouble.push('\n');
        out_trouble.push_str(&copy_file(&enhanced_part[entries_start..], k));
    }
    out_trouble.push_str(basic_part);
    fs::write(dir.join("subjects.yaml"), out_subjects).unwrap();
    fs::write(dir.join("enhanced.yaml"), out_enhanced).unwrap();
    fs::write(dir.join("troubleshooting.yaml"), out_trouble).unwrap();
    // The classifier needs a default for every registered code: copy its enhanced block.
    let classifier = read("classifier.yaml");
    let start = classifier.find("\nenhanced:\n").unwrap() + "\nenhanced:\n".len();
    let end = classifier[start..].find("\n\n").unwrap() + start;
    let block = &classifier[start..end];
    let mut more = String::new();
    for k in 1..factor {
        more.push('\n');
        more.push_str(copy_file(block, k).trim_end());
    }
    let classifier = format!("{}{more}{}", &classifier[..end], &classifier[end..]);
    let classifier = classifier.replacen(
        "\nsubjects:\n",
        &format!("\nsubjects:\n{}", {
            let sub_start = classifier.find("\nsubjects:\n").unwrap() + "\nsubjects:\n".len();
            let sub_end = classifier[sub_start..].find("\n\n").unwrap() + sub_start;
            let block = &classifier[sub_start..sub_end];
            (1..factor).map(|k| copy_file(block, k)).collect::<String>()
        }),
        1,
    );
    fs::write(dir.join("classifier.yaml"), classifier).unwrap();
    for entry in fs::read_dir(real.join("vendors")).unwrap().flatten() {
        let text = fs::read_to_string(entry.path()).unwrap();
        let slug = entry
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for k in 0..factor {
            let copy = text.replacen(
                &format!("vendor: {slug}"),
                &format!("vendor: {slug}-{k}"),
                1,
            );
            fs::write(dir.join(format!("vendors/{slug}-{k}.yaml")), copy).unwrap();
        }
    }
}

fn bench(label: &str, data: &Path, root: &Path, runs: usize) {
    let reg = load::load_as(data, "data").unwrap_or_else(|e| panic!("{label}: {e}"));
    let codes = reg.enhanced.len() + reg.basic.len();
    let outs = render::render_all(&reg).unwrap();
    let t_load = median(runs, || load::load_as(data, "data").unwrap());
    let t_render = median(runs, || render::render_all(&reg).unwrap());
    let t_check = median(runs, || outputs::compare(root, &outs).unwrap());
    let total = t_load + t_render + t_check;
    println!(
        "{label:<22} {codes:>6} codes {:>7} files {:>10.1} MB | load+validate {:>9.2?} | render {:>9.2?} | compare {:>9.2?} | total {:>9.2?} | {:>6.2} us/code",
        outs.files.len(),
        outs.total_bytes() as f64 / 1e6,
        t_load,
        t_render,
        t_check,
        total,
        total.as_secs_f64() * 1e6 / codes as f64
    );
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument filters nothing here.
    let root = codegen::project_root();
    let data = root.join("data");
    bench("real registry", &data, &root, 21);
    let scratch: PathBuf = std::env::temp_dir().join("smtp-codes-bench-synthetic");
    for factor in [10u16, 100] {
        let dir = scratch.join(format!("x{factor}/data"));
        synthetic(&data, factor, &dir);
        let runs = if factor >= 100 { 5 } else { 9 };
        bench(
            &format!("synthetic x{factor}"),
            &dir,
            dir.parent().unwrap(),
            runs,
        );
    }
    let _ = fs::remove_dir_all(&scratch);
}
