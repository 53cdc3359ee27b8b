//! The RFC 9293 state diagram (Figure 5), drawn from the core's list of
//! edges, with both endpoints' current states and their last transitions.
//!
//! The client and the server are told apart by more than colour: a "C" or
//! "S" marker, and a solid or dashed outline.

use tcp_lab_content::Lang;
use tcp_sim::State;
use yew::prelude::*;

use super::{coords, num};
use crate::i18n::{t, Ui};

const NODE_W: f64 = 134.0;
const NODE_H: f64 = 32.0;

/// A box on the diagram. CLOSED appears twice, as in the RFC's figure: at
/// the top where connections start and at the bottom where they end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    State(State),
    ClosedEnd,
}

fn position(node: Node) -> (f64, f64) {
    match node {
        Node::ClosedEnd => (460.0, 436.0),
        Node::State(s) => match s {
            State::Closed => (280.0, 28.0),
            State::Listen => (280.0, 96.0),
            State::SynReceived => (100.0, 164.0),
            State::SynSent => (460.0, 164.0),
            State::Established => (280.0, 232.0),
            State::FinWait1 => (100.0, 300.0),
            State::CloseWait => (460.0, 300.0),
            State::FinWait2 => (100.0, 368.0),
            State::Closing => (280.0, 368.0),
            State::LastAck => (460.0, 368.0),
            State::TimeWait => (280.0, 436.0),
        },
    }
}

/// Where an edge ends on the diagram: into CLOSED at the bottom when the
/// connection was open (or closing), at the top otherwise.
fn node_for(from: State, to: State) -> Node {
    if to == State::Closed && from.is_synchronized() {
        Node::ClosedEnd
    } else {
        Node::State(to)
    }
}

/// Shortens the segment between two centres so it starts and ends at the boxes' edges.
fn clip(a: (f64, f64), b: (f64, f64)) -> ((f64, f64), (f64, f64)) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let hw = NODE_W / 2.0 + 3.0;
    let hh = NODE_H / 2.0 + 3.0;
    let k = (hw / dx.abs().max(1e-9))
        .min(hh / dy.abs().max(1e-9))
        .min(0.5);
    ((a.0 + dx * k, a.1 + dy * k), (b.0 - dx * k, b.1 - dy * k))
}

fn edge_path(from: Node, to: Node, offset: f64) -> ((f64, f64), (f64, f64)) {
    let (a, b) = clip(position(from), position(to));
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (px, py) = (-dy / len * offset, dx / len * offset);
    ((a.0 + px, a.1 + py), (b.0 + px, b.1 + py))
}

fn arrow(a: (f64, f64), b: (f64, f64), class: Classes) -> Html {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (b.0 - ux * 9.0, b.1 - uy * 9.0);
    let (px, py) = (-uy * 4.0, ux * 4.0);
    let head = coords(&[
        ("", b.0),
        (",", b.1),
        (" ", bx + px),
        (",", by + py),
        (" ", bx - px),
        (",", by - py),
    ]);
    html! {
        <g class={class}>
            <line x1={num(a.0)} y1={num(a.1)} x2={num(bx)} y2={num(by)} />
            <polygon points={head} />
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct StateDiagramProps {
    pub lang: Lang,
    pub client: State,
    pub server: State,
    /// Each side's last transition, if any: `(from, to)`.
    pub client_edge: Option<(State, State)>,
    pub server_edge: Option<(State, State)>,
}

#[function_component(StateDiagram)]
pub fn state_diagram(p: &StateDiagramProps) -> Html {
    let reverse_exists = |from: State, to: State| State::DIAGRAM_EDGES.contains(&(to, from));
    let edges = State::DIAGRAM_EDGES.iter().map(|&(from, to)| {
        let offset = if reverse_exists(from, to) { 5.0 } else { 0.0 };
        let (a, b) = edge_path(Node::State(from), node_for(from, to), offset);
        arrow(a, b, classes!("edge"))
    });
    let lit = |edge: Option<(State, State)>, side: &'static str| -> Html {
        let Some((from, to)) = edge else {
            return Html::default();
        };
        let on_diagram = State::DIAGRAM_EDGES.contains(&(from, to));
        let offset = if on_diagram && reverse_exists(from, to) {
            5.0
        } else {
            0.0
        };
        let (a, b) = edge_path(Node::State(from), node_for(from, to), offset);
        arrow(
            a,
            b,
            classes!("edge", "lit", side, (!on_diagram).then_some("off-diagram")),
        )
    };
    // The node each side is in: the bottom CLOSED once its connection ended.
    let current = |state: State, edge: Option<(State, State)>| match edge {
        Some((from, to)) if to == state => node_for(from, to),
        _ => Node::State(state),
    };
    let client_node = current(p.client, p.client_edge);
    let server_node = current(p.server, p.server_edge);
    let nodes = State::ALL
        .iter()
        .map(|&s| Node::State(s))
        .chain(std::iter::once(Node::ClosedEnd))
        .map(|node| {
            let (x, y) = position(node);
            let name = match node {
                Node::State(s) => s.rfc_name(),
                Node::ClosedEnd => State::Closed.rfc_name(),
            };
            let has_client = node == client_node;
            let has_server = node == server_node;
            let (left, top) = (x - NODE_W / 2.0, y - NODE_H / 2.0);
            html! {
                <g class={classes!("node", has_client.then_some("has-client"), has_server.then_some("has-server"))}
                   data-node={name}>
                    <rect class="box" x={num(left)} y={num(top)} width={num(NODE_W)}
                          height={num(NODE_H)} rx="8" />
                    // The rings and markers are always there, shown or not,
                    // so moving a marker changes attributes, not the tree.
                    <rect class={classes!("ring", "server", (!has_server).then_some("off"))}
                          x={num(left - 4.0)} y={num(top - 4.0)} width={num(NODE_W + 8.0)}
                          height={num(NODE_H + 8.0)} rx="11" />
                    <rect class={classes!("ring", "client", (!has_client).then_some("off"))}
                          x={num(left)} y={num(top)} width={num(NODE_W)} height={num(NODE_H)} rx="8" />
                    <text x={num(x)} y={num(y + 5.0)} text-anchor="middle">{ name }</text>
                    { marker(left + 2.0, top, "C", "client", has_client) }
                    { marker(left + NODE_W - 2.0, top, "S", "server", has_server) }
                </g>
            }
        });
    let label = format!(
        "{}: C {}, S {}",
        t(p.lang, Ui::StateDiagram),
        p.client.rfc_name(),
        p.server.rfc_name()
    );
    html! {
        <figure class="state-diagram">
            <svg viewBox="0 0 560 462" role="img" aria-label={label}>
                <g class="edges">{ for edges }</g>
                <g class="lit-edges">
                    { lit(p.server_edge, "server") }
                    { lit(p.client_edge, "client") }
                </g>
                <g class="nodes">{ for nodes }</g>
            </svg>
            <figcaption>{ t(p.lang, Ui::DiagramLegend) }</figcaption>
        </figure>
    }
}

fn marker(cx: f64, cy: f64, letter: &'static str, side: &'static str, shown: bool) -> Html {
    html! {
        <g class={classes!("marker", side, (!shown).then_some("off"))}>
            <circle cx={num(cx)} cy={num(cy)} r="10" />
            <text x={num(cx)} y={num(cy + 4.5)} text-anchor="middle">{ letter }</text>
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_every_state_has_its_own_place() {
        let mut seen: Vec<(i64, i64)> = State::ALL
            .iter()
            .map(|&s| position(Node::State(s)))
            .chain(std::iter::once(position(Node::ClosedEnd)))
            .map(|(x, y)| (x as i64, y as i64))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 12);
    }

    #[test]
    fn test_ending_edges_go_to_the_bottom_closed() {
        assert_eq!(node_for(State::TimeWait, State::Closed), Node::ClosedEnd);
        assert_eq!(node_for(State::LastAck, State::Closed), Node::ClosedEnd);
        assert_eq!(
            node_for(State::SynSent, State::Closed),
            Node::State(State::Closed)
        );
        assert_eq!(
            node_for(State::Listen, State::Closed),
            Node::State(State::Closed)
        );
    }
}
