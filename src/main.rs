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
                files,
            } => {
                let files = if files.is_empty() {
                    vec!["-".to_string()]
                } else {
                    files
                };
                // Read everything first: on an I/O error nothing is printed on stdout.
                let mut inputs = Vec::new();
                for f in &files {
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
                let mut any_error = false;
                for (path, input) in &inputs {
                    let report = check(input, &opts);
                    any_error |= report.count(Severity::Error) > 0;
                    let name = if path == "-" {
                        "<stdin>"
                    } else {
                        path.as_str()
                    };
                    let _ = match format {
                        Format::Json => writeln!(out, "{}", report.to_json()),
                        Format::Text => write!(
                            out,
                            "{}",
                            conforme::report::render_text(name, input, &report)
                        ),
                    };
                }
                i32::from(any_error)
            }
        }
    }
}
