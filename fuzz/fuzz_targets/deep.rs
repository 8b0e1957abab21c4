//! Fuzz target that reaches the rules: the input drives a generator of extract-like
//! documents (a séance header with its dates, declared counts, attendance lists with
//! proxies and per-item scopes, movements, items with votes and amounts), then mutates the
//! result with words of the engine's lexicon and pieces of the input itself. The fuzzer's
//! time goes into reading and checking séances, not into rejecting noise.
#![no_main]
use libfuzzer_sys::fuzz_target;

/// The input read as a stream of choices (zeros once it is used up).
struct G<'a> {
    d: &'a [u8],
    i: usize,
}

impl<'a> G<'a> {
    fn byte(&mut self) -> u8 {
        let b = self.d.get(self.i).copied().unwrap_or(0);
        self.i += 1;
        b
    }
    fn below(&mut self, n: usize) -> usize {
        let v = usize::from(self.byte()) << 8 | usize::from(self.byte());
        v % n.max(1)
    }
    fn pick<'s>(&mut self, v: &[&'s str]) -> &'s str {
        v[self.below(v.len())]
    }
    fn num(&mut self) -> usize {
        // small counts mostly, sometimes anything
        match self.below(8) {
            0 => self.below(100_000),
            _ => self.below(60),
        }
    }
}

const BODIES: &[&str] = &[
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL",
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE",
    "Procès-verbal de la séance du Conseil métropolitain",
    "BUREAU COMMUNAUTAIRE",
    "Commission permanente",
    "Liste des délibérations",
    "",
];
const WEEKDAYS: &[&str] = &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const MONTHS: &[&str] = &[
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
];
const CIVILITY: &[&str] = &["M.", "Mme", "Monsieur", "Madame", ""];
const FIRST: &[&str] = &["Jean", "Anne", "Paul", "Marie-Claire", "Luc", "Sylvie", "Éric"];
const LAST: &[&str] = &["DUPONT", "MARTIN", "LEROY", "PETIT", "BLANC", "ROUX", "Durand"];
const SEPS: &[&str] = &[", ", " ; ", "\n", " - ", "\t", ",\n"];
const PROXY: &[&str] = &[
    " pouvoir à ",
    " a donné pouvoir à ",
    " (procuration à ",
    " représenté par ",
    " donne procuration à ",
];
const SCOPES: &[&str] = &[
    "",
    " (jusqu'au point 3)",
    " (à partir du point 2)",
    " (points 1 à 4)",
    " (arrivé à 19 h 20)",
];
const HEADINGS: &[&str] = &[
    "Objet : ",
    "Délibération n° 2024-0",
    "Point ",
    "N° ",
    "DEL2024_0",
    "",
];
const VOTES: &[&str] = &[
    "Pour : {a} Contre : {b} Abstentions : {c}",
    "Votants : {a} Exprimés : {b}",
    "Adopté à l'unanimité",
    "{a} voix pour, {b} contre, {c} abstentions",
    "Ne prend pas part au vote : {c}",
    "Ont voté contre : {n}",
    "ADOPTÉ À L'UNANIMITÉ DES MEMBRES PRÉSENTS ET REPRÉSENTÉS",
];
const AMOUNTS: &[&str] = &[
    "{a} 000 €",
    "{a} {b}00,50 € HT soit {c} 000 € TTC",
    "un montant de {a} 000 € dont {b} 000 € en investissement",
    "{a} %",
    "le quart des crédits, soit {b} 000 €",
    "subvention de {a} 000 € à l'association",
];

fn name(g: &mut G, out: &mut String) {
    let c = g.pick(CIVILITY);
    if !c.is_empty() {
        out.push_str(c);
        out.push(' ');
    }
    out.push_str(g.pick(FIRST));
    out.push(' ');
    out.push_str(g.pick(LAST));
}

fn fill(g: &mut G, template: &str, out: &mut String) {
    let mut n = String::new();
    name(g, &mut n);
    out.push_str(
        &template
            .replace("{a}", &g.num().to_string())
            .replace("{b}", &g.num().to_string())
            .replace("{c}", &g.num().to_string())
            .replace("{n}", &n),
    );
}

fn document(g: &mut G) -> String {
    let mut out = String::new();
    out.push_str(g.pick(BODIES));
    out.push('\n');
    let (w, d, m) = (g.pick(WEEKDAYS), 1 + g.below(31), g.pick(MONTHS));
    match g.below(3) {
        0 => out.push_str(&format!("Séance du {w} {d} {m} 2024\n")),
        1 => out.push_str(&format!("L'an deux mille vingt-quatre, le {d} {m}, le conseil s'est réuni\n")),
        _ => out.push_str(&format!("Réunion du {d:02}/{:02}/2024\n", 1 + g.below(12))),
    }
    if g.below(2) == 0 {
        out.push_str(&format!("Date de convocation : {} {m} 2024\n", 1 + g.below(31)));
    }
    let labels = conforme::parse::lexicon::count_labels();
    for _ in 0..g.below(6) {
        let label = labels[g.below(labels.len())].0;
        match g.below(3) {
            0 => out.push_str(&format!("{label} : {}\n", g.num())),
            1 => out.push_str(&format!("{} {}\n", g.num(), label.to_uppercase())),
            _ => out.push_str(&format!("{label} {} ", g.num())),
        }
    }
    let lists = conforme::parse::lexicon::list_labels();
    for _ in 0..g.below(5) {
        out.push_str(lists[g.below(lists.len())].0);
        out.push_str(" : ");
        for k in 0..g.below(12) {
            if k > 0 {
                out.push_str(g.pick(SEPS));
            }
            name(g, &mut out);
            if g.below(4) == 0 {
                out.push_str(g.pick(PROXY));
                name(g, &mut out);
            }
            out.push_str(g.pick(SCOPES));
        }
        out.push('\n');
    }
    if g.below(3) == 0 {
        name(g, &mut out);
        out.push_str(&format!(" quitte la séance avant le vote du point {}.\n", g.below(6)));
    }
    for k in 0..g.below(7) {
        out.push_str(g.pick(HEADINGS));
        out.push_str(&format!("{} - Objet {k}\n", k + 1));
        for _ in 0..g.below(3) {
            let t = g.pick(AMOUNTS);
            fill(g, t, &mut out);
            out.push_str(". ");
        }
        for _ in 0..g.below(3) {
            let t = g.pick(VOTES);
            fill(g, t, &mut out);
            out.push('\n');
        }
    }
    out
}

/// Mutations: a word of the lexicon inserted, a range dropped, a piece doubled, a piece of
/// the raw input spliced in.
fn mutate(g: &mut G, mut text: String, raw: &str) -> String {
    let words = conforme::parse::lexicon::all_words();
    for _ in 0..g.below(8) {
        if text.is_empty() {
            break;
        }
        let mut at = g.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match g.below(4) {
            0 => text.insert_str(at, &format!(" {} ", words[g.below(words.len())])),
            1 => {
                let mut end = (at + g.below(40)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
            2 => {
                let mut end = (at + g.below(200)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let piece = text[at..end].to_string();
                text.insert_str(at, &piece);
            }
            _ => text.insert_str(at, raw),
        }
    }
    text
}

fuzz_target!(|data: &[u8]| {
    let mut g = G { d: data, i: 0 };
    let doc = document(&mut g);
    let raw = String::from_utf8_lossy(&data[g.i.min(data.len())..]).into_owned();
    let raw: String = raw.chars().take(64).collect();
    let text = mutate(&mut g, doc, &raw);
    for opts in [
        conforme::Options::all(),
        conforme::Options {
            population: Some(2_000),
            ..conforme::Options::all()
        },
    ] {
        let report = conforme::check(&text, &opts);
        if let Err(e) = report.spans_check(&text) {
            panic!("{e}");
        }
        let _ = conforme::report::render_text("fuzz", &text, &report);
        assert!(report.to_json().starts_with('{'));
        let scdl = conforme::scdl::ScdlOptions {
            matiere: Some("7.5".into()),
            url: Some("https://x/{id}".into()),
            ..Default::default()
        };
        let rows = conforme::scdl::rows(&report, &scdl);
        assert_eq!(rows.len(), report.extracts.len());
        let _ = conforme::scdl::csv(&rows);
    }
});
