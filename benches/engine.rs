//! parse + check on the reference extract, every corpus text, synthetic 1 MB and 10 MB
//! recueils and the pathological inputs, each beside a floor: one plain pass over the same
//! bytes (counting words). `scripts/bench.sh` prints the engine/floor ratios.

#[path = "../tests/support/pathological.rs"]
mod pathological;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

/// The floor: one plain pass over the bytes (words counted).
fn words(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for b in s.bytes() {
        let w = b.is_ascii_alphanumeric() || b >= 0x80;
        n += usize::from(w && !in_word);
        in_word = w;
    }
    n
}

fn bench_pair(c: &mut Criterion, group: &str, name: &str, text: &str, sample_size: usize) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(sample_size);
    g.measurement_time(Duration::from_secs(if text.len() > 2_000_000 {
        20
    } else {
        3
    }));
    g.warm_up_time(Duration::from_millis(500));
    let opts = conforme::Options::all();
    g.bench_with_input(BenchmarkId::new("check", name), text, |b, t| {
        b.iter(|| conforme::check(black_box(t), &opts))
    });
    g.bench_with_input(BenchmarkId::new("floor", name), text, |b, t| {
        b.iter(|| words(black_box(t)))
    });
    g.finish();
}

fn engine(c: &mut Criterion) {
    bench_pair(
        c,
        "reference",
        "000",
        include_str!("../www/examples/reference.txt"),
        100,
    );
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/texts");
    if let Ok(d) = std::fs::read_dir(dir) {
        let mut files: Vec<_> = d.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy()[..3].to_string();
            bench_pair(
                c,
                "corpus",
                &name,
                &std::fs::read_to_string(&f).unwrap(),
                50,
            );
        }
    }
    bench_pair(c, "recueil", "1MB", &pathological::extracts(1_000_000), 20);
    bench_pair(
        c,
        "recueil",
        "10MB",
        &pathological::extracts(10_000_000),
        10,
    );
    for (name, text) in pathological::all(1.0).into_iter().skip(1) {
        bench_pair(c, "pathological", &name.replace(' ', "_"), &text, 10);
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
