//! `cargo codegen`: validate `data/` and generate the crate, C header, JSON and site.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use codegen::{build, iana, iana_import, load, outputs, BuildError};

/// Validate the SMTP code registry in data/ and generate everything from it.
#[derive(Parser)]
#[command(name = "cargo codegen", version, about)]
struct Cli {
    /// The project root (default: the folder above codegen/).
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Load, validate, render every output and write it (the default).
    Generate,
    /// Exit 0 when every output on disk is what `generate` would write; never writes.
    Check,
    /// Load and validate the registry only.
    Validate,
    /// Compare the registry with an IANA registry XML (default: the snapshot in data/iana/).
    IanaDiff {
        /// The XML file to compare with.
        path: Option<PathBuf>,
    },
    /// Bring a newer IANA registry XML into data/: replace the snapshot, set iana_updated,
    /// insert an entry per new code (fields to write are marked), report changed records.
    IanaImport {
        /// The newer XML file.
        path: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root.unwrap_or_else(codegen::project_root);
    match cli.command.unwrap_or(Command::Generate) {
        Command::Generate => generate(&root),
        Command::Check => check(&root),
        Command::Validate => validate(&root),
        Command::IanaDiff { path } => iana_diff(&root, path),
        Command::IanaImport { path } => iana_import_cmd(&root, &path),
    }
}

fn report_build_error(e: BuildError) -> ExitCode {
    eprintln!("{e}");
    ExitCode::FAILURE
}

fn generate(root: &std::path::Path) -> ExitCode {
    let outs = match build(root) {
        Ok(o) => o,
        Err(e) => return report_build_error(e),
    };
    match outputs::write(root, &outs) {
        Ok(r) => {
            for p in &r.written {
                println!("wrote {p}");
            }
            for p in &r.removed {
                println!("removed {p} (no longer generated)");
            }
            println!(
                "{} files generated: {} written, {} unchanged, {} removed",
                outs.files.len(),
                r.written.len(),
                r.unchanged,
                r.removed.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: writing outputs failed:\n{e}");
            ExitCode::FAILURE
        }
    }
}

fn check(root: &std::path::Path) -> ExitCode {
    let outs = match build(root) {
        Ok(o) => o,
        Err(e) => return report_build_error(e),
    };
    match outputs::compare(root, &outs) {
        Ok(s) if s.is_fresh() => {
            println!("all {} generated files are fresh", outs.files.len());
            ExitCode::SUCCESS
        }
        Ok(s) => {
            for p in &s.stale {
                println!("stale: {p}");
            }
            for p in &s.missing {
                println!("missing: {p}");
            }
            for p in &s.orphans {
                println!("orphan: {p} (carries the generated marker but is no longer generated)");
            }
            println!(
                "{} file(s) out of date; run `cargo codegen` and commit data and outputs together",
                s.stale.len() + s.missing.len() + s.orphans.len()
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: reading outputs failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn validate(root: &std::path::Path) -> ExitCode {
    match load::load(&root.join("data")) {
        Ok(reg) => {
            println!(
                "registry {} is valid: {} classes, {} subjects, {} enhanced codes, {} reply codes ({} non-standard), {} commands, {} troubleshooting entries, {} vendor entries from {} vendors",
                reg.meta.registry_version,
                reg.classes.len(),
                reg.subjects.len(),
                reg.enhanced.len(),
                reg.basic.len(),
                reg.basic.iter().filter(|b| b.status == codegen::model::BasicStatus::Nonstandard).count(),
                reg.commands.len(),
                reg.troubleshooting.len(),
                reg.vendors.iter().map(|v| v.entries.len()).sum::<usize>(),
                reg.vendors.len(),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn iana_diff(root: &std::path::Path, path: Option<PathBuf>) -> ExitCode {
    let path = path.unwrap_or_else(|| root.join("data/iana/smtp-enhanced-status-codes.xml"));
    let reg = match load::load(&root.join("data")) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let xml = match iana::parse_xml(&text) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let drift = iana::diff(&reg, &xml);
    let path = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
    if drift.is_empty() {
        println!(
            "no drift: {} classes, {} subjects and {} enumerated codes match {} (updated {})",
            xml.classes.len(),
            xml.subjects.len(),
            xml.enumerated.len(),
            path.display(),
            xml.updated
        );
        return ExitCode::SUCCESS;
    }
    for d in &drift {
        println!("{}", iana_import::describe(d, &xml));
    }
    println!("{} difference(s) with {}", drift.len(), path.display());
    ExitCode::FAILURE
}

fn iana_import_cmd(root: &std::path::Path, path: &std::path::Path) -> ExitCode {
    let reg = match load::load(&root.join("data")) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("fix data/ first: iana-import starts from a valid registry");
            return ExitCode::FAILURE;
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let shown = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    match iana_import::import(root, &reg, &text, &shown) {
        Ok(report) => {
            for d in &report.done {
                println!("{d}");
            }
            if !report.todo.is_empty() {
                println!("\nto do by hand, then run `cargo codegen` and `cargo test --workspace`:");
                for t in &report.todo {
                    println!("{t}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}; nothing was written");
            ExitCode::from(2)
        }
    }
}
