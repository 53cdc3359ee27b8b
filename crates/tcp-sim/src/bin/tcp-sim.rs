//! `tcp-sim run SCENARIO.json [--json] [--absolute] [--conn N]`: runs a scenario and prints its
//! trace (with `--conn`, one connection of a server run, as the lab's ladder shows it).

use std::process::ExitCode;

use tcp_sim::{capture::Capture, named, observe, run, Scenario};

const USAGE: &str = "usage: tcp-sim run SCENARIO.json [--json] [--absolute] [--conn N]
       tcp-sim named NAME [--json] [--absolute] [--profile rfc|linux] [--conn N]
       tcp-sim list
       tcp-sim replay CAPTURE.pcap|.pcapng [--conn N [--compare]] [--json] [--absolute]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("tcp-sim: {msg}");
            ExitCode::from(2)
        }
    }
}

fn cli(args: &[String]) -> Result<String, String> {
    let mut json = false;
    let mut absolute = false;
    let mut profile = None;
    let mut conn: Option<usize> = None;
    let mut compare = false;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--absolute" => absolute = true,
            "--compare" => compare = true,
            "--profile" => {
                let p = it.next().ok_or("--profile needs rfc or linux")?;
                profile = Some(
                    tcp_sim::ProfileName::parse(p)
                        .ok_or_else(|| format!("--profile: unknown profile '{p}'"))?,
                );
            }
            "--conn" => {
                let n = it.next().ok_or("--conn needs a connection number")?;
                conn = Some(
                    n.parse()
                        .map_err(|_| format!("--conn: '{n}' is not a connection number"))?,
                );
            }
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'\n{USAGE}")),
            _ => positional.push(a.as_str()),
        }
    }
    let mut scenario = match positional.as_slice() {
        ["run", path] => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{path}: cannot read the scenario file: {e}"))?;
            Scenario::from_json(&text).map_err(|e| format!("{path}: {e}"))?
        }
        ["named", name] => named::any_by_name(name).ok_or_else(|| {
            format!(
                "unknown scenario '{name}'; known: {}, {}",
                named::NAMES.join(", "),
                named::SERVER_NAMES.join(", ")
            )
        })?,
        ["list"] => {
            let names: Vec<&str> = named::NAMES
                .iter()
                .chain(&named::SERVER_NAMES)
                .copied()
                .collect();
            return Ok(names.join("\n") + "\n");
        }
        ["replay", path] => {
            let out = Replay {
                conn,
                compare,
                json,
                absolute,
            };
            return replay(path, out);
        }
        _ => return Err(USAGE.to_string()),
    };
    if let Some(p) = profile {
        scenario.profile = p;
    }
    let mut trace = run(&scenario);
    // A server run's connection N as the lab's ladder shows it (`Trace::connection_view`).
    if let Some(n) = conn {
        trace = trace
            .connection_view(n)
            .ok_or_else(|| format!("--conn: the run has no connection {n}"))?;
    }
    Ok(if json {
        serde_json::to_string_pretty(&trace.to_json()).expect("a JSON value always serializes")
            + "\n"
    } else {
        trace.to_text(absolute)
    })
}

/// What `tcp-sim replay` prints.
struct Replay {
    conn: Option<usize>,
    compare: bool,
    json: bool,
    absolute: bool,
}

/// `tcp-sim replay FILE`: lists the capture's connections; with `--conn N`, prints that
/// connection's reconstructed trace; with `--compare` too, the application steps derived from
/// it and how a run of them differs under each profile.
fn replay(path: &str, out: Replay) -> Result<String, String> {
    let Replay {
        conn,
        compare,
        json,
        absolute,
    } = out;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read the capture: {e}"))?;
    let cap = Capture::read(&bytes).map_err(|e| format!("{path}: {e}"))?;
    let conns = cap.connections();
    let Some(n) = conn else {
        return Ok(if json {
            let list: Vec<_> = conns.iter().map(|c| c.to_json()).collect();
            let v = serde_json::json!({
                "frames": cap.frames,
                "tcp_segments": cap.packets.len(),
                "skipped": cap.skipped.len(),
                "error": cap.error.as_ref().map(|e| e.to_string()),
                "connections": list,
            });
            serde_json::to_string_pretty(&v).expect("a JSON value always serializes") + "\n"
        } else {
            tcp_sim::observe::connections_text(&cap, &conns)
        });
    };
    let c = conns.get(n).ok_or_else(|| {
        format!(
            "{path}: --conn {n}: the capture has {} connection(s), numbered from 0",
            conns.len()
        )
    })?;
    let trace = observe(&cap, c);
    if compare {
        let profiles = [tcp_sim::ProfileName::Linux, tcp_sim::ProfileName::Rfc];
        let comparisons = profiles.map(|p| tcp_sim::compare::compare(&trace, p));
        return Ok(if json {
            let v: Vec<_> = comparisons.iter().map(|c| c.to_json()).collect();
            serde_json::to_string_pretty(&serde_json::json!({ "compare": v }))
                .expect("a JSON value always serializes")
                + "\n"
        } else {
            let mut text = format!("# capture: {}\n", trace.summary());
            for c in &comparisons {
                text.push_str(&c.to_text());
            }
            text
        });
    }
    Ok(if json {
        serde_json::to_string_pretty(&trace.to_json()).expect("a JSON value always serializes")
            + "\n"
    } else {
        trace.to_text(absolute)
    })
}
