//! The crate is publishable as it stands: its licence files are inside it and equal to the
//! project's, its README's links work on crates.io and docs.rs (absolute URLs, since files
//! outside the crate are not there), and the version its README tells users to depend on is
//! its own. (`.ci/run` runs `cargo package` and `cargo publish --dry-run` after the tests.)

use std::fs;

use codegen::project_root;

fn read(path: &str) -> String {
    fs::read_to_string(project_root().join(path)).unwrap()
}

#[test]
fn the_licence_files_are_inside_the_crate() {
    for f in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert_eq!(
            read(&format!("generated/rust/{f}")),
            read(f),
            "generated/rust/{f} must be a copy of {f}"
        );
    }
}

#[test]
fn readme_links_are_absolute_and_the_version_is_the_crates() {
    let readme = read("generated/rust/README.md");
    let mut rest = readme.as_str();
    let mut links = 0;
    while let Some(i) = rest.find("](") {
        let target = &rest[i + 2..rest[i..].find(')').map_or(rest.len(), |j| i + j)];
        assert!(
            target.starts_with("https://"),
            "generated/rust/README.md links to `{target}`, which does not resolve on crates.io or docs.rs; use an absolute URL"
        );
        links += 1;
        rest = &rest[i + 2..];
    }
    assert!(links > 0);
    let toml = read("generated/rust/Cargo.toml");
    let version = toml
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .unwrap();
    let (major, rest) = version.split_once('.').unwrap();
    let minor = rest.split('.').next().unwrap();
    let wanted = if major == "0" {
        format!("smtp-codes = \"0.{minor}\"")
    } else {
        format!("smtp-codes = \"{major}\"")
    };
    assert!(
        readme.contains(&wanted),
        "the README's quick start must say {wanted} (Cargo.toml has {version})"
    );
}
