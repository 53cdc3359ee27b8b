//! `tcp-sim run SCENARIO.json [--json] [--absolute]`: runs a scenario and prints its trace.

use std::process::ExitCode;

use tcp_sim::{named, run, Scenario};

const USAGE: &str = "usage: tcp-sim run SCENARIO.json [--json] [--absolute]
       tcp-sim named NAME [--json] [--absolute] [--profile rfc|linux]
       tcp-sim list";

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
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--absolute" => absolute = true,
            "--profile" => {
                let p = it.next().ok_or("--profile needs rfc or linux")?;
                profile = Some(
                    tcp_sim::ProfileName::parse(p)
                        .ok_or_else(|| format!("--profile: unknown profile '{p}'"))?,
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
        ["named", name] => named::by_name(name).ok_or_else(|| {
            format!(
                "unknown scenario '{name}'; known: {}",
                named::NAMES.join(", ")
            )
        })?,
        ["list"] => return Ok(named::NAMES.join("\n") + "\n"),
        _ => return Err(USAGE.to_string()),
    };
    if let Some(p) = profile {
        scenario.profile = p;
    }
    let trace = run(&scenario);
    Ok(if json {
        serde_json::to_string_pretty(&trace.to_json()).expect("a JSON value always serializes")
            + "\n"
    } else {
        trace.to_text(absolute)
    })
}
