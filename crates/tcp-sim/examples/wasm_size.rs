//! A minimal program that links the whole core (scenario parsing, simulation,
//! JSON trace), used by `scripts/measure-core` to report the core's wasm size.

use std::hint::black_box;

fn main() {
    let text = black_box(
        r#"{"profile": "linux", "client": ["connect", "close"], "server": ["listen", "recv_eof", "close"]}"#,
    );
    let scenario = match tcp_sim::Scenario::from_json(text) {
        Ok(s) => s,
        Err(_) => {
            tcp_sim::named::by_name(black_box("normal")).unwrap_or_else(tcp_sim::named::normal)
        }
    };
    let json = tcp_sim::run(&scenario).to_json().to_string();
    black_box(json.len());
}
