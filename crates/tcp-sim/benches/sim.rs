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
    use tcp_sim::scenario::{ClientSpec, FloodSpec};
    use tcp_sim::{named, run, Instant, ProfileName, Scenario, Step};

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

    /// 10,000 spoofed SYNs at 10,000 per second against the default listener (backlog 128, SYN
    /// cookies on), and 100 clients connecting, sending 5 bytes and closing during the flood.
    /// Target: under 100 ms a run natively.
    fn flood() -> Scenario {
        let mut server = vec![Step::Listen];
        for _ in 0..100 {
            server.extend([Step::Accept, Step::Recv(5), Step::Close]);
        }
        let mut sc = Scenario::new(ProfileName::Linux)
            .named("flood", "10,000 SYNs with 100 legitimate clients")
            .delay_ms(10.0)
            .server(&server)
            .with_flood(FloodSpec {
                start: Instant::ZERO,
                rate_per_s: 10_000.0,
                count: 10_000,
            });
        for i in 0..100 {
            sc = sc.add_client(ClientSpec::numbered(
                i,
                &[
                    Step::At(Instant::from_ms(i as f64 * 10.0)),
                    Step::Connect,
                    Step::Send(5),
                    Step::RecvEof,
                    Step::Close,
                ],
            ));
        }
        sc
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

    #[divan::bench(sample_count = 10)]
    fn flood_10000_syns_100_clients(bencher: Bencher) {
        let sc = flood();
        let t = run(&sc);
        let accepted = t.listener.as_ref().map_or(0, |l| l.counters.accepted);
        assert_eq!(accepted, 100, "every client gets in");
        assert!(t.segments.len() >= 10_000);
        bench_scenario(bencher, sc);
    }
}
