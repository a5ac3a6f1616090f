//! Writing the rendered set: all or nothing, as far as the file system allows.
//!
//! Three steps. **Plan** reads the disk and decides what changes; a file the generator does
//! not own (outside its folders, or without the marker) that it would overwrite stops the
//! run here, with every such file named, before anything is touched. **Stage** moves each
//! orphan aside and writes each new content to a hidden temporary file beside its target
//! (`.name.codegen-tmp`), creating folders as needed; any failure undoes the stage, leaving
//! the old tree. **Commit** renames every temporary file over its target (a rename within a
//! folder is atomic) and deletes the orphans set aside; should a rename still fail, the files
//! already renamed get their old contents back. Either way the message names the file and
//! the reason.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{is_marked, marked_files_on_disk, Outputs};

/// What `write` did.
#[derive(Debug, Default)]
pub struct WriteReport {
    pub written: Vec<String>,
    pub unchanged: usize,
    pub removed: Vec<String>,
}

/// Why nothing (or, where stated, not everything) was written.
#[derive(Debug)]
pub enum WriteError {
    /// Files the generator would overwrite but does not own, each with the reason; nothing
    /// was written.
    NotOwned(Vec<(String, String)>),
    /// A file system operation failed on `path` (root-relative).
    Io {
        path: String,
        action: String,
        error: io::Error,
        /// What the tree holds now.
        state: &'static str,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::NotOwned(files) => {
                for (path, why) in files {
                    writeln!(f, "{path}: {why}")?;
                }
                write!(
                    f,
                    "{} file(s) in the way are not the generator's; nothing was written",
                    files.len()
                )
            }
            WriteError::Io {
                path,
                action,
                error,
                state,
            } => write!(f, "{path}: cannot {action}: {error}; {state}"),
        }
    }
}

impl std::error::Error for WriteError {}

const OLD_TREE: &str = "nothing was written (the previous outputs are unchanged)";

/// Writes `outputs` under `root` (only files whose contents changed) and removes orphans.
pub fn write(root: &Path, outputs: &Outputs) -> Result<WriteReport, WriteError> {
    let plan = Plan::make(root, outputs)?;
    let mut stage = Stage::default();
    if let Err(e) = stage.prepare(root, &plan) {
        stage.undo();
        return Err(e);
    }
    stage.commit(root, &plan)?;
    Ok(WriteReport {
        written: plan.changes.iter().map(|c| c.path.clone()).collect(),
        unchanged: plan.unchanged,
        removed: plan.orphans,
    })
}

/// One file to write, with what it held before (`None`: it did not exist).
struct Change<'a> {
    path: String,
    contents: &'a [u8],
    old: Option<Vec<u8>>,
}

struct Plan<'a> {
    changes: Vec<Change<'a>>,
    unchanged: usize,
    orphans: Vec<String>,
    /// Temporary and set-aside files an interrupted run left behind.
    leftovers: Vec<PathBuf>,
}

impl<'a> Plan<'a> {
    fn make(root: &Path, outputs: &'a Outputs) -> Result<Self, WriteError> {
        let mut plan = Plan {
            changes: Vec::new(),
            unchanged: 0,
            orphans: Vec::new(),
            leftovers: Vec::new(),
        };
        let mut refused = Vec::new();
        for (path, contents) in &outputs.files {
            if !outputs.owns(path) || !is_marked(contents) {
                refused.push((
                    path.clone(),
                    "rendered outside the generator's folders or without the marker (a bug in \
                     a renderer: see OWNED_ROOTS in codegen/src/render/mod.rs)"
                        .to_string(),
                ));
                continue;
            }
            let old = match fs::read(root.join(path)) {
                Ok(disk) if disk == *contents => {
                    plan.unchanged += 1;
                    continue;
                }
                Ok(disk) if !is_marked(&disk) => {
                    refused.push((path.clone(), not_owned_message()));
                    continue;
                }
                Ok(disk) => Some(disk),
                Err(e) if is_absent(&e) => None,
                Err(e) => return Err(io_error(path, "read the file", e, OLD_TREE)),
            };
            plan.changes.push(Change {
                path: path.clone(),
                contents,
                old,
            });
        }
        if !refused.is_empty() {
            return Err(WriteError::NotOwned(refused));
        }
        let marked = marked_files_on_disk(root, outputs)
            .map_err(|e| io_error("generated files", "list the files", e, OLD_TREE))?;
        plan.orphans = marked
            .into_iter()
            .filter(|p| !outputs.files.contains_key(p))
            .collect();
        for r in &outputs.owned_roots {
            find_leftovers(&root.join(r.trim_end_matches('/')), &mut plan.leftovers);
        }
        Ok(plan)
    }
}

fn not_owned_message() -> String {
    format!(
        "exists without the `{}` line, so it is not the generator's to overwrite; move it \
         elsewhere (or delete it if it is an old generated copy) and run again",
        super::MARKER
    )
}

/// A target that does not exist, or one of whose folders is a file (staging reports that).
fn is_absent(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

fn io_error(
    path: &str,
    action: impl Into<String>,
    error: io::Error,
    state: &'static str,
) -> WriteError {
    WriteError::Io {
        path: path.to_string(),
        action: action.into(),
        error,
        state,
    }
}

/// What staging did, so that it can be undone.
#[derive(Default)]
struct Stage {
    /// Orphans moved aside: (original, aside).
    aside: Vec<(PathBuf, PathBuf)>,
    /// Folders created, outermost first.
    created_dirs: Vec<PathBuf>,
    /// Temporary files written, in the order of `Plan::changes`.
    temps: Vec<PathBuf>,
}

/// The hidden file beside `target` that `suffix` names (`.name.codegen-tmp`).
fn beside(target: &Path, suffix: &str) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.{suffix}"))
}

impl Stage {
    fn prepare(&mut self, root: &Path, plan: &Plan<'_>) -> Result<(), WriteError> {
        // Orphans first: a folder may be needed where an orphan file stood.
        for path in &plan.orphans {
            let full = root.join(path);
            let aside = beside(&full, "codegen-old");
            fs::rename(&full, &aside)
                .map_err(|e| io_error(path, "move the orphan aside", e, OLD_TREE))?;
            self.aside.push((full, aside));
        }
        for c in &plan.changes {
            let full = root.join(&c.path);
            if let Some(parent) = full.parent() {
                self.create_dirs(root, parent, &c.path)?;
            }
            let tmp = beside(&full, "codegen-tmp");
            fs::write(&tmp, c.contents)
                .map_err(|e| io_error(&c.path, "write a temporary file beside it", e, OLD_TREE))?;
            self.temps.push(tmp);
        }
        Ok(())
    }

    /// Creates `dir` and its missing ancestors one by one, remembering each.
    fn create_dirs(&mut self, root: &Path, dir: &Path, for_path: &str) -> Result<(), WriteError> {
        let mut missing = Vec::new();
        let mut d = dir;
        while !d.is_dir() {
            missing.push(d.to_path_buf());
            match d.parent() {
                Some(p) if p.starts_with(root) => d = p,
                _ => break,
            }
        }
        for d in missing.into_iter().rev() {
            if let Err(e) = fs::create_dir(&d) {
                let shown = super::relative(root, &d);
                let why = if d.exists() {
                    format!("create the folder that {for_path} needs (a file of that name is in the way)")
                } else {
                    format!("create the folder that {for_path} needs")
                };
                return Err(io_error(&shown, why, e, OLD_TREE));
            }
            self.created_dirs.push(d);
        }
        Ok(())
    }

    /// Removes every temporary file and created folder and puts the orphans back.
    fn undo(&mut self) {
        for t in self.temps.drain(..) {
            let _ = fs::remove_file(t);
        }
        for (full, aside) in self.aside.drain(..).rev() {
            let _ = fs::rename(aside, full);
        }
        for d in self.created_dirs.drain(..).rev() {
            let _ = fs::remove_dir(d);
        }
    }

    fn commit(mut self, root: &Path, plan: &Plan<'_>) -> Result<(), WriteError> {
        let temps = std::mem::take(&mut self.temps);
        for (k, (c, tmp)) in plan.changes.iter().zip(&temps).enumerate() {
            if let Err(e) = fs::rename(tmp, root.join(&c.path)) {
                let restored = restore(root, &plan.changes[..k]);
                self.temps = temps[k..].to_vec();
                self.undo();
                let state = if restored {
                    OLD_TREE
                } else {
                    "the previous outputs could not all be restored; run `cargo codegen` again"
                };
                return Err(io_error(&c.path, "replace the file", e, state));
            }
        }
        for (_, aside) in &self.aside {
            if let Err(e) = fs::remove_file(aside) {
                let shown = super::relative(root, aside);
                return Err(io_error(
                    &shown,
                    "delete the orphan set aside",
                    e,
                    "the new outputs are in place; delete that file by hand",
                ));
            }
        }
        for (full, _) in &self.aside {
            remove_empty_parents(root, full);
        }
        for l in &plan.leftovers {
            let _ = fs::remove_file(l);
        }
        Ok(())
    }
}

/// The hidden `.name.codegen-tmp` and `.name.codegen-old` files under `dir` (a run killed
/// between staging and commit leaves them; they are the generator's own).
fn find_leftovers(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && name != "target" {
            find_leftovers(&e.path(), found);
        } else if name.starts_with('.')
            && (name.ends_with(".codegen-tmp") || name.ends_with(".codegen-old"))
        {
            found.push(e.path());
        }
    }
}

/// Puts back what `done` held before; false when some file could not be restored.
fn restore(root: &Path, done: &[Change<'_>]) -> bool {
    let mut all = true;
    for c in done {
        let full = root.join(&c.path);
        let ok = match &c.old {
            Some(old) => {
                let tmp = beside(&full, "codegen-tmp");
                fs::write(&tmp, old).and_then(|()| fs::rename(&tmp, &full))
            }
            None => fs::remove_file(&full),
        };
        all &= ok.is_ok();
    }
    all
}

/// Removes now-empty folders between a removed orphan and the owned root it was in.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        let rel = super::relative(root, d);
        // Stop at an owned root's folder or anything above one.
        if !rel.contains('/') || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
