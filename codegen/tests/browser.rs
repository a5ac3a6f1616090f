//! The site in a real browser: headless Chromium loads the rendered pages from `file://` and
//! takes screenshots. (The search box has its own test, `search.rs`.)
//!
//! Needs Debian's `chromium` (`apt-get install -y --no-install-recommends chromium`; `.ci/run`
//! installs it). Without it the tests fail when `CI` is set and otherwise pass after a loud
//! skip message. `SMTP_CODES_CHROMIUM` names another binary. Screenshots are kept in
//! `target/tmp/site-screenshots/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use codegen::outputs::Outputs;

/// One browser at a time: they are heavy, and the machines have few cores.
static BROWSER: Mutex<()> = Mutex::new(());

fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SMTP_CODES_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The browser, or `None` after a loud skip message (a failure when `CI` is set).
fn chromium() -> Option<PathBuf> {
    match find_chromium() {
        Some(p) => Some(p),
        None if std::env::var_os("CI").is_some() => {
            panic!("CI is set but no Chromium was found: install Debian's `chromium` package")
        }
        None => {
            // Written to the process's stderr directly: the test harness captures eprintln!
            // of passing tests, and this message must be seen.
            let msg = "\n==================== SKIPPED: browser test ====================\n\
                 No Chromium found (looked for chromium, chromium-browser, google-chrome on PATH\n\
                 and $SMTP_CODES_CHROMIUM). Install it with\n\
                 \x20   apt-get install -y --no-install-recommends chromium\n\
                 to run the site in a real browser. In CI (CI set) this is a failure.\n\
                 ===============================================================\n";
            let _ = std::io::Write::write_all(&mut std::io::stderr(), msg.as_bytes());
            None
        }
    }
}

/// The rendered site of the real registry, written once under the test's temporary folder.
fn site_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let reg =
            codegen::load::load(&codegen::project_root().join("data")).expect("data/ is valid");
        let mut out = Outputs::default();
        codegen::render::site::render(&reg, &mut out).expect("the site renders");
        let root =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("site-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, bytes) in &out.files {
            let file = root.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
        }
        root.join("site")
    })
}

fn file_url(page: &str) -> String {
    format!("file://{}", site_dir().join(page).display())
}

/// Runs headless Chromium with the flags measured on these machines; returns stdout.
fn run_chromium(browser: &Path, extra: &[String], url: &str) -> String {
    let _guard = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let profile = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("chromium-profile-{}", std::process::id()));
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(url)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("Chromium starts");
    // Read stdout on a thread so that a large DOM cannot block the browser.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("Chromium did not finish within 90 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = reader.join().unwrap();
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        std::io::Read::read_to_string(&mut e, &mut err).ok();
    }
    assert!(
        status.success(),
        "Chromium failed on {url}: {status}\n{err}"
    );
    let _ = std::fs::remove_dir_all(&profile);
    out
}

/// Mean and variance of the luminance of a PNG's pixels (0 to 255).
fn luminance_stats(png_path: &Path) -> (f64, f64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("an image of sane size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let pixels = &buf[..info.buffer_size()];
    let lums: Vec<f64> = pixels
        .chunks(channels)
        .map(|p| {
            if channels >= 3 {
                0.2126 * p[0] as f64 + 0.7152 * p[1] as f64 + 0.0722 * p[2] as f64
            } else {
                p[0] as f64
            }
        })
        .collect();
    let n = lums.len() as f64;
    let mean = lums.iter().sum::<f64>() / n;
    let var = lums.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / n;
    (mean, var)
}

fn screenshot(browser: &Path, page: &str, name: &str, size: &str, extra: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join(name);
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        format!("--screenshot={}", out.display()),
        format!("--window-size={size}"),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    run_chromium(browser, &args, &file_url(page));
    assert!(out.is_file(), "no screenshot at {}", out.display());
    eprintln!("screenshot: {}", out.display());
    out
}

#[test]
fn code_pages_render_in_light_and_dark() {
    let Some(browser) = chromium() else { return };
    let light = screenshot(
        &browser,
        "enhanced/X.7.26.html",
        "X.7.26-light.png",
        "900,1200",
        &[],
    );
    let (mean, var) = luminance_stats(&light);
    assert!(var > 200.0, "the light page looks blank: variance {var:.1}");
    assert!(
        mean > 170.0,
        "the light theme is light: mean luminance {mean:.1}"
    );
    let dark = screenshot(
        &browser,
        "enhanced/X.7.26.html",
        "X.7.26-dark.png",
        "900,1200",
        &["--force-dark-mode"],
    );
    let (mean, var) = luminance_stats(&dark);
    assert!(var > 200.0, "the dark page looks blank: variance {var:.1}");
    assert!(
        mean < 90.0,
        "the dark theme is dark: mean luminance {mean:.1}"
    );
    let narrow = screenshot(&browser, "basic/550.html", "550-375px.png", "375,800", &[]);
    let (_, var) = luminance_stats(&narrow);
    assert!(
        var > 200.0,
        "the narrow page looks blank: variance {var:.1}"
    );
}
