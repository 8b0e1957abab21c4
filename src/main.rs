//! Native CLI over the engine: `conforme check`, `conforme rules`, `conforme rule CODE`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    #[cfg(feature = "web")]
    conforme::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand, ValueEnum};
    use conforme::model::BodyKind;
    use conforme::rules::{rule_by_code, Severity, REGISTRY};
    use conforme::{check, Options};
    use std::io::{Read, Write};

    #[derive(Parser)]
    #[command(
        name = "conforme",
        version,
        about = "Vérifie les extraits de délibérations des collectivités territoriales"
    )]
    struct Cli {
        #[command(subcommand)]
        cmd: Cmd,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Text,
        Json,
        /// Données ouvertes : le modèle SCDL « délibérations » (CSV), une ligne par délibération.
        Scdl,
    }

    #[derive(Subcommand)]
    enum Cmd {
        /// Vérifie un ou plusieurs fichiers (ou l'entrée standard avec « - »).
        Check {
            #[arg(long, value_enum, default_value = "text")]
            format: Format,
            /// Nature de l'assemblée (conseil_municipal, conseil_communautaire, bureau, …) ; détectée sinon.
            #[arg(long, value_parser = parse_body)]
            body: Option<BodyKind>,
            /// Population de la commune (délai de convocation, effectif légal).
            #[arg(long)]
            population: Option<u32>,
            /// Masque les constats de gravité « information ».
            #[arg(long)]
            no_info: bool,
            /// SCDL : SIRET de la collectivité (COLL_SIRET).
            #[arg(long)]
            coll_siret: Option<String>,
            /// SCDL : nom officiel de la collectivité (COLL_NOM) ; lu dans le titre sinon.
            #[arg(long)]
            coll_nom: Option<String>,
            /// SCDL : matière ACTES de niveau 2 (DELIB_MATIERE_CODE), par exemple 7.5.
            #[arg(long, value_parser = parse_subject)]
            matiere: Option<String>,
            /// SCDL : adresse de chaque délibération, « {id} » y tenant lieu de DELIB_ID.
            #[arg(long)]
            url: Option<String>,
            /// Fichiers (.txt, .docx, .odt) ou dossiers (parcourus récursivement) ; « - » : entrée standard.
            files: Vec<String>,
        },
        /// Liste les règles.
        Rules,
        /// Affiche la documentation d'une règle.
        Rule { code: String },
    }

    fn parse_body(s: &str) -> Result<BodyKind, String> {
        BodyKind::from_code(s).ok_or_else(|| {
            let all: Vec<&str> = BodyKind::ALL.iter().map(|k| k.code()).collect();
            format!("nature inconnue « {s} » (valeurs : {})", all.join(", "))
        })
    }

    fn parse_subject(s: &str) -> Result<String, String> {
        match conforme::scdl::subject_name(s) {
            Some(_) => Ok(s.to_string()),
            None => Err(format!(
                "matière ACTES inconnue « {s} » (codes de niveau 2 : 1.1 à 9.4, par exemple 7.5 Subventions)"
            )),
        }
    }

    /// The files a directory holds, recursively, sorted: .txt, .docx and .odt.
    fn expand(path: &str, out: &mut Vec<String>) -> Result<(), String> {
        let p = std::path::Path::new(path);
        if path == "-" || !p.is_dir() {
            out.push(path.to_string());
            return Ok(());
        }
        let mut found = Vec::new();
        let mut stack = vec![p.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let entries =
                std::fs::read_dir(&dir).map_err(|e| format!("{} : {e}", dir.display()))?;
            for entry in entries {
                let entry = entry.map_err(|e| format!("{} : {e}", dir.display()))?;
                let q = entry.path();
                if q.is_dir() {
                    stack.push(q);
                } else if q.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                    ["txt", "docx", "odt"].contains(&x.to_ascii_lowercase().as_str())
                }) {
                    found.push(q.to_string_lossy().into_owned());
                }
            }
        }
        found.sort();
        out.extend(found);
        Ok(())
    }

    fn read_input(path: &str) -> Result<String, String> {
        let mut bytes = Vec::new();
        if path == "-" {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("lecture de l'entrée standard : {e}"))?;
        } else {
            bytes = std::fs::read(path).map_err(|e| format!("{path} : {e}"))?;
        }
        let name = if path == "-" {
            "entrée standard"
        } else {
            path
        };
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".docx") || lower.ends_with(".odt") {
            return conforme::office::text(&bytes).map_err(|why| format!("{name} : {why}"));
        }
        let sniffed = conforme::decode::sniff(&bytes);
        let encoding = match sniffed {
            conforme::decode::Sniffed::Refused(why) => return Err(why.message(name, false)),
            // UTF-8 as given, its mark kept: spans count its bytes (CONTRACT.md)
            conforme::decode::Sniffed::Utf8 => {
                return String::from_utf8(bytes).map_err(|e| {
                    format!(
                        "{name} : le fichier n'est pas un texte UTF-8 valide (octet invalide à la position {})",
                        e.utf8_error().valid_up_to()
                    )
                })
            }
            other => other
                .label()
                .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
                .unwrap_or(encoding_rs::UTF_8),
        };
        // the byte-order mark, if any, is dropped; no byte is invalid in these encodings
        // except in broken UTF-8 or UTF-16, which is said
        let (text, _, malformed) = encoding.decode(&bytes);
        if malformed {
            return Err(format!(
                "{name} : le fichier n'est pas un texte valide en {} (UTF-8, UTF-16 ou Windows-1252 attendus)",
                encoding.name()
            ));
        }
        Ok(text.into_owned())
    }

    pub fn run() -> i32 {
        let cli = match Cli::try_parse() {
            Ok(c) => c,
            Err(e) => {
                let code = if e.use_stderr() { 2 } else { 0 };
                let _ = e.print();
                return code;
            }
        };
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        match cli.cmd {
            Cmd::Rules => {
                for r in REGISTRY {
                    let m = r.meta();
                    let _ = writeln!(
                        out,
                        "{:<22} {:<12} {:<8} {}",
                        m.code,
                        m.category.code(),
                        m.severity.code(),
                        m.title
                    );
                }
                0
            }
            Cmd::Rule { code } => match rule_by_code(&code) {
                Some(r) => {
                    let _ = write!(out, "{}", r.meta().markdown());
                    0
                }
                None => {
                    eprintln!("conforme : règle inconnue « {code} » (voir `conforme rules`)");
                    2
                }
            },
            Cmd::Check {
                format,
                body,
                population,
                no_info,
                coll_siret,
                coll_nom,
                matiere,
                url,
                files,
            } => {
                let files = if files.is_empty() {
                    vec!["-".to_string()]
                } else {
                    files
                };
                let batch = files.iter().any(|f| std::path::Path::new(f).is_dir());
                let mut paths = Vec::new();
                for f in &files {
                    if let Err(e) = expand(f, &mut paths) {
                        eprintln!("conforme : {e}");
                        return 2;
                    }
                }
                // Read everything first: on an I/O error nothing is printed on stdout.
                let mut inputs = Vec::new();
                for f in &paths {
                    match read_input(f) {
                        Ok(s) => inputs.push((f.clone(), s)),
                        Err(e) => {
                            eprintln!("conforme : {e}");
                            return 2;
                        }
                    }
                }
                let opts = Options {
                    body,
                    population,
                    show_info: !no_info,
                };
                let scdl_opts = conforme::scdl::ScdlOptions {
                    coll_siret,
                    coll_nom,
                    matiere,
                    url,
                };
                let mut any_error = false;
                let mut scdl_rows = Vec::new();
                let (mut total_e, mut total_w, mut total_i) = (0, 0, 0);
                for (path, input) in &inputs {
                    let report = check(input, &opts);
                    let (e, w, i) = (
                        report.count(Severity::Error),
                        report.count(Severity::Warning),
                        report.count(Severity::Info),
                    );
                    (total_e, total_w, total_i) = (total_e + e, total_w + w, total_i + i);
                    any_error |= e > 0;
                    let name = if path == "-" {
                        "<stdin>"
                    } else {
                        path.as_str()
                    };
                    let _ = match format {
                        Format::Json => writeln!(out, "{}", report.to_json()),
                        Format::Text if batch => {
                            writeln!(out, "{name}: {}", report.verdict.message)
                        }
                        Format::Text => write!(
                            out,
                            "{}",
                            conforme::report::render_text(name, input, &report)
                        ),
                        Format::Scdl => {
                            let first = scdl_rows.len();
                            scdl_rows.extend(conforme::scdl::rows(&report, &scdl_opts));
                            for (k, note) in conforme::scdl::notes(&report, &scdl_opts) {
                                eprintln!("{name} : ligne {} : {note}", first + k);
                            }
                            let rows = &scdl_rows[first..];
                            for (k, col) in conforme::scdl::missing(rows) {
                                eprintln!(
                                    "{name} : ligne {} : {col} manquant (obligatoire)",
                                    first + k
                                );
                            }
                            Ok(())
                        }
                    };
                }
                if let Format::Scdl = format {
                    let _ = write!(out, "{}", conforme::scdl::csv(&scdl_rows));
                }
                if batch && matches!(format, Format::Text) {
                    let _ = writeln!(
                        out,
                        "Total : {} — {}, {}, {}",
                        conforme::rules::plural(inputs.len(), "fichier", "fichiers"),
                        conforme::rules::plural(total_e, "erreur", "erreurs"),
                        conforme::rules::plural(total_w, "avertissement", "avertissements"),
                        conforme::rules::plural(total_i, "information", "informations"),
                    );
                }
                i32::from(any_error)
            }
        }
    }
}
