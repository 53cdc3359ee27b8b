//! Writes the learning text the web app loads at run time, one classic
//! script per language: `DIR/learn-en.js`, `DIR/learn-zh.js`.
//!
//! `cargo run -q -p tcp-lab-content --bin export-learn-text -- generated/learn`
//! (Trunk runs it before every build; see Trunk.toml).

use std::path::PathBuf;

use tcp_lab_content::{learn_text, Lang};

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
        let path = dir.join(learn_text::file_name(lang));
        let js = learn_text::to_js(lang);
        // Leave an unchanged file alone, so that `trunk serve` does not rebuild in a loop.
        if std::fs::read_to_string(&path).ok().as_deref() == Some(js.as_str()) {
            continue;
        }
        if let Err(e) = std::fs::write(&path, js) {
            eprintln!("export-learn-text: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
