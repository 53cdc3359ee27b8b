//! Small inline icons, drawn rather than taken from a font, so they look the
//! same everywhere and need no download.

use yew::{html, Html};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Play,
    Pause,
    StepBack,
    StepForward,
    Reset,
    End,
    FastForward,
}

pub fn icon(which: Icon) -> Html {
    let d = match which {
        Icon::Play => "M7 4.5v15l12-7.5z",
        Icon::Pause => "M6 4.5h4v15H6zM14 4.5h4v15h-4z",
        Icon::StepBack => "M16 5h2.5v14H16zM14 5v14L5 12z",
        Icon::StepForward => "M5.5 5H8v14H5.5zM10 5v14l9-7z",
        Icon::Reset => "M5 5h2.5v14H5zM19 5v14L8.5 12z",
        Icon::End => "M16.5 5H19v14h-2.5zM5 5v14l10.5-7z",
        Icon::FastForward => "M3 5v14l8-7zM12 5v14l8-7z",
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={d} />
        </svg>
    }
}
