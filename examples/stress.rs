//! Times parse + check on the pathological inputs:
//! `cargo run --release --example stress [scale]` (scale 1 = the sizes of the robustness issue).
#[path = "../tests/support/pathological.rs"]
mod pathological;
use std::time::Instant;

fn main() {
    let scale: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    for (name, text) in pathological::all(scale) {
        let t = Instant::now();
        let r = conforme::check(&text, &conforme::Options::all());
        let dt = t.elapsed();
        println!(
            "{name:<28} {:>10} bytes {:>9.1} ms  {} extracts, {} findings",
            text.len(),
            dt.as_secs_f64() * 1000.0,
            r.extracts.len(),
            r.findings().count()
        );
    }
}
