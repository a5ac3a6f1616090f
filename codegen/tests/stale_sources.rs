//! `cargo codegen stale-sources`: vendor sources read longer ago than an age, counted from a
//! reference date that is data (the registry edition or `--as-of`), never the clock.

use std::path::Path;
use std::process::{Command, Output};

use codegen::stale::{edition_date, stale_sources};

fn small() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("stale-sources")
        .args(args)
        .arg("--root")
        .arg(small())
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_source_within_the_age_is_not_listed() {
    // The fixture's one vendor source was read on 2026-11-29.
    let o = run(&["--as-of", "2027-11-29", "--older-than", "365d"]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("0 of 1 vendor sources read more than 365 days before 2027-11-29"));
}

#[test]
fn a_source_past_the_age_is_listed_with_its_entries_and_fails() {
    let o = run(&["--as-of", "2027-11-30", "--older-than", "1y"]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let t = out(&o);
    assert!(
        t.contains("example-mail: source `codes` read 2026-11-29 (366 days before 2027-11-30)"),
        "{t}"
    );
    assert!(t.contains("    550 5.1.1 \"no such user\""), "{t}");
    assert!(t.contains("    550 5.1.351"), "{t}");
    assert!(t.contains("1 of 1 vendor sources"), "{t}");
}

#[test]
fn without_a_date_the_edition_must_be_one() {
    // The fixture's edition is `1.2.3`, which names no date.
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("--as-of"), "{}", out(&o));
}

#[test]
fn bad_ages_and_dates_are_errors() {
    for args in [
        ["--older-than", "365", "--as-of", "2027-01-01"],
        ["--older-than", "365d", "--as-of", "2027-02-30"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", out(&o));
        assert!(out(&o).contains("error:"), "{}", out(&o));
    }
}

#[test]
fn the_projects_sources_by_the_edition_date() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let reg = codegen::load::load(&data).unwrap();
    let as_of = edition_date(&reg).unwrap();
    // No source is older than a year at the edition's date.
    let stale = stale_sources(&reg, &as_of, 365).unwrap();
    assert!(stale.is_empty(), "{stale:#?}");
    // Ten years on, every source is, each with the entries that cite it.
    let all = stale_sources(&reg, "2036-11-29", 365).unwrap();
    let total: usize = reg.vendors.iter().map(|v| v.sources.len()).sum();
    assert_eq!(all.len(), total);
    let cited: usize = all.iter().map(|s| s.entries.len()).sum();
    let entries: usize = reg.vendors.iter().map(|v| v.entries.len()).sum();
    assert_eq!(cited, entries, "every entry cites exactly one source");
    assert!(all.windows(2).all(|w| w[0].age_days >= w[1].age_days));
}
