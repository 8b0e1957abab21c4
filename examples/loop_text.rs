//! Builds the normalised text of a 1 MB recueil in a loop (for profiling).
#[path = "../tests/support/pathological.rs"]
#[allow(dead_code)]
mod pathological;

fn main() {
    let text = pathological::extracts(1_000_000);
    let t = std::time::Instant::now();
    for _ in 0..100 {
        std::hint::black_box(conforme::text::Text::new(&text));
    }
    println!("{:.2} ms per text", t.elapsed().as_secs_f64() * 1e3 / 100.0);
}
