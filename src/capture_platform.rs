//! Reading a capture file the learner picked or dropped: in slices ([`File.slice`]), then
//! decoded by the core a batch of frames at a time, so a large file shows its progress and the
//! tab answers clicks (the Close button among them) instead of freezing.
//!
//! [`File.slice`]: https://developer.mozilla.org/docs/Web/API/Blob/slice

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use tcp_lab_model::capture::{
    CaptureAction, CaptureProblem, Decoding, OpenedRef, MAX_CAPTURE_BYTES, READ_CHUNK_BYTES,
};

thread_local! {
    /// Counts files opened and closed, so a file still being read gives way to one opened
    /// after it, and stops when the learner closes it.
    static OPENING: Cell<u64> = const { Cell::new(0) };
}

/// Decoding holds the thread for about this long at a time, then lets the browser paint and
/// handle input. About 5 MB of capture per second of slices here (e2e/bin/measure-capture.mjs):
/// a 64 MB file takes some 50 slices, each well under a frame's 16 ms.
const DECODE_SLICE_MS: f64 = 12.0;

/// The decoding progress is shown again after this long.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// Frames decoded between two looks at the clock.
const DECODE_BATCH_FRAMES: usize = 256;

/// Stops reading or decoding the file being opened (the learner closed it).
pub fn cancel() {
    OPENING.with(|g| g.set(g.get() + 1));
}

/// Reads `file` and reports through `report`: `Started`, `Progress` after each slice, then
/// `Read` or `Failed`.
pub fn open(file: web_sys::File, report: Callback<CaptureAction>) {
    let generation = OPENING.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    let current = move || OPENING.with(|g| g.get()) == generation;
    let name = file.name();
    let size = file.size().max(0.0) as u64;
    report.emit(CaptureAction::Started {
        name: name.clone(),
        size,
    });
    // Refused by the reducer (too large, empty): nothing to read.
    if size == 0 || size > MAX_CAPTURE_BYTES {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match read_all(&file, size, &report, &current).await {
            Some(Ok(bytes)) => bytes,
            Some(Err(())) => {
                report.emit(CaptureAction::Failed(CaptureProblem::ReadFailed));
                return;
            }
            None => return,
        };
        let mut decoding = match Decoding::new(&name, bytes) {
            Ok(d) => d,
            Err(problem) => {
                report.emit(CaptureAction::Failed(problem));
                return;
            }
        };
        let mut reported = f64::NEG_INFINITY;
        loop {
            // The progress, now and then: each report renders the page again.
            if js_sys::Date::now() - reported >= PROGRESS_EVERY_MS {
                let (done, total) = decoding.progress();
                report.emit(CaptureAction::Decoded { done, total });
                reported = js_sys::Date::now();
            }
            // Let the browser paint, and handle a click, before the next slice.
            next_task().await;
            if !current() {
                return;
            }
            let started = js_sys::Date::now();
            let mut more = true;
            while more && js_sys::Date::now() - started < DECODE_SLICE_MS {
                more = decoding.advance(DECODE_BATCH_FRAMES);
            }
            if !more {
                break;
            }
        }
        match decoding.finish() {
            Ok(opened) => report.emit(CaptureAction::Read(OpenedRef(Rc::new(opened)))),
            Err(problem) => report.emit(CaptureAction::Failed(problem)),
        }
    });
}

/// The whole file, or `None` when another file was opened meanwhile.
async fn read_all(
    file: &web_sys::File,
    size: u64,
    report: &Callback<CaptureAction>,
    current: &impl Fn() -> bool,
) -> Option<Result<Vec<u8>, ()>> {
    let mut bytes: Vec<u8> = Vec::new();
    if bytes.try_reserve_exact(size as usize).is_err() {
        return Some(Err(()));
    }
    let mut done = 0u64;
    while done < size {
        let end = (done + READ_CHUNK_BYTES).min(size);
        let Ok(slice) = file.slice_with_f64_and_f64(done as f64, end as f64) else {
            return Some(Err(()));
        };
        let buffer = JsFuture::from(slice.array_buffer()).await;
        if !current() {
            return None;
        }
        let Ok(buffer) = buffer else {
            return Some(Err(()));
        };
        let chunk = js_sys::Uint8Array::new(&buffer);
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
        done = end;
        report.emit(CaptureAction::Progress { done, total: size });
    }
    Some(Ok(bytes))
}

/// Resolves in a later task (a zero timeout), so the browser can render in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo_utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
    });
    let _ = JsFuture::from(promise).await;
}
