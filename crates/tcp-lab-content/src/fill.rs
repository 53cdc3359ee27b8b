//! Placeholders in text templates: `{name}`, `{name+N}` and `{name-N}`.
//!
//! The text tables write numbers as placeholders so that every narration and
//! quiz question shows the numbers of the run the learner is watching. A
//! placeholder the caller does not know is left as it is, so a test can spot it.

/// A value a placeholder stands for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// A 32-bit sequence or acknowledgment number: `+N` wraps around like TCP's.
    Seq(u32),
    /// A plain whole number (relative numbers, byte counts, ports).
    Int(i64),
    /// Milliseconds, printed without needless decimals.
    Ms(f64),
    /// Ready-made text (names, addresses). No arithmetic.
    Text(String),
}

impl Value {
    fn render(&self, offset: i64) -> Option<String> {
        Some(match self {
            Value::Seq(v) => v.wrapping_add(offset as u32).to_string(),
            Value::Int(v) => (v + offset).to_string(),
            Value::Ms(ms) => fmt_ms(ms + offset as f64),
            Value::Text(t) if offset == 0 => t.clone(),
            Value::Text(_) => return None,
        })
    }
}

/// Formats milliseconds: `1000`, `40.75`, `0.25`.
pub(crate) fn fmt_ms(ms: f64) -> String {
    tcp_sim::time::trimmed(ms, 3)
}

/// Replaces every `{name}`, `{name+N}` or `{name-N}` in `template` by the value
/// `lookup(name)` gives. Unknown names, and arithmetic on text, stay as written.
pub(crate) fn fill(template: &str, lookup: impl Fn(&str) -> Option<Value>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let replaced = parse(inner).and_then(|(name, offset)| lookup(name)?.render(offset));
        match replaced {
            Some(text) => out.push_str(&text),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Splits `name+N` into `("name", N)`.
fn parse(inner: &str) -> Option<(&str, i64)> {
    let valid_name = |n: &str| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    if let Some(i) = inner.find(['+', '-']) {
        let (name, num) = inner.split_at(i);
        let n: i64 = num[1..].parse().ok()?;
        let n = if num.starts_with('-') { -n } else { n };
        valid_name(name).then_some((name, n))
    } else {
        valid_name(inner).then_some((inner, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<Value> {
        match name {
            "isn" => Some(Value::Seq(u32::MAX)),
            "rel" => Some(Value::Int(101)),
            "t" => Some(Value::Ms(40.75)),
            "side" => Some(Value::Text("client".into())),
            _ => None,
        }
    }

    #[test]
    fn test_fill_substitutes_and_wraps() {
        assert_eq!(fill("ack {isn+1}", lookup), "ack 0");
        assert_eq!(fill("{rel-1} {rel} {rel+99}", lookup), "100 101 200");
        assert_eq!(fill("at {t} ms", lookup), "at 40.75 ms");
        assert_eq!(fill("the {side}", lookup), "the client");
    }

    #[test]
    fn test_unknown_placeholders_stay() {
        assert_eq!(fill("{nope} {side+1} {x", lookup), "{nope} {side+1} {x");
        assert_eq!(fill("{Bad Name}", lookup), "{Bad Name}");
    }

    #[test]
    fn test_fmt_ms() {
        assert_eq!(fmt_ms(1000.0), "1000");
        assert_eq!(fmt_ms(0.25), "0.25");
        assert_eq!(fmt_ms(60061.0), "60061");
    }
}
