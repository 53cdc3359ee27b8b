//! The entry point Trunk builds.

fn main() {
    tcp_lab::start();
}
