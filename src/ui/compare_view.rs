use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::dom_id;
use super::file_picker::FilePicker;
use super::plain_verdict::plain_verdict;
use crate::core::app::review::{Chosen, CompareState, Compared, ReviewMsg, Side, Source};
use crate::core::app::{LibraryState, Msg};
use crate::core::assessment::{Answer, Mode};
use crate::core::crypto::signing_key::fingerprint;
use crate::core::framework::Framework;
use crate::core::library::saved::SavedEntry;
use crate::core::record::RecordReport;
use crate::core::review::compare::{Agreement, Comparison};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub state: CompareState,
    /// What storage held when last read: its signed assessments can be compared like files.
    pub library: LibraryState,
    pub dispatch: Callback<Msg>,
}

/// "Sanne de Vries (4812345) · Zelfbeoordeling · 2026-05-01"
fn saved_label(lang: Lang, name: &str, number: &str, mode: Mode, date: &str) -> String {
    let name = if name.is_empty() { lang.texts().library_no_name } else { name };
    format!("{name} ({number}) · {} · {date}", lang.mode_label(mode))
}

fn entry_label(lang: Lang, entry: &SavedEntry) -> String {
    let m = &entry.assessment.metadata;
    saved_label(lang, &m.student_name, &m.student_number, m.mode, &m.date)
}

fn source_label(lang: Lang, source: &Source) -> String {
    match source {
        Source::File(name) => name.clone(),
        Source::Saved { name, number, mode, date } => saved_label(lang, name, number, *mode, date),
    }
}

fn score_text(lang: Lang, framework: &Framework, answer: Answer) -> String {
    match framework.scale_level(answer.score()) {
        Some(level) => format!("{} {}", level.symbol, level.label),
        None if answer == Answer::NotObserved => lang.not_observed_texts().result.to_string(),
        None => lang.texts().not_scored.to_string(),
    }
}

/// Sets a student's self-assessment beside an assessor's assessment: each verified, then per
/// indicator, per leeruitkomst and overall, with the largest differences as talking points.
#[function_component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let lang = props.lang;
    let c = lang.compare_texts();
    let result = match &props.state.compared {
        Some(compared) => compared_html(lang, compared),
        None => html! { <p>{ c.need_both }</p> },
    };
    html! {
        <section class="compare-view" aria-labelledby="compare-heading">
            <div class="card">
                <h2 id="compare-heading">{ c.heading }</h2>
                <p>{ c.intro }</p>
            </div>
            <div class="compare-sides">
                { side(props, Side::SelfAssessment, "self", c.self_slot) }
                { side(props, Side::Assessor, "assessor", c.assessor_slot) }
            </div>
            { result }
        </section>
    }
}

/// One slot: a file to choose, or one of the signed assessments kept in this browser.
fn side(props: &CompareViewProps, side: Side, key: &str, title: &'static str) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let c = lang.compare_texts();
    let saved: Vec<&SavedEntry> =
        props.library.entries().filter(|e| e.assessment.is_final()).collect();
    let on_chosen =
        props.dispatch.reform(move |files| Msg::Review(ReviewMsg::CompareFile(side, files)));
    let on_saved = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else { return };
            let id = select.value();
            if !id.is_empty() {
                dispatch.emit(Msg::Review(ReviewMsg::CompareSaved(side, id)));
            }
        })
    };
    let select_id = format!("compare-saved-{key}");
    html! {
        <section class="card compare-side">
            <h3>{ title }</h3>
            <FilePicker {lang} id={format!("compare-{key}")} label={t.choose_file} {on_chosen} />
            if !saved.is_empty() {
                <label for={select_id.clone()}>{ c.choose_saved }</label>
                <select id={select_id} onchange={on_saved}>
                    // Yew inserts the options last first, so without `selected` the browser
                    // would pick a saved assessment before anyone chose one.
                    <option value="" selected=true>{ c.choose }</option>
                    { for saved.iter().map(|entry| html! {
                        <option value={entry.id.clone()}>{ entry_label(lang, entry) }</option>
                    }) }
                </select>
            }
            <div aria-live="polite">{ for props.state.side(side).map(|chosen| side_status(lang, chosen)) }</div>
        </section>
    }
}

fn compared_html(lang: Lang, compared: &Compared) -> Html {
    let t = lang.texts();
    let c = lang.compare_texts();
    match &compared.outcome {
        Ok(comparison) => html! {
            <>
                if !compared.trusted {
                    <p class="notice notice-warning" role="alert">{ t.record_untrusted }</p>
                }
                if comparison.swapped {
                    <p class="notice notice-info">{ c.swapped }</p>
                }
                { for comparison.warnings.iter().map(|w| html! {
                    <p class="notice notice-warning compare-warning" role="alert">{ lang.compare_warning(w) }</p>
                }) }
                { comparison_html(lang, compared.framework.framework(), comparison) }
            </>
        },
        Err(refusal) => html! {
            <p class="notice notice-error compare-refusal" role="alert">{ lang.refusal(*refusal) }</p>
        },
    }
}

/// What verifying one side found: valid or not, with every reason, who it is about and who signed.
fn side_status(lang: Lang, chosen: &Chosen) -> Html {
    let t = lang.texts();
    let report = chosen.report.as_deref();
    let valid = report.is_some_and(RecordReport::is_valid);
    let reasons = match report {
        Some(report) => plain_verdict(lang, &report.problems),
        None => html! { <p>{ t.file_unreadable }</p> },
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
            <p class="verdict-file">{ source_label(lang, &chosen.source) }</p>
            <p class="verdict-result">{ if valid { t.verify_valid } else { t.verify_invalid } }</p>
            if !valid {
                <p>{ lang.compare_texts().untrusted }</p>
                { reasons }
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
    let t = lang.form_texts();
    let c = lang.compare_texts();
    let text_of = |id: &str| fw.indicators().find(|i| &*i.id == id).map(|i| i.text.clone());
    // A score, and under it its toelichting; the cell keeps line breaks (see compare.css).
    let score = |answer: Answer, comment: &str| {
        let text = score_text(lang, fw, answer);
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
