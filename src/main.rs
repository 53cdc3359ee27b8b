//! The entry point of the app wasm (scripts/build.mjs builds this binary).

fn main() {
    tcp_lab::start();
}
