//! Writes the text the web app loads at run time instead of linking it, one
//! classic script per language and kind, all into DIR:
//!
//! - `learn-en.js`, `learn-zh.js`: the learning text (lessons, glossary,
//!   analogies; see `tcp_lab_content::learn_text`);
//! - `lab-en.js`, `lab-zh.js`: the explanation text pack (transitions,
//!   segments, timers, states, scenario titles; see `tcp_lab_content::lab_text`).
//!
//! `cargo run -q -p tcp-lab-content --bin export-learn-text -- generated/learn`
//! (scripts/build.mjs runs it into the site it builds).

use std::path::{Path, PathBuf};

use tcp_lab_content::{lab_text, learn_text, Lang};

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "generated/learn".to_string()),
    );
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("export-learn-text: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for lang in Lang::ALL {
        write(
            &dir.join(learn_text::file_name(lang)),
            &learn_text::to_js(lang),
        );
        write(&dir.join(lab_text::file_name(lang)), &lab_text::to_js(lang));
    }
}

fn write(path: &Path, js: &str) {
    if let Err(e) = std::fs::write(path, js) {
        eprintln!("export-learn-text: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
