//! Times parse + check on pathological inputs: `cargo run --release --example stress [scale]`.
use std::time::Instant;

pub fn inputs(scale: usize) -> Vec<(&'static str, String)> {
    let corpus: String = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/texts"
    ))
    .map(|d| {
        let mut v: Vec<_> = d.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        v.sort();
        v.iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect::<Vec<_>>()
            .join("\n\n")
    })
    .unwrap_or_else(|_| include_str!("../www/examples/reference.txt").to_string());
    let mb = |n: usize| -> String {
        let mut s = String::new();
        while s.len() < n {
            s.push_str(&corpus);
        }
        s
    };
    let names = |n: usize| {
        let mut s = String::from("Présents : ");
        for i in 0..n {
            s.push_str(&format!("M. Jean DUPONT{}, ", i));
        }
        s
    };
    let proxies = |n: usize| {
        let mut s = String::from("Présents : M. Paul BLEU.\nPouvoirs : ");
        for i in 0..n {
            s.push_str(&format!(
                "M. Jean DUPONT{i} a donné pouvoir à Mme Anne MARTIN{i} ; "
            ));
        }
        s
    };
    let nested = |n: usize| {
        let mut s = String::from("une subvention de 1 000 000 € ");
        for _ in 0..n {
            s.push_str("(dont 10 € ");
        }
        for _ in 0..n {
            s.push(')');
        }
        s
    };
    vec![
        ("10 MB of extracts", mb(10_000_000 * scale / 10)),
        ("1 MB without newline", mb(1_000_000 * scale / 10).replace('\n', " ")),
        ("100 000 names in one list", names(100_000 * scale / 10)),
        ("deeply nested dont", nested(10_000 * scale / 10)),
        ("10 000-digit number", format!("Présents : {} — montant {} €", "9".repeat(10_000), "1".repeat(10_000))),
        ("amounts beyond i64", "un total de 99 999 999 999 999 999 999 999 999 € dont 9 999 999 999 999 999 999 999 999 €".repeat(1000 * scale / 10)),
        ("thousands of pouvoir à", proxies(5_000 * scale / 10)),
    ]
}

fn main() {
    let scale: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    for (name, text) in inputs(scale) {
        let t = Instant::now();
        let r = conforme::check(&text, &conforme::Options::all());
        let dt = t.elapsed();
        println!(
            "{name:<28} {:>9} bytes  {:>9.1} ms  {} extracts, {} findings",
            text.len(),
            dt.as_secs_f64() * 1000.0,
            r.extracts.len(),
            r.findings().count()
        );
    }
}
