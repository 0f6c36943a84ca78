//! The cohort's table of students and learning outcomes, and its distribution per indicator.

use yew::prelude::*;

use crate::core::app::review::ReviewMsg;
use crate::core::app::Msg;
use crate::core::assessment::aggregate::Tally;
use crate::core::assessment::Answer;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;
use crate::core::review::cohort::{percent, Cohort, Member};
use crate::i18n::Lang;

/// A result as the table shows it: its symbol, "n.w." (niet waargenomen / not observed, with
/// the word for screen readers) or a dash while not determined.
fn result_cell(lang: Lang, result: Answer, overall: bool) -> Html {
    let class = classes!("cohort-result", overall.then_some("cohort-overall"));
    let key = match result {
        Answer::NotObserved => "not-observed",
        other => other.score().key(),
    };
    html! {
        <td {class} data-result={key}>
            { match result {
                Answer::Scored(score) if score.is_scored() => html! { score.symbol() },
                Answer::NotObserved => {
                    let n = lang.not_observed_texts();
                    html! { <abbr title={n.result}>{ n.short }</abbr> }
                }
                _ => html! { "–" },
            } }
        </td>
    }
}

/// How the student of a row is called on its buttons: the name, else the student number.
fn who(lang: Lang, m: &Member) -> String {
    match (m.student_name.trim(), m.student_number.trim()) {
        ("", "") => lang.cohort_texts().no_value.to_string(),
        ("", number) => number.to_string(),
        (name, _) => name.to_string(),
    }
}

/// Each row's name opens its record in the verify view; where the same student has a record in
/// the other mode, *Vergelijken* sets the two side by side.
fn row_actions(
    lang: Lang,
    cohort: &Cohort,
    m: &Member,
    node: Option<&NodeRef>,
    dispatch: &Callback<Msg>,
) -> Html {
    let c = lang.cohort_texts();
    let key = m.key;
    let on_open =
        dispatch.reform(move |_: MouseEvent| Msg::Review(ReviewMsg::OpenCohortRecord(key)));
    let on_compare =
        dispatch.reform(move |_: MouseEvent| Msg::Review(ReviewMsg::CompareCohortRecord(key)));
    let shown_name = if m.student_name.trim().is_empty() {
        c.no_value.to_string()
    } else {
        m.student_name.clone()
    };
    html! {
        <>
            <th scope="row">
                <button type="button" class="link-button cohort-open" onclick={on_open} ref={node.cloned().unwrap_or_default()}
                    aria-label={lang.cohort_open_label(&who(lang, m))}>{ shown_name }</button>
            </th>
            <td class="cohort-compare">
                if cohort.counterpart(m).is_some() {
                    <button type="button" class="cohort-compare-button" onclick={on_compare}
                        aria-label={lang.cohort_compare_label(&who(lang, m))}>{ c.compare }</button>
                }
            </td>
        </>
    }
}

fn completeness(lang: Lang, m: &Member) -> Html {
    let (scored, total) = m.completeness();
    let complete = m.is_complete();
    html! {
        <td class={classes!("nowrap", "cohort-completeness", (!complete).then_some("is-incomplete"))}
            data-complete={complete.to_string()}>
            <span title={lang.cohort_completeness(scored, total)}>{ format!("{scored}/{total}") }</span>
            if !complete {
                { " " }<span class="cohort-incomplete-mark">{ lang.cohort_texts().incomplete }</span>
            }
        </td>
    }
}

/// `signers` holds each row's signer cell (name and standing), in the same order; `first_new`
/// goes on the name button of the row at its index.
pub fn results_table(
    lang: Lang,
    fw: &Framework,
    cohort: &Cohort,
    shown: &[&Member],
    signers: &[String],
    first_new: (usize, &NodeRef),
    dispatch: &Callback<Msg>,
) -> Html {
    let c = lang.cohort_texts();
    let t = lang.form_texts();
    let mut number = 0;
    let outcome_heads: Vec<Html> = fw
        .learning_outcomes()
        .map(|outcome| {
            number += 1;
            // The short id in the head keeps many columns readable; the full name is its label.
            let full =
                format!("{}: {}", super::outcome_label(lang, outcome, number), outcome.title);
            html! {
                <th scope="col" class="cohort-result" title={full.clone()} aria-label={full}>
                    { outcome.code.as_deref().unwrap_or(&outcome.id) }
                </th>
            }
        })
        .collect();
    let decisions = shown.iter().any(|m| m.decision.is_some());
    let d = lang.decision_texts();
    let decision_heads: Vec<Html> = if decisions {
        fw.learning_outcomes()
            .map(|outcome| {
                let code = outcome.code.as_deref().unwrap_or(&outcome.id);
                let full = format!("{}: {}", lang.decision_column(code), outcome.title);
                html! {
                    <th scope="col" class="cohort-decision" title={full.clone()} aria-label={full}>
                        { lang.decision_column(code) }
                    </th>
                }
            })
            .chain(std::iter::once(html! { <th scope="col">{ d.decided_by }</th> }))
            .collect()
    } else {
        Vec::new()
    };
    let decision_cells = |m: &Member| -> Html {
        if !decisions {
            return Html::default();
        }
        match &m.decision {
            Some(decision) => html! {
                <>
                    { for decision.results.iter().map(|r| html! {
                        <td class="cohort-decision" data-decision={r.as_str()}>{ lang.outcome_result(*r) }</td>
                    }) }
                    <td class="cohort-decided-by">{ &decision.examinator }</td>
                </>
            },
            None => html! {
                <>
                    { for fw.learning_outcomes().map(|_| html! {
                        <td class="cohort-decision" data-decision="none">
                            <span aria-hidden="true">{ "—" }</span>
                            <span class="visually-hidden">{ lang.decision_texts().none_short }</span>
                        </td>
                    }) }
                    <td></td>
                </>
            },
        }
    };
    html! {
        <>
            <p class="hint" id="cohort-table-hint">{ c.table_hint }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={c.table_caption}>
                <table class="cohort-table" aria-describedby="cohort-table-hint">
                    <caption>{ c.table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ c.student_name }</th>
                            <th scope="col">{ c.compare }</th>
                            <th scope="col">{ c.student_number }</th>
                            <th scope="col">{ c.organisation }</th>
                            <th scope="col">{ c.assessor }</th>
                            <th scope="col">{ lang.trusted_texts().signer_column }</th>
                            <th scope="col">{ lang.trusted_texts().fingerprint }</th>
                            <th scope="col">{ c.mode }</th>
                            <th scope="col">{ c.date }</th>
                            <th scope="col">{ c.completeness }</th>
                            { for outcome_heads }
                            <th scope="col" class="cohort-result">{ t.overall }</th>
                            { for decision_heads }
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().enumerate().map(|(i, m)| html! {
                            <tr data-record={m.record_id.clone()}>
                                { row_actions(lang, cohort, m, (i == first_new.0).then_some(first_new.1), dispatch) }
                                <td class="nowrap">{ &m.student_number }</td>
                                <td>{ &m.organisation }</td>
                                <td>{ &m.assessor_name }</td>
                                <td class="cohort-signer">{ signers.get(i).cloned().unwrap_or_default() }</td>
                                <td class="nowrap"><span class="key-fingerprint">{ m.fingerprint() }</span></td>
                                <td>{ lang.mode_label(m.mode) }</td>
                                <td class="nowrap">{ &m.date }</td>
                                { completeness(lang, m) }
                                { for m.outcomes.iter().map(|r| result_cell(lang, *r, false)) }
                                { result_cell(lang, m.overall, true) }
                                { decision_cells(m) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// A shade for a share: five steps, so a class can carry it (no style attributes under the
/// Content-Security-Policy).
fn heat(share: u32) -> &'static str {
    match share {
        0 => "heat-0",
        1..=25 => "heat-1",
        26..=50 => "heat-2",
        51..=75 => "heat-3",
        _ => "heat-4",
    }
}

pub fn heatmap(lang: Lang, fw: &Framework, tallies: &[Tally], records: usize) -> Html {
    let c = lang.cohort_texts();
    let t = lang.form_texts();
    let total = u32::try_from(records).unwrap_or(u32::MAX);
    let levels = [Score::High, Score::Good, Score::Present, Score::NotScored];
    let cell = |count: u32, key: &'static str| {
        let share = percent(count, total);
        html! {
            <td class={classes!("heat", heat(share))} data-score={key}>
                { format!("{count} ({share}%)") }
            </td>
        }
    };
    let n = lang.not_observed_texts();
    // A column of its own only where a record has any: most cohorts never use it.
    let any_not_observed = tallies.iter().any(|t| t.not_observed > 0);
    html! {
        <div class="card cohort-heatmap">
            <p class="hint" id="cohort-heatmap-hint">{ c.heatmap_hint }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={c.heatmap_caption}>
                <table class="heatmap-table" aria-describedby="cohort-heatmap-hint">
                    <caption>{ c.heatmap_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ c.indicator }</th>
                            { for levels.iter().map(|s| html! {
                                <th scope="col">{ if s.is_scored() { s.symbol() } else { t.open_count } }</th>
                            }) }
                            if any_not_observed {
                                <th scope="col">{ n.result }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        { for fw.indicators().zip(tallies).map(|(indicator, tally)| html! {
                            <tr data-indicator={indicator.id.to_string()}>
                                <th scope="row" lang={fw.language.clone()}>
                                    <span class="heatmap-id">{ &*indicator.id }</span>{ " " }{ &*indicator.text }
                                </th>
                                { for levels.iter().map(|s| cell(tally.count(*s), s.key())) }
                                if any_not_observed {
                                    { cell(tally.not_observed, "not-observed") }
                                }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
