//! Times parse + check on the pathological inputs, then on token soups of the engine's own
//! lexicon (54 KB, 218 KB, 1 MB; seeds 1 to 5), check alone and with the CLI's renderings:
//! `cargo run --release --example stress [scale]` (scale 1 = the sizes of the robustness issue).
#[path = "../tests/support/pathological.rs"]
mod pathological;
#[path = "../tests/support/soup.rs"]
#[allow(dead_code)]
mod soup;
use std::time::Instant;

/// Median of five runs of `f`, in ms.
fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut v: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    v.sort_by(|a, b| a.total_cmp(b));
    v[2]
}

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
    let opts = conforme::Options::all();
    for bytes in [54_000, 218_000, 1_000_000] {
        for seed in 1..=5 {
            let text = soup::soup(seed, bytes);
            let check = median_ms(|| {
                std::hint::black_box(conforme::check(&text, &opts));
            });
            let report = conforme::check(&text, &opts);
            let json = median_ms(|| {
                std::hint::black_box(report.to_json());
            });
            let rendered = median_ms(|| {
                std::hint::black_box(conforme::report::render_text("soup", &text, &report));
            });
            println!(
                "soup {:>4} KB seed {seed}: check {check:>6.1} ms, json {json:>6.1} ms, text {rendered:>6.1} ms  ({} extracts, {} findings)",
                text.len() / 1000,
                report.extracts.len(),
                report.findings().count()
            );
        }
    }
}
