//! The command line: readable output, the JSON format, and one-line errors for bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn tcp_sim(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tcp-sim"))
        .args(args)
        .output()
        .expect("run tcp-sim");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write_temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tcp-sim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

const GOOD: &str = r#"{"profile": "linux", "one_way_delay_ms": 0.025,
 "client": ["connect", "send 5", "recv 5", "close"],
 "server": ["listen", "recv 5", "send 5", "recv_eof", "close"],
 "faults": [{"dir": "s2c", "flags": "SA", "nth": 1, "drop": true}]}"#;

#[test]
fn test_cli_run_prints_a_ladder() {
    let f = write_temp("good.json", GOOD);
    let (code, out, _) = tcp_sim(&["run", &f]);
    assert_eq!(code, 0);
    assert!(out.contains("C --> S S"), "{out}");
    assert!(out.contains("[LOST]"), "{out}");
    assert!(
        out.contains("client connection: SYN-SENT -> ESTABLISHED"),
        "{out}"
    );
    assert!(out.contains("server listener: CLOSED -> LISTEN"), "{out}");
}

#[test]
fn test_cli_json_has_the_documented_fields() {
    let f = write_temp("good.json", GOOD);
    let (code, out, _) = tcp_sim(&["run", &f, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &v["segments"][0];
    for key in [
        "t_ms",
        "dir",
        "flags",
        "seq_rel",
        "ack_rel",
        "len",
        "lost",
        "delayed_ms",
        "arrive_ms",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["flags"], "S");
    assert!(first["ack_rel"].is_null());
    assert_eq!(first["arrive_ms"], 0.025);
    assert_eq!(v["segments"][1]["lost"], true);
    assert!(v["segments"][1]["arrive_ms"].is_null());
    let client = v["states"]["client"].as_array().unwrap();
    assert_eq!(client[0]["from"], "CLOSED");
    assert_eq!(client[0]["to"], "SYN-SENT");
    assert!(client[0]["cause"].is_string());
    assert!(v["states"]["server"].is_array());
    assert!(v["errors"].as_array().unwrap().is_empty());
    // The run continues through TIME-WAIT expiry.
    assert_eq!(client.last().unwrap()["to"], "CLOSED");
}

#[test]
fn test_cli_bad_input_gets_one_line_naming_the_field() {
    let cases = [
        ("missing file", None, "no/such/file.json", "cannot read"),
        ("invalid JSON", Some("{\"client\": [}"), "", "invalid JSON"),
        (
            "unknown step",
            Some(r#"{"client": ["connect", "teleport"]}"#),
            "",
            "client[1]",
        ),
        (
            "unknown flag",
            Some(r#"{"faults": [{"dir": "c2s", "flags": "SX", "drop": true}]}"#),
            "",
            "faults[0].flags",
        ),
        (
            "negative delay",
            Some(r#"{"one_way_delay_ms": -3}"#),
            "",
            "one_way_delay_ms",
        ),
        (
            "bad keepalive",
            Some(r#"{"keepalive": {"enabled": true, "intvl_s": 0}}"#),
            "",
            "keepalive.intvl_s",
        ),
        (
            "step with argument",
            Some(r#"{"client": ["connect", "abort 5"]}"#),
            "",
            "client[1]",
        ),
    ];
    for (what, text, path, needle) in cases {
        let path = match text {
            Some(t) => write_temp(&format!("{}.json", what.replace(' ', "_")), t),
            None => path.to_string(),
        };
        let (code, out, err) = tcp_sim(&["run", &path]);
        assert_eq!(code, 2, "{what}: exit code");
        assert!(out.is_empty(), "{what}: {out}");
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{what}: one line, got {err}"
        );
        assert!(err.contains(needle), "{what}: {err}");
        assert!(!err.contains("panicked"), "{what}: {err}");
    }
}

#[test]
fn test_cli_unknown_command_and_named_scenarios() {
    let (code, _, err) = tcp_sim(&["fly"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"));
    let (code, out, _) = tcp_sim(&["list"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l == "synack_lost"));
    assert!(out.lines().any(|l| l == "syn_flood_cookies"));
    let (code, out, _) = tcp_sim(&["named", "accept_queue_overflow", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["listener"]["settings"]["backlog"], 1);
    assert_eq!(v["connections"].as_array().unwrap().len(), 3);
    let (code, _, err) = tcp_sim(&["named", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown scenario"));
}

/// Keepalive settings and the `abort` and `crash` steps are accepted from a file.
#[test]
fn test_cli_accepts_keepalive_abort_and_crash() {
    let f = write_temp(
        "keepalive.json",
        r#"{"profile": "linux", "one_way_delay_ms": 10,
            "keepalive": {"enabled": true, "time_s": 20, "intvl_s": 5, "probes": 2},
            "client": ["connect", "send 5", "recv 5", "recv_eof"],
            "server": ["listen", "recv 5", "send 5", "sleep 1000", "crash"]}"#,
    );
    let (code, out, err) = tcp_sim(&["run", &f, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let reasons: Vec<&str> = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"keepalive_probe"), "{reasons:?}");
    assert_eq!(reasons.last(), Some(&"rst_no_connection"));
    let server = v["states"]["server"].as_array().unwrap();
    assert_eq!(server.last().unwrap()["cause"], "host_crash");
    assert_eq!(v["errors"][0]["error"], "connection_reset");

    let f = write_temp(
        "abort.json",
        r#"{"profile": "rfc", "client": ["connect", "abort"], "server": ["listen", "recv_eof"]}"#,
    );
    let (code, out, err) = tcp_sim(&["run", &f]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(app_abort)"), "{out}");
    assert!(out.contains("(rst_abort)"), "{out}");
}

fn reference_pcap(name: &str) -> String {
    let dir = std::env::var("TCP_LAB_REFS").map_or_else(
        |_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/refs"),
        std::path::PathBuf::from,
    );
    dir.join("pcap")
        .join(format!("{name}.pcap"))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn test_cli_replay_lists_connections_then_shows_one() {
    let f = reference_pcap("normal");
    let (code, out, _) = tcp_sim(&["replay", &f]);
    assert_eq!(code, 0);
    assert!(out.contains("10.77.0.1:40001 -> 10.77.0.2:5000"), "{out}");
    assert!(out.contains("10 segments"), "{out}");
    let (code, out, _) = tcp_sim(&["replay", &f, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["connections"][0]["end"], "fin");

    let (code, out, _) = tcp_sim(&["replay", &f, "--conn", "0"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("server connection: LISTEN -> SYN-RECEIVED  (recv_syn, inferred)"),
        "{out}"
    );
    assert!(out.contains("three_segment_close"), "{out}");
    let (code, out, _) = tcp_sim(&["replay", &f, "--conn", "0", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["observed"], true);
    assert_eq!(v["states"]["client"][0]["certainty"], "observed");
    assert_eq!(v["segments"].as_array().unwrap().len(), 10);
}

#[test]
fn test_cli_replay_compare_derives_steps_and_lists_the_differences() {
    let f = reference_pcap("normal");
    let (code, out, _) = tcp_sim(&["replay", &f, "--conn", "0", "--compare"]);
    assert_eq!(code, 0);
    assert!(out.contains("client steps: connect"), "{out}");
    assert!(out.contains("server steps: listen, recv 5"), "{out}");
    // Linux reproduces its own capture; the textbook acknowledges the FIN on its own.
    let (linux, rfc) = out.split_once("# compared with the rfc profile").unwrap();
    assert!(linux.contains("same segments and states"), "{out}");
    assert!(rfc.contains("only in the run: #8 s:A"), "{out}");
    let (code, out, _) = tcp_sim(&["replay", &f, "--conn", "0", "--compare", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["compare"][0]["profile"], "linux");
    assert_eq!(v["compare"][0]["differences"], serde_json::json!([]));
    assert_eq!(v["compare"][1]["differences"][0]["only_in"], "run");
}

#[test]
fn test_cli_replay_errors_are_one_line() {
    let (code, _, err) = tcp_sim(&["replay", &reference_pcap("normal"), "--conn", "3"]);
    assert_eq!(code, 2);
    assert!(err.contains("has 1 connection"), "{err}");
    let f = write_temp("not-a-capture.pcap", "hello, world");
    let (code, _, err) = tcp_sim(&["replay", &f]);
    assert_eq!(code, 2);
    assert!(err.contains("not a pcap or pcapng file"), "{err}");
    assert_eq!(err.lines().count(), 1);
    let (code, _, err) = tcp_sim(&["replay", "/nonexistent.pcap"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the capture"), "{err}");
}

#[test]
fn test_cli_server_run_names_connections() {
    let f = format!(
        "{}/scenarios/server/accept_queue_overflow.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, out, _) = tcp_sim(&["run", &f]);
    assert_eq!(code, 0);
    assert!(out.contains("wire   #2 C --> S S "), "{out}");
    assert!(
        out.contains("state  #2 server connection: LISTEN -> SYN-RECEIVED  (recv_syn)"),
        "{out}"
    );
    assert!(
        out.contains("queue  #2 ack_dropped_accept_queue_full  (SYN queue 1, accept queue 2)"),
        "{out}"
    );
    let (code, out, _) = tcp_sim(&["run", &f, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["conn"].is_number()));
    assert_eq!(v["states"]["server"][0]["socket"], "listener");
    assert!(v["states"]["server"][0].get("conn").is_none());
    assert_eq!(v["states"]["server"][1]["conn"], 0);
    assert_eq!(v["connections"].as_array().unwrap().len(), 3);
    // One connection as the lab's ladder shows it.
    let (code, out, _) = tcp_sim(&["named", "accept_queue_overflow", "--json", "--conn", "2"]);
    assert_eq!(code, 0);
    let one: serde_json::Value = serde_json::from_str(&out).unwrap();
    let own = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["conn"] == 2)
        .count();
    assert_eq!(one["segments"].as_array().unwrap().len(), own);
    assert!(one.get("connections").is_none());
    let (code, _, err) = tcp_sim(&["named", "accept_queue_overflow", "--conn", "9"]);
    assert_eq!(code, 2);
    assert!(err.contains("no connection 9"), "{err}");
    assert_eq!(v["listener"]["settings"]["max_ack_backlog"], 1);
    assert_eq!(v["listener"]["counters"]["accepted"], 3);
    // A bad server field is one line naming it.
    let bad = write_temp("bad_server.json", r#"{"clients": [{"addr": "10.0.0.1"}]}"#);
    let (code, _, err) = tcp_sim(&["run", &bad]);
    assert_eq!(code, 2);
    assert!(err.contains("clients[0].addr"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
