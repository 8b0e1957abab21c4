//! Conforme: a checker for French local-government deliberation extracts.
//!
//! Data flows one way: [`text`] (normalisation with an offset map) →
//! [`parse`] (tolerant reading) → [`model`] (values with spans) → [`rules`]
//! (findings) → [`report`] (the contract's JSON). The web page and the CLI are
//! thin shells over [`check`].

pub mod decode;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod office;
pub mod office_text;
pub mod parse;
pub mod report;
pub mod rules;
pub mod scdl;
pub mod sort;
pub mod tally;
pub mod text;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

/// The wasm allocator: Talc instead of the default dlmalloc, smaller in the page and
/// faster (`scripts/wasm-breakdown.py` shows the allocator's share).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use model::BodyKind;
use report::Report;

/// User options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Body kind chosen by the user (overrides detection).
    pub body: Option<BodyKind>,
    /// Commune population (convocation delay, statutory seats).
    pub population: Option<u32>,
    /// Keep `info` findings.
    pub show_info: bool,
}

impl Options {
    pub fn all() -> Options {
        Options {
            show_info: true,
            ..Default::default()
        }
    }
}

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Checks a text and returns the report. Never panics on any input.
pub fn check(input: &str, opts: &Options) -> Report {
    let t = text::Text::new(input);
    let doc = parse::parse(&t);
    let mut extracts = Vec::with_capacity(doc.seances.iter().map(|s| s.items.len()).sum());
    for mut seance in doc.seances {
        if let Some(b) = opts.body {
            seance.body = b;
        }
        // each item's counts, computed once for the rules and the report
        let atts = tally::Attendance::all(&seance);
        let per = rules::run(&seance, &atts, &doc.info, opts);
        let members = report::members(&seance);
        for (k, findings) in per.into_iter().enumerate() {
            extracts.push(report::extract(
                &seance,
                k,
                &atts[k],
                members.clone(),
                findings,
            ));
        }
    }
    let document = report::DocumentOut {
        kind: doc.info.kind,
        seen: doc.info.seen,
    };
    let verdict = report::Verdict::of(&document, &extracts, input.trim().is_empty());
    Report {
        tool: report::Tool {
            name: "conforme",
            version: VERSION,
        },
        document,
        verdict,
        extracts,
    }
}
