//! Like `wasm_size.rs`, but linking the capture reader and the passive observer too: the
//! difference in wasm size is what replaying a capture costs the browser.

use std::hint::black_box;

fn main() {
    let bytes: Vec<u8> = black_box(Vec::new());
    if let Ok(cap) = tcp_sim::capture::Capture::read(&bytes) {
        for c in cap.connections() {
            let json = tcp_sim::observe(&cap, &c).to_json().to_string();
            black_box(json.len());
        }
    }
    let scenario =
        tcp_sim::named::by_name(black_box("normal")).unwrap_or_else(tcp_sim::named::normal);
    let json = tcp_sim::run(&scenario).to_json().to_string();
    black_box(json.len());
}
