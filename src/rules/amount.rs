//! Amount rules (AMT-*).

use super::*;
use crate::model::{Amount, AmountRole, Tax};

/// "536 000 €", "1 234,50 €"
pub fn euros(cents: i128) -> String {
    let neg = cents < 0;
    let c = cents.unsigned_abs();
    let whole = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('\u{202F}');
        }
        grouped.push(ch);
    }
    let frac = c % 100;
    format!(
        "{}{}{} €",
        if neg { "-" } else { "" },
        grouped,
        if frac > 0 {
            format!(",{:02}", frac)
        } else {
            String::new()
        }
    )
}

pub static SUM: RuleMeta = RuleMeta {
    code: "AMT-SUM",
    title: "Parts d'un montant et total",
    category: Category::Amount,
    severity: Severity::Error,
    legal_basis: "Cohérence interne de l'acte",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Les parts annoncées par « dont » (y compris une part d'une part) ne peuvent pas dépasser le montant dont elles font partie (erreur). Dans un plan de financement dont les lignes sont suivies de leur pourcentage et dont la ligne « Total » est à 100 %, les lignes doivent faire le total (avertissement).",
        why: "Des parts supérieures au total signifient qu'un des montants est faux : le montant voté est alors incertain.",
        legal: "Cohérence interne de la délibération ; art. L2311-7 (liste des bénéficiaires et montants des subventions).",
        example: "`une subvention globale de 50 000 €, dont 30 000 € pour le fonctionnement et 25 000 € pour l'investissement`",
        false_positives: "Totaux pluriannuels et tranches annuelles ; montants HT et TTC mêlés.",
    },
};

pub struct Sum;
impl Rule for Sum {
    fn meta(&self) -> &'static RuleMeta {
        &SUM
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        check_tables(cx, out);
        let am = &cx.item.amounts;
        // children grouped by parent once (a nested breakdown must stay linear)
        let mut children: Vec<Vec<&Amount>> = vec![Vec::new(); am.len()];
        for a in am {
            if let Some(p) = a.parent.filter(|&p| p < am.len()) {
                children[p].push(a);
            }
        }
        for (i, parent) in am.iter().enumerate() {
            let kids = &children[i];
            if kids.is_empty() {
                continue;
            }
            let total: i128 = kids.iter().map(|k| k.cents).sum();
            if total > parent.cents {
                let parts: Vec<String> = kids.iter().map(|k| euros(k.cents)).collect();
                let mut spans = vec![parent.span];
                spans.extend(kids.iter().map(|k| k.span));
                let bases: Vec<&Basis> = std::iter::once(&parent.basis)
                    .chain(kids.iter().map(|k| &k.basis))
                    .collect();
                out.push(finding(
                    &SUM,
                    Severity::Error,
                    format!(
                        "Les parts ({} = {}) dépassent le montant de {} dont elles font partie (écart de {}).",
                        parts.join(" + "),
                        euros(total),
                        euros(parent.cents),
                        euros(total - parent.cents)
                    ),
                    spans,
                    &bases,
                ));
            }
        }
    }
}

/// Financing tables (read by the parser): lines with their percentages closed by a total
/// at 100 %.
fn check_tables(cx: &Ctx, out: &mut Vec<Finding>) {
    let am = &cx.item.amounts;
    for table in &cx.item.tables {
        let items: Vec<&Amount> = table.lines.iter().filter_map(|&k| am.get(k)).collect();
        let Some(total) = am.get(table.total) else {
            continue;
        };
        let pct: u32 = items.iter().filter_map(|a| a.percent).sum();
        if items.len() < 2 || pct.abs_diff(10000) > 100 {
            continue;
        }
        let sum: i128 = items.iter().map(|a| a.cents).sum();
        let tol = items.len() as i128;
        if (sum - total.cents).abs() > tol {
            let parts: Vec<String> = items.iter().map(|a| euros(a.cents)).collect();
            let mut spans: Vec<Span> = items.iter().map(|a| a.span).collect();
            spans.push(total.span);
            let bases: Vec<&Basis> = items
                .iter()
                .map(|a| &a.basis)
                .chain([&total.basis])
                .collect();
            out.push(finding(
                &SUM,
                Severity::Warning,
                format!(
                    "Les lignes du tableau ({} = {}) ne font pas le total indiqué de {} (écart de {}).",
                    parts.join(" + "),
                    euros(sum),
                    euros(total.cents),
                    euros((sum - total.cents).abs())
                ),
                spans,
                &bases,
            ));
        }
    }
}

pub static WORDS_DIGITS: RuleMeta = RuleMeta {
    code: "AMT-WORDS-DIGITS",
    title: "Montant en lettres et en chiffres",
    category: Category::Amount,
    severity: Severity::Error,
    legal_basis: "Cohérence interne de l'acte",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Quand un montant est écrit en lettres et en chiffres (« trois cent trente mille euros (330 000 €) »), les deux valeurs doivent être égales.",
        why: "Deux valeurs différentes pour le même montant rendent la décision ambiguë ; les deux sont signalées, aucune n'est choisie.",
        legal: "Cohérence interne ; par analogie, en droit privé la somme en lettres prévaut (Code civil art. 1376).",
        example: "`une subvention de cinq cent trente-six mille euros (563 000 €)`",
        false_positives: "Les fautes d'orthographe (« cinq cents trente ») ne changent pas la valeur lue.",
    },
};

pub struct WordsDigits;
impl Rule for WordsDigits {
    fn meta(&self) -> &'static RuleMeta {
        &WORDS_DIGITS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let am = &cx.item.amounts;
        for (k, a) in am.iter().enumerate() {
            let Some(b) = a.restated_by.and_then(|j| am.get(j)) else {
                continue;
            };
            let (wd, dg) = if a.in_words { (a, b) } else { (b, a) };
            // "trente euros et cinquante centimes (30,50 €)": the words part has no cents
            if wd.words_with_cents || a.cents == b.cents {
                continue;
            }
            let _ = k;
            out.push(finding(
                &WORDS_DIGITS,
                Severity::Error,
                format!(
                    "Le montant en lettres (« {} » = {}) diffère du montant en chiffres ({}).",
                    wd.text,
                    euros(wd.cents),
                    euros(dg.cents)
                ),
                vec![a.span, b.span],
                &[&a.basis, &b.basis],
            ));
        }
    }
}

pub static HT_TTC: RuleMeta = RuleMeta {
    code: "AMT-HT-TTC",
    title: "Montants HT et TTC",
    category: Category::Amount,
    severity: Severity::Warning,
    legal_basis: "Code général des impôts, art. 278 et suivants",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Quand un montant est donné hors taxes puis toutes taxes comprises (« 172 000 € HT, soit 206 400 € TTC »), le TTC doit correspondre au HT multiplié par 1 + un taux de TVA en vigueur (20 %, 10 %, 5,5 %, 2,1 % ; 8,5 % outre-mer).",
        why: "Un TTC qui ne correspond à aucun taux signale une erreur de calcul ou de recopie sur le montant engagé.",
        legal: "Code général des impôts, art. 278 (20 %), 279 (10 %), 278-0 bis (5,5 %), 281 quater et suivants (2,1 %), 296 (outre-mer).",
        example: "`un marché d'un montant de 120 000 € HT, soit 150 000 € TTC`",
        false_positives: "Opérations à taux mixtes ou partiellement exonérées : c'est pourquoi l'écart n'est qu'un avertissement.",
    },
};

pub struct HtTtc;
impl Rule for HtTtc {
    fn meta(&self) -> &'static RuleMeta {
        &HT_TTC
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let am = &cx.item.amounts;
        for w in am.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let (ht, ttc) = match (a.tax, b.tax) {
                (Some(Tax::Ht), Some(Tax::Ttc)) => (a, b),
                (Some(Tax::Ttc), Some(Tax::Ht)) => (b, a),
                _ => continue,
            };
            if !a.near_next || ht.cents <= 0 {
                continue;
            }
            let whole = ht.cents % 100 == 0 && ttc.cents % 100 == 0;
            let tol: i128 = if whole { 100 } else { 2 };
            let rates = [2000i128, 1000, 550, 210, 850];
            let ok = ttc.cents == ht.cents
                || rates
                    .iter()
                    .any(|r| (ht.cents * (10000 + r) / 10000 - ttc.cents).abs() <= tol);
            if ok {
                continue;
            }
            let at20 = ht.cents * 12 / 10;
            out.push(finding(
                &HT_TTC,
                Severity::Warning,
                format!(
                    "{} HT donnent {} TTC au taux de 20 %, et non {} (écart de {}) ; aucun taux de TVA courant ne donne ce montant.",
                    euros(ht.cents),
                    euros(at20),
                    euros(ttc.cents),
                    euros((ttc.cents - at20).abs())
                ),
                vec![ht.span, ttc.span],
                &[&ht.basis, &ttc.basis],
            ));
        }
    }
}

pub static CONSISTENCY: RuleMeta = RuleMeta {
    code: "AMT-CONSISTENCY",
    title: "Même subvention, même montant",
    category: Category::Amount,
    severity: Severity::Warning,
    legal_basis: "Cohérence interne de l'acte",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Une subvention annoncée dans l'exposé (« accorde une subvention de 536 000 € ») doit avoir le même montant dans le dispositif (« d'approuver le versement d'une subvention de 536 000 € »).",
        why: "Seul le dispositif est décidé : un montant différent dans l'exposé rend la délibération ambiguë.",
        legal: "Cohérence interne de la délibération.",
        example: "`Objet : subvention de 536 000 € à l'association X … Article 1 : attribue une subvention de 536 500 €.`",
        false_positives: "Montant demandé et montant accordé, subvention de l'année précédente rappelée dans l'exposé, HT et TTC, versements en plusieurs fois : rien ne prouve qu'il s'agit du même objet, d'où un avertissement. La règle ne compare que lorsqu'une seule subvention est annoncée de part et d'autre de « décide ».",
    },
};

pub struct Consistency;
impl Rule for Consistency {
    fn meta(&self) -> &'static RuleMeta {
        &CONSISTENCY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let subsidies: Vec<&Amount> = cx
            .item
            .amounts
            .iter()
            .filter(|am| am.parent.is_none() && !am.in_words && am.role == AmountRole::Subsidy)
            .collect();
        if !cx.item.amounts.iter().any(|a| a.operative) {
            return;
        }
        let before: Vec<&&Amount> = subsidies.iter().filter(|x| !x.operative).collect();
        let after: Vec<&&Amount> = subsidies.iter().filter(|x| x.operative).collect();
        if before.len() == 1 && after.len() == 1 && before[0].cents != after[0].cents {
            out.push(finding(
                &CONSISTENCY,
                Severity::Warning,
                format!(
                    "La subvention est de {} dans l'exposé et de {} dans le dispositif : vérifiez qu'il s'agit bien du même objet (montant demandé, année précédente ?).",
                    euros(before[0].cents),
                    euros(after[0].cents)
                ),
                vec![before[0].span, after[0].span],
                &[&before[0].basis, &after[0].basis],
            ));
        }
    }
}

pub static PERCENT: RuleMeta = RuleMeta {
    code: "AMT-PERCENT",
    title: "Part exprimée en pourcentage",
    category: Category::Amount,
    severity: Severity::Warning,
    legal_basis: "Cohérence interne ; CGCT art. L1111-10 (participation minimale du maître d'ouvrage)",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Un montant présenté comme un pourcentage d'un autre (« 45 000 €, soit 30 % du coût de l'opération estimé à 180 000 € HT ») lui correspond : |montant − X % × base| ≤ 0,5 % de la base, ou 1 €. Une part écrite en fraction (« dans la limite du quart des crédits, soit 308 641,97 € », « X €, soit le tiers de Y € ») est exacte : elle est vérifiée au centime (à l'euro si la part est écrite sans centimes), la base étant le montant écrit juste avant la fraction (ou juste après « soit … de »). Les pourcentages d'un plan de financement sont vérifiés par AMT-SUM.",
        why: "Un pourcentage faux fausse le plan de financement présenté au financeur : le montant sollicité ou la part d'autofinancement n'est pas celle que le conseil croit voter.",
        legal: "Cohérence interne de l'acte ; une participation minimale de 20 % du maître d'ouvrage peut s'appliquer (CGCT art. L1111-10 III, point à confirmer).",
        example: "`une subvention de 45 000 €, soit 35 % du coût de l'opération estimé à 180 000 € HT` (35 % de 180 000 € = 63 000 €).",
        false_positives: "Un pourcentage calculé sur la base TTC alors que la base écrite est HT (le message dit quelle base il a prise et ce que donnerait l'autre) ; « plafonnée à X % » (une borne, non une égalité).",
    },
};

pub struct Percent;
impl Rule for Percent {
    fn meta(&self) -> &'static RuleMeta {
        &PERCENT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let am = &cx.item.amounts;
        for sh in &cx.item.shares {
            let (Some(part), Some(base)) = (am.get(sh.part), am.get(sh.base)) else {
                continue;
            };
            if let Some((num, den, words)) = sh.fraction {
                fraction(out, sh, part, base, (num, den, words));
                continue;
            }
            let pct = i128::from(sh.percent);
            let expected = base.cents * pct / 10_000;
            let tolerance = (base.cents.abs() / 200).max(100);
            if (part.cents - expected).abs() <= tolerance {
                continue;
            }
            let tax = |a: &crate::model::Amount| match a.tax {
                Some(crate::model::Tax::Ht) => " HT",
                Some(crate::model::Tax::Ttc) => " TTC",
                None => "",
            };
            // the percentage on the other base of the same cost, when the text gives it
            let other = am
                .iter()
                .filter(|x| x.tax.is_some() && x.tax != base.tax && base.tax.is_some())
                .find(|x| {
                    (part.cents - x.cents * pct / 10_000).abs() <= (x.cents.abs() / 200).max(100)
                });
            let note = other
                .map(|x| {
                    format!(
                        " ; il correspond en revanche à {} % de {}{}",
                        percent_text(sh.percent),
                        euros(x.cents),
                        tax(x)
                    )
                })
                .unwrap_or_default();
            out.push(finding(
                &PERCENT,
                Severity::Warning,
                format!(
                    "{}{} est présenté comme {} % de {}{}, qui font {}{}.",
                    euros(part.cents),
                    tax(part),
                    percent_text(sh.percent),
                    euros(base.cents),
                    tax(base),
                    euros(expected),
                    note
                ),
                vec![sh.span, part.span, base.span],
                &[&part.basis, &base.basis],
            ));
        }
    }
}

/// A share written as a fraction ("le quart des crédits, soit …"): exact, so compared to the
/// cent (to the euro when the part is written without cents). Only a near miss is reported:
/// a part far from the fraction of the amount read as its base is another reading.
fn fraction(
    out: &mut Vec<Finding>,
    sh: &crate::model::Share,
    part: &Amount,
    base: &Amount,
    (num, den, words): (u32, u32, &str),
) {
    /// A part farther than this from the fraction (percent) was not computed from this base.
    const NEAR_MISS_PCT: i128 = 2;
    let (num, den) = (i128::from(num), i128::from(den));
    // rounded to the nearest cent
    let expected = (base.cents * num * 2 + den) / (den * 2);
    let diff = (part.cents - expected).abs();
    // written with its cents ("30 864,00 €"): to the cent; else rounded to the euro
    let tolerance = if part.text.contains([',', '.']) {
        1
    } else {
        50
    };
    if diff <= tolerance || diff * 100 > expected.abs() * NEAR_MISS_PCT {
        return;
    }
    out.push(finding(
        &PERCENT,
        Severity::Warning,
        format!(
            "{} est présenté comme {words} de {} (le montant écrit avant la fraction, pris pour base), qui font {} : écart de {}.",
            euros(part.cents),
            euros(base.cents),
            euros(expected),
            euros(diff)
        ),
        vec![sh.span, part.span, base.span],
        &[&part.basis, &base.basis],
    ));
}

/// 3000 → "30", 550 → "5,5".
fn percent_text(h: u32) -> String {
    if h.is_multiple_of(100) {
        (h / 100).to_string()
    } else {
        format!(
            "{},{}",
            h / 100,
            format!("{:02}", h % 100).trim_end_matches('0')
        )
    }
}

pub static PARSE: RuleMeta = RuleMeta {
    code: "AMT-PARSE",
    title: "Montant qui se lit de deux façons",
    category: Category::Amount,
    severity: Severity::Info,
    legal_basis: "Qualité des données (aucune base légale)",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Signale les montants dont l'écriture se lit de deux façons : « 1.500 € » (un point : séparateur de milliers, ou virgule décimale ?) et « 1,500 € » (trois chiffres après la virgule : 1,5 €, ou séparateur de milliers à l'anglaise ?). La lecture retenue est indiquée ; les autres règles ne tirent de ces montants que des avertissements.",
        why: "Un montant mal lu fausse les totaux, les pourcentages et les données publiées ; une écriture sans ambiguïté (« 1 500 € », « 1,50 € ») évite toute contestation.",
        legal: "Aucune : qualité de rédaction et des données ouvertes.",
        example: "`Montant de la participation : 1.500 €`",
        false_positives: "Un texte qui écrit tous ses milliers avec des points : la lecture retenue (milliers) est alors la bonne.",
    },
};

pub struct Parse;
impl Rule for Parse {
    fn meta(&self) -> &'static RuleMeta {
        &PARSE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        for a in &cx.item.amounts {
            let Some(why) = a.ambiguous else { continue };
            out.push(finding(
                &PARSE,
                Severity::Info,
                format!(
                    "Le montant « {} » se lit de deux façons ({why}) : lu {}.",
                    a.text,
                    euros(a.cents)
                ),
                vec![a.span],
                &[],
            ));
        }
    }
}

pub static ROUNDED: RuleMeta = RuleMeta {
    code: "AMT-ROUNDED",
    title: "Montant arrondi et montant exact",
    category: Category::Amount,
    severity: Severity::Warning,
    legal_basis: "Cohérence interne de l'acte",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Un montant arrondi (« 1,9 million d'euros », « 1,9 M€ », « 536 k€ ») et le montant exact qui lui est le plus proche dans le même point doivent s'accorder à une demi-unité près du dernier chiffre écrit (1,9 M€ : ± 50 000 € ; 536 k€ : ± 500 €). « Plus de » et « moins de » orientent l'écart ; « environ » et « près de » dispensent de la vérification.",
        why: "Un arrondi qui ne correspond pas au montant exact signale une erreur de saisie dans l'un des deux, ou une mise à jour partielle du texte.",
        legal: "Cohérence interne de l'acte (aucun article particulier).",
        example: "`un programme de 1,9 million d'euros … pour un montant total de 1 790 000 €`",
        false_positives: "Deux montants qui ne désignent pas le même objet (seuls les montants exacts à moins de 10 % de l'arrondi sont comparés, et le constat reste un avertissement) ; une troncature au lieu d'un arrondi ; HT et TTC.",
    },
};

/// Exact amounts farther than this from a rounded one (in percent) are another object.
const ROUNDED_SAME_OBJECT_PCT: i128 = 10;

pub struct Rounded;
impl Rule for Rounded {
    fn meta(&self) -> &'static RuleMeta {
        &ROUNDED
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let am = &cx.item.amounts;
        for (i, r) in am.iter().enumerate() {
            let Some((half, side)) = r.rounded else {
                continue;
            };
            let related = |j: usize| am[j].parent == Some(i) || r.parent == Some(j);
            let exact: Vec<(usize, &Amount)> = am
                .iter()
                .enumerate()
                .filter(|&(j, a)| {
                    j != i
                        && a.rounded.is_none()
                        && !related(j)
                        && a.role == r.role
                        && (a.tax.is_none() || r.tax.is_none() || a.tax == r.tax)
                })
                .collect();
            let agrees = |a: &Amount| {
                let d = a.cents - r.cents;
                match side {
                    1 => d > 0,
                    -1 => d < 0,
                    _ => d.abs() <= half,
                }
            };
            if exact.iter().any(|(_, a)| agrees(a)) {
                continue;
            }
            let Some((_, near)) = exact
                .iter()
                .filter(|(_, a)| {
                    (a.cents - r.cents).abs() * 100 <= r.cents.abs() * ROUNDED_SAME_OBJECT_PCT
                })
                .min_by_key(|(_, a)| (a.cents - r.cents).abs())
            else {
                continue;
            };
            let bound = match side {
                1 => format!("il devrait dépasser {}", euros(r.cents)),
                -1 => format!("il devrait rester sous {}", euros(r.cents)),
                _ => format!(
                    "l'arrondi couvre {} à {}",
                    euros(r.cents - half),
                    euros(r.cents + half)
                ),
            };
            out.push(finding(
                &ROUNDED,
                Severity::Warning,
                format!(
                    "Le montant arrondi « {} » ne correspond pas au montant exact le plus proche, {} : {bound}. S'ils désignent le même objet, l'un des deux est faux.",
                    r.text,
                    euros(near.cents)
                ),
                vec![r.span, near.span],
                &[&r.basis, &near.basis],
            ));
        }
    }
}
