use std::rc::Rc;

use web_sys::{File, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::dom_id;
use super::file_picker::FilePicker;
use crate::core::crypto::signing_key::fingerprint;
use crate::core::framework::catalogue::with_built_ins;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;
use crate::core::library::saved::SavedEntry;
use crate::core::library::Listed;
use crate::core::record::{verify_record_bytes, RecordProblem, RecordReport, MAX_RECORD_BYTES};
use crate::core::review::compare::{compare_records, Agreement, Comparison, Refusal};
use crate::i18n::Lang;
use crate::web::files::{self, ReadError};
use crate::web::library;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub framework: Rc<HashedFramework>,
}

/// One side as chosen: where it came from and what verifying it found; no report when the file
/// could not be read at all.
#[derive(Clone, PartialEq)]
struct Chosen {
    source: String,
    report: Option<Rc<RecordReport>>,
}

/// The signed assessments kept in this browser: their records can be compared like files.
fn signed_entries() -> Vec<SavedEntry> {
    let listed = library::list().unwrap_or_default();
    listed
        .into_iter()
        .filter_map(|l| match l {
            Listed::Entry(e) if e.assessment.is_final() => Some(e),
            _ => None,
        })
        .collect()
}

/// Verifies against the frameworks a record may belong to: the one in use and the built-in ones.
fn verify_against(bytes: &[u8], frameworks: &[HashedFramework]) -> RecordReport {
    verify_record_bytes(bytes, &frameworks.iter().collect::<Vec<_>>())
}

async fn read_file(file: File, frameworks: &[HashedFramework]) -> Chosen {
    let report = match files::read_bytes(&file, MAX_RECORD_BYTES).await {
        Ok(bytes) => Some(verify_against(&bytes, frameworks)),
        Err(ReadError::TooLarge { bytes }) => Some(RecordReport {
            problems: vec![RecordProblem::TooLarge {
                bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                limit: MAX_RECORD_BYTES,
            }],
            ..RecordReport::default()
        }),
        Err(ReadError::Unreadable) => None,
    };
    Chosen { source: file.name(), report: report.map(Rc::new) }
}

/// "Sanne de Vries (4812345) · Zelfbeoordeling · 2026-05-01"
fn entry_label(lang: Lang, entry: &SavedEntry) -> String {
    let m = &entry.assessment.metadata;
    let name =
        if m.student_name.is_empty() { lang.texts().library_no_name } else { &m.student_name };
    format!("{name} ({}) · {} · {}", m.student_number, lang.mode_label(m.mode), m.date)
}

fn score_text(lang: Lang, framework: &Framework, score: Score) -> String {
    match framework.scale_level(score) {
        Some(level) => format!("{} {}", level.symbol, level.label),
        None => lang.texts().not_scored.to_string(),
    }
}

/// Sets a student's self-assessment beside an assessor's assessment: each verified, then per
/// indicator, per leeruitkomst and overall, with the largest differences as talking points.
#[function_component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let c = lang.compare_texts();
    let hashed = &props.framework;
    let frameworks = use_memo(hashed.clone(), |active| with_built_ins(active));
    let saved = use_memo((), |_| signed_entries());
    let sides = [use_state(|| None::<Chosen>), use_state(|| None::<Chosen>)];

    let side = |chosen: &UseStateHandle<Option<Chosen>>, key: &str, title: &'static str| {
        let on_file = {
            let chosen = chosen.clone();
            let frameworks = frameworks.clone();
            Callback::from(move |file: File| {
                let chosen = chosen.clone();
                let frameworks = frameworks.clone();
                spawn_local(async move { chosen.set(Some(read_file(file, &frameworks).await)) });
            })
        };
        let on_saved = {
            let chosen = chosen.clone();
            let frameworks = frameworks.clone();
            let saved = saved.clone();
            Callback::from(move |e: Event| {
                let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else { return };
                let Some(entry) = select.value().parse().ok().and_then(|i: usize| saved.get(i))
                else {
                    return;
                };
                if let Some(signed) = &entry.assessment.signed {
                    chosen.set(Some(Chosen {
                        source: entry_label(lang, entry),
                        report: Some(Rc::new(verify_against(
                            signed.record.as_bytes(),
                            &frameworks,
                        ))),
                    }));
                }
            })
        };
        let select_id = format!("compare-saved-{key}");
        html! {
            <section class="card compare-side">
                <h3>{ title }</h3>
                <FilePicker {lang} id={format!("compare-{key}")} label={t.choose_file} {on_file} />
                if !saved.is_empty() {
                    <label for={select_id.clone()}>{ c.choose_saved }</label>
                    <select id={select_id} onchange={on_saved}>
                        // Yew inserts the options last first, so without `selected` the browser
                        // would pick a saved assessment before anyone chose one.
                        <option value="" selected=true>{ c.choose }</option>
                        { for saved.iter().enumerate().map(|(i, entry)| html! {
                            <option value={i.to_string()}>{ entry_label(lang, entry) }</option>
                        }) }
                    </select>
                }
                <div aria-live="polite">{ for chosen.as_ref().map(|chosen| side_status(lang, chosen)) }</div>
            </section>
        }
    };

    let reports: Vec<Option<&RecordReport>> =
        sides.iter().filter_map(|s| s.as_ref()).map(|c| c.report.as_deref()).collect();
    let result = match reports[..] {
        [first, second] => {
            let trusted = reports.iter().all(|r| r.is_some_and(RecordReport::is_valid));
            // The framework the first record was verified against, which may be either built-in one.
            let framework = first.and_then(|r| r.framework.as_ref()).unwrap_or(hashed);
            let compared = match (
                first.and_then(|r| r.record.as_ref()),
                second.and_then(|r| r.record.as_ref()),
            ) {
                (Some(a), Some(b)) => compare_records(framework, a, b),
                _ => Err(Refusal::Unreadable),
            };
            match compared {
                Ok(comparison) => html! {
                    <>
                        if !trusted {
                            <p class="notice notice-warning" role="alert">{ t.record_untrusted }</p>
                        }
                        if comparison.swapped {
                            <p class="notice notice-info">{ c.swapped }</p>
                        }
                        { for comparison.warnings.iter().map(|w| html! {
                            <p class="notice notice-warning compare-warning" role="alert">{ lang.compare_warning(w) }</p>
                        }) }
                        { comparison_html(lang, framework.framework(), &comparison) }
                    </>
                },
                Err(refusal) => html! {
                    <p class="notice notice-error compare-refusal" role="alert">{ lang.refusal(refusal) }</p>
                },
            }
        }
        _ => html! { <p>{ c.need_both }</p> },
    };

    html! {
        <section class="compare-view" aria-labelledby="compare-heading">
            <div class="card">
                <h2 id="compare-heading">{ c.heading }</h2>
                <p>{ c.intro }</p>
            </div>
            <div class="compare-sides">
                { side(&sides[0], "self", c.self_slot) }
                { side(&sides[1], "assessor", c.assessor_slot) }
            </div>
            { result }
        </section>
    }
}

/// What verifying one side found: valid or not, with every reason, who it is about and who signed.
fn side_status(lang: Lang, chosen: &Chosen) -> Html {
    let t = lang.texts();
    let report = chosen.report.as_deref();
    let valid = report.is_some_and(RecordReport::is_valid);
    let reasons: Vec<String> = match report {
        Some(report) => report.problems.iter().map(|p| lang.record_problem(p)).collect(),
        None => vec![t.file_unreadable.to_string()],
    };
    let mut facts = Vec::new();
    if let Some(record) = report.and_then(|r| r.record.as_ref()) {
        facts.push(lang.mode_label(record.mode).to_string());
        facts.push(format!("{} ({})", record.subject.name, record.subject.student_number));
    }
    if let Some(proof) = report.and_then(|r| r.proof.as_ref()) {
        facts.push(format!("{}: {}", t.verify_signer, fingerprint(&proof.did)));
    }
    html! {
        <div class={if valid { "verdict compare-verdict is-valid" } else { "verdict compare-verdict is-invalid" }}>
            <p class="verdict-file">{ chosen.source.clone() }</p>
            <p class="verdict-result">{ if valid { t.verify_valid } else { t.verify_invalid } }</p>
            if !valid {
                <p>{ lang.compare_texts().untrusted }</p>
                <ul class="verdict-reasons">{ for reasons.into_iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            }
            <p class="compare-facts">{ facts.join(" · ") }</p>
        </div>
    }
}

/// A table of text: the first cell of each row heads it, and every other cell carries its
/// column's name, which narrow screens show beside it when the rows are stacked. One builder for
/// every table keeps the view small.
fn table(labelled_by: &str, class: &'static str, head: [&'static str; 4], rows: Vec<Row>) -> Html {
    html! {
        <table class={class} aria-labelledby={labelled_by.to_string()}>
            <thead>
                <tr>{ for head.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr>
            </thead>
            <tbody>
                { for rows.into_iter().map(|row| {
                    let mut cells = row.cells.into_iter();
                    html! {
                        <tr id={row.id} class={row.class}>
                            <th scope="row" lang={row.lang}>{ cells.next().unwrap_or_default() }</th>
                            { for cells.zip(&head[1..]).map(|(cell, label)| html! { <td data-label={*label}>{ cell }</td> }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

struct Row {
    id: Option<String>,
    class: Option<&'static str>,
    /// The language of the row's header, where it is the framework's text.
    lang: Option<String>,
    cells: Vec<String>,
}

fn agreement_row(lang: Lang, head: String, a: &Agreement) -> Row {
    Row {
        id: None,
        class: None,
        lang: None,
        cells: vec![
            head,
            lang.agreement(a),
            lang.hundredths(a.mean_difference(), true),
            lang.hundredths(a.mean_absolute_difference(), false),
        ],
    }
}

fn comparison_html(lang: Lang, fw: &Framework, comparison: &Comparison) -> Html {
    let t = lang.texts();
    let c = lang.compare_texts();
    let text_of = |id: &str| fw.indicators().find(|i| &*i.id == id).map(|i| i.text.clone());
    // A score, and under it its toelichting; the cell keeps line breaks (see compare.css).
    let score = |score: Score, comment: &str| {
        let text = score_text(lang, fw, score);
        if comment.is_empty() {
            text
        } else {
            format!("{text}\n{}: {comment}", c.comment)
        }
    };
    let talking = comparison.talking_points();
    let mut pairs = comparison.indicators.iter();
    let mut number = 0;
    let agreement_head = [t.learning_outcome, c.equal_column, c.mean_column, c.absolute_column];
    let mut summary: Vec<Row> =
        comparison.outcomes.iter().map(|(id, a)| agreement_row(lang, id.clone(), a)).collect();
    summary.push(agreement_row(lang, t.overall.into(), &comparison.overall));
    html! {
        <>
            <section class="card">
                <h3 id="compare-agreement">{ c.agreement_heading }</h3>
                <p class="hint">{ c.agreement_hint }</p>
                { table("compare-agreement", "compare-table compare-summary", agreement_head, summary) }
            </section>
            <section class="card">
                <h3 id="compare-talking">{ c.talking_heading }</h3>
                <p class="hint">{ if talking.is_empty() { c.talking_none } else { c.talking_hint } }</p>
                <ol class="talking-points">
                    { for talking.iter().map(|pair| html! {
                        <li>
                            <a href={format!("#{}", dom_id("compare", &pair.id))}>{ &*pair.id }</a>
                            { format!(
                                " {}\n{} · {}: {} · {}: {}",
                                text_of(&pair.id).unwrap_or_default(),
                                lang.difference(pair.difference()),
                                c.student,
                                score_text(lang, fw, pair.student),
                                c.assessor,
                                score_text(lang, fw, pair.assessor),
                            ) }
                        </li>
                    }) }
                </ol>
            </section>
            { for fw.learning_outcomes().map(|outcome| {
                number += 1;
                let heading = format!("compare-{}", outcome.id);
                let rows = outcome.indicators.iter().zip(pairs.by_ref()).map(|(indicator, pair)| {
                    let difference = pair.difference();
                    Row {
                        id: Some(dom_id("compare", &pair.id)),
                        class: difference.is_some_and(|d| d != 0).then_some("is-different"),
                        lang: Some(fw.language.clone()),
                        cells: vec![
                            format!("{} {}", pair.id, indicator.text),
                            score(pair.student, &pair.student_comment),
                            score(pair.assessor, &pair.assessor_comment),
                            lang.difference(difference),
                        ],
                    }
                });
                html! {
                    <section class="card">
                        <h3 id={heading.clone()}>
                            { format!("{}: ", super::outcome_label(lang, outcome, number)) }
                            <span lang={fw.language.clone()}>{ &outcome.title }</span>
                        </h3>
                        { table(&heading, "compare-table compare-pairs", [c.indicator, c.student, c.assessor, c.difference], rows.collect()) }
                    </section>
                }
            }) }
        </>
    }
}
