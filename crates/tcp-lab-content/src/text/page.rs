//! PAGE: the text of the page's own scripts, which run outside the app's
//! wasm: the loader (`static/loader.js`) and the Share, Embed and Export
//! panels (`static/tools.js`). They reach it through the language's text
//! pack, as `__tcpLabText.<lang>.page.<key>` (see `crate::lab_text::to_js`).
//!
//! How to edit: find the text (e.g. `PageText::ShareTitle`), then the
//! language. A new text needs a `key` (what the scripts ask for) and both
//! languages, or this file does not compile.

use crate::Lang::{self, En, Zh};

macro_rules! page_texts {
    ($($name:ident = $key:literal),* $(,)?) => {
        /// A text of the page's scripts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum PageText { $($name),* }

        impl PageText {
            /// Every text, in pack order.
            pub const ALL: &'static [PageText] = &[$(PageText::$name),*];

            /// The name the scripts look the text up by.
            pub fn key(self) -> &'static str {
                match self { $(PageText::$name => $key),* }
            }
        }
    };
}

page_texts!(
    ToolsOffline = "toolsOffline",
    ToolsNotLoaded = "toolsNotLoaded",
    ExportOffline = "exportOffline",
    ExportNotLoaded = "exportNotLoaded",
    Close = "close",
    ShareTitle = "shareTitle",
    ShareLinkLabel = "shareLinkLabel",
    CopyLinkHint = "copyLinkHint",
    LinkCopied = "linkCopied",
    EmbedTitle = "embedTitle",
    Options = "options",
    Compact = "compact",
    Autoplay = "autoplay",
    Language = "language",
    HeightPx = "heightPx",
    ControlsShown = "controlsShown",
    PasteIntoCourse = "pasteIntoCourse",
    ExportTitle = "exportTitle",
    OmitLost = "omitLost",
    PrintColors = "printColors",
    TraceJson = "traceJson",
);

pub(crate) fn text(t: PageText, lang: Lang) -> &'static str {
    match t {
        PageText::ToolsOffline => match lang {
            En => "You are offline, and this browser has not saved the Share and Export tools yet. Connect once, then try again.",
            Zh => "你当前处于离线状态，且此浏览器尚未保存分享与导出工具。请联网一次后重试。",
        },
        PageText::ToolsNotLoaded => match lang {
            En => "The Share and Export tools did not load. Check the connection and try again.",
            Zh => "分享与导出工具未能加载。请检查网络后重试。",
        },
        PageText::ExportOffline => match lang {
            En => "You are offline, and this browser has not saved the export tool yet. Connect once, then try again; SVG and PNG work offline.",
            Zh => "你当前处于离线状态，且此浏览器尚未保存导出工具。请联网一次后重试；SVG 和 PNG 离线也能导出。",
        },
        PageText::ExportNotLoaded => match lang {
            En => "The export tool did not load. Check the connection and try again; SVG and PNG do not need it.",
            Zh => "导出工具未能加载。请检查网络后重试；SVG 和 PNG 不需要它。",
        },
        PageText::Close => match lang {
            En => "Close",
            Zh => "关闭",
        },
        PageText::ShareTitle => match lang {
            En => "Share this step",
            Zh => "分享此步骤",
        },
        PageText::ShareLinkLabel => match lang {
            En => "Link to this exact step",
            Zh => "指向此步骤的链接",
        },
        PageText::CopyLinkHint => match lang {
            En => "Copy this link (Ctrl+C / ⌘C).",
            Zh => "请复制此链接（Ctrl+C / ⌘C）。",
        },
        PageText::LinkCopied => match lang {
            En => "Link copied to the clipboard.",
            Zh => "链接已复制到剪贴板。",
        },
        PageText::EmbedTitle => match lang {
            En => "Embed in a course page",
            Zh => "嵌入课程页面",
        },
        PageText::Options => match lang {
            En => "Options",
            Zh => "选项",
        },
        PageText::Compact => match lang {
            En => "Compact (ladder, states and explanation only)",
            Zh => "紧凑（仅时序图、双方状态与讲解）",
        },
        PageText::Autoplay => match lang {
            En => "Autoplay",
            Zh => "自动播放",
        },
        PageText::Language => match lang {
            En => "Language",
            Zh => "语言",
        },
        PageText::HeightPx => match lang {
            En => "Height (px)",
            Zh => "高度（像素）",
        },
        PageText::ControlsShown => match lang {
            En => "Controls shown",
            Zh => "显示的控件",
        },
        PageText::PasteIntoCourse => match lang {
            En => "Paste this into the course page:",
            Zh => "将以下代码粘贴到课程页面：",
        },
        PageText::ExportTitle => match lang {
            En => "Export",
            Zh => "导出",
        },
        PageText::OmitLost => match lang {
            En => "leave lost segments out (else: marked with IP TTL 1)",
            Zh => "不包含丢失的报文段（否则以 IP TTL 1 标记）",
        },
        PageText::PrintColors => match lang {
            En => "print colors (dark on white)",
            Zh => "打印配色（白底深色）",
        },
        PageText::TraceJson => match lang {
            En => "trace (JSON)",
            Zh => "轨迹（JSON）",
        },
    }
}
