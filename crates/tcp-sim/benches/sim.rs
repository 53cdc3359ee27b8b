//! `cargo bench -p tcp-sim`: segments simulated per second.
//!
//! Each benchmark reports throughput in segments (divan's "item/s"): every
//! segment put on the link counts once, whatever its fate.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use divan::counter::ItemsCount;
    use divan::{black_box, Bencher};
    use tcp_sim::{named, run, ProfileName, Scenario, Step};

    pub fn main() {
        divan::main();
    }

    fn lossy_transfer() -> Scenario {
        Scenario::new(ProfileName::Linux)
            .named(
                "lossy_transfer",
                "1,000 full segments over a link that loses 2 %",
            )
            .delay_ms(10.0)
            .client(&[Step::Connect, Step::Send(1460 * 1000), Step::Close])
            .server(&[Step::Listen, Step::RecvEof, Step::Close])
            .loss(2.0, 42)
    }

    fn bench_scenario(bencher: Bencher, sc: Scenario) {
        let segments = run(&sc).segments.len();
        bencher
            .counter(ItemsCount::new(segments))
            .bench(|| run(black_box(&sc)));
    }

    #[divan::bench]
    fn normal(bencher: Bencher) {
        bench_scenario(bencher, named::normal());
    }

    #[divan::bench]
    fn lossy_1000_segment_transfer(bencher: Bencher) {
        let sc = lossy_transfer();
        let t = run(&sc);
        assert!(t.segments.len() >= 1000, "{} segments", t.segments.len());
        assert!(t.errors.is_empty(), "{:?}", t.errors);
        bench_scenario(bencher, sc);
    }
}
