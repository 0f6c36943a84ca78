use std::rc::Rc;

use web_sys::{File, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::file_picker::FilePicker;
use crate::core::assessment::aggregate::Tally;
use crate::core::assessment::Mode;
use crate::core::framework::catalogue::with_built_ins;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;
use crate::core::record::{RecordProblem, MAX_RECORD_BYTES};
use crate::core::review::cohort::{
    distribution, percent, repeated_students, rows, to_csv, Cohort, CsvLabels, Filter, Member,
    Reason, Separator,
};
use crate::i18n::Lang;
use crate::web::files::{self, ReadError};
use crate::web::{clock, download};

#[derive(Properties, PartialEq)]
pub struct CohortViewProps {
    pub lang: Lang,
    /// The framework in use; records of it and of every built-in one are taken in.
    pub framework: Rc<HashedFramework>,
    /// Held by the app, so that the records stay when the user looks at another view, and a
    /// batch still being read finishes there.
    pub cohort: UseStateHandle<Rc<Cohort>>,
    /// Files verified so far and in all, while a batch is being read.
    pub progress: UseStateHandle<Option<(usize, usize)>>,
}

/// How many files are read and verified before the page shows how far it is.
const PROGRESS_EVERY: usize = 25;

/// What the filters are set to. Values, not indexes: the choices change as records come in.
#[derive(Clone, Debug, Default, PartialEq)]
struct Chosen {
    /// The framework's SHA-256; none chosen means the one with the most records.
    framework: Option<String>,
    mode: Option<Mode>,
    organisation: Option<String>,
    assessor: Option<String>,
}

/// The value of a `<select>` that changed.
fn selected(e: &Event) -> Option<String> {
    e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value())
}

/// Many signed records at once: each verified, the valid ones in a table of students and
/// learning outcomes and a distribution per indicator, filtered by mode, organisation and
/// assessor, and exported as CSV for a gradebook.
#[function_component]
pub fn CohortView(props: &CohortViewProps) -> Html {
    let lang = props.lang;
    let c = lang.cohort_texts();
    let cohort = props.cohort.clone();
    let progress = props.progress.clone();
    let chosen = use_state(Chosen::default);
    let separator = use_state(move || match lang {
        Lang::Nl => Separator::Semicolon,
        Lang::En => Separator::Comma,
    });
    let failed = use_state(|| false);

    let on_files = {
        let cohort = cohort.clone();
        let progress = progress.clone();
        let active = props.framework.clone();
        Callback::from(move |chosen_files: Vec<File>| {
            let cohort = cohort.clone();
            let progress = progress.clone();
            let frameworks = with_built_ins(&active);
            // Files come on top of those already taken in.
            let mut working = (**cohort).clone();
            spawn_local(async move {
                let known: Vec<&HashedFramework> = frameworks.iter().collect();
                let total = chosen_files.len();
                progress.set(Some((0, total)));
                for (n, file) in chosen_files.iter().enumerate() {
                    // Reading is asynchronous, so the page stays responsive between files.
                    match files::read_bytes(file, MAX_RECORD_BYTES).await {
                        Ok(bytes) => working.add(&file.name(), Some(&bytes), &known),
                        // Said as the verify view says it, not as an unreadable file.
                        Err(ReadError::TooLarge { bytes }) => working.reject(
                            &file.name(),
                            Reason::Invalid(vec![RecordProblem::TooLarge {
                                bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                                limit: MAX_RECORD_BYTES,
                            }]),
                        ),
                        Err(ReadError::Unreadable) => working.add(&file.name(), None, &known),
                    }
                    if (n + 1) % PROGRESS_EVERY == 0 {
                        progress.set(Some((n + 1, total)));
                    }
                }
                cohort.set(Rc::new(working));
                progress.set(None);
            });
        })
    };
    let on_clear = {
        let cohort = cohort.clone();
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| {
            cohort.set(Rc::new(Cohort::default()));
            chosen.set(Chosen::default());
        })
    };

    let busy = progress.is_some();
    let counts = cohort.framework_counts();
    // The chosen framework, while it still has records; else the one with the most.
    let framework = chosen
        .framework
        .as_deref()
        .and_then(|sha| cohort.framework(sha))
        .or_else(|| counts.first().map(|(f, _)| *f));

    let status = match *progress {
        Some((done, total)) => lang.cohort_progress(done, total),
        None if cohort.members.is_empty() && cohort.rejected.is_empty() => c.none_yet.to_string(),
        None => lang.cohort_counts(cohort.members.len(), cohort.rejected.len()),
    };

    html! {
        <section class="cohort" aria-labelledby="cohort-heading">
            <div class="card">
                <h2 id="cohort-heading">{ c.heading }</h2>
                <p>{ c.intro }</p>
                <FilePicker
                    {lang}
                    id="cohort-files"
                    label={c.choose}
                    on_file={Callback::noop()}
                    on_files={Some(on_files)}
                    disabled={busy}
                />
                <p class="cohort-status" role="status" aria-live="polite">{ status }</p>
                if !cohort.members.is_empty() || !cohort.rejected.is_empty() {
                    <div class="actions">
                        <button type="button" class="cohort-clear" onclick={on_clear} disabled={busy}>{ c.clear }</button>
                    </div>
                }
            </div>
            if !cohort.rejected.is_empty() {
                <details class="card cohort-rejected" open=true>
                    <summary>{ format!("{} ({})", c.rejected_heading, cohort.rejected.len()) }</summary>
                    <ul>
                        { for cohort.rejected.iter().map(|r| html! {
                            <li>
                                <span class="cohort-file">{ &r.file_name }</span>
                                { ": " }
                                <span class="cohort-reason">{ lang.cohort_reason(&r.reason) }</span>
                            </li>
                        }) }
                    </ul>
                </details>
            }
            if let Some(framework) = framework {
                { overview(lang, &cohort, framework, &counts, &chosen, &separator, &failed) }
            }
        </section>
    }
}

/// The filters, the table, the distribution and the export, for one framework's records.
fn overview(
    lang: Lang,
    cohort: &Rc<Cohort>,
    framework: &HashedFramework,
    counts: &[(&HashedFramework, usize)],
    chosen: &UseStateHandle<Chosen>,
    separator: &UseStateHandle<Separator>,
    failed: &UseStateHandle<bool>,
) -> Html {
    let c = lang.cohort_texts();
    let t = lang.texts();
    let fw = framework.framework();
    let filter = Filter {
        framework: framework.sha256().to_string(),
        mode: chosen.mode,
        organisation: chosen.organisation.clone(),
        assessor: chosen.assessor.clone(),
    };
    let shown = rows(cohort, &filter);
    let repeated = repeated_students(&shown);
    let (organisations, assessors) = cohort.choices(framework.sha256());

    let set = |change: fn(&mut Chosen, Option<String>)| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let mut next = (*chosen).clone();
            // The first option, "all", has no value.
            change(&mut next, selected(&e).filter(|v| !v.is_empty()).and_then(decode));
            chosen.set(next);
        })
    };
    let on_framework = set(|c, v| {
        // Another framework's records have other organisations and assessors.
        *c = Chosen { framework: v, ..Chosen::default() };
    });
    let on_mode = set(|c, v| c.mode = v.as_deref().and_then(Mode::from_key));
    let on_organisation = set(|c, v| c.organisation = v);
    let on_assessor = set(|c, v| c.assessor = v);

    // Values travel through the DOM with a prefix, so that an empty organisation differs from
    // "all".
    let option = |value: &str, current: Option<&str>, label: String| {
        html! {
            <option value={format!("={value}")} selected={current == Some(value)}>{ label }</option>
        }
    };
    let named = |value: &String| {
        if value.trim().is_empty() {
            c.no_value.to_string()
        } else {
            value.clone()
        }
    };

    let on_download = {
        // The file is made when asked for, not on every change of a filter.
        let (cohort, filter, framework) = (cohort.clone(), filter.clone(), framework.clone());
        let (separator, failed) = (**separator, failed.clone());
        Callback::from(move |_: MouseEvent| {
            let fw = framework.framework();
            let text = to_csv(fw, &rows(&cohort, &filter), separator, &csv_labels(lang));
            let name = format!("cohort-{}-{}.csv", fw.id, clock::today());
            failed.set(download::text_file(&name, "text/csv;charset=utf-8", &text).is_err());
        })
    };
    let separator_option = |value: Separator, id: &'static str, label: &'static str| {
        let onchange = {
            let separator = separator.clone();
            Callback::from(move |_: Event| separator.set(value))
        };
        html! {
            <div class="mode-option">
                <input type="radio" {id} name="cohort-separator" checked={**separator == value} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };

    html! {
        <>
            <div class="card cohort-filters">
                <h3>{ c.filters }</h3>
                <div class="fields">
                    if counts.len() > 1 {
                        <div class="field">
                            <label for="cohort-framework">{ c.framework }</label>
                            <select id="cohort-framework" onchange={on_framework}>
                                { for counts.iter().map(|(f, n)| {
                                    let sha = f.sha256();
                                    option(sha, Some(framework.sha256()), format!("{} {} ({n})", f.framework().title, f.framework().version))
                                }) }
                            </select>
                        </div>
                    }
                    <div class="field">
                        <label for="cohort-mode">{ c.mode }</label>
                        <select id="cohort-mode" onchange={on_mode}>
                            <option value="" selected={chosen.mode.is_none()}>{ c.all }</option>
                            { for Mode::ALL.into_iter().map(|m| option(m.key(), chosen.mode.map(Mode::key), lang.mode_label(m).to_string())) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="cohort-organisation">{ c.organisation }</label>
                        <select id="cohort-organisation" onchange={on_organisation}>
                            <option value="" selected={chosen.organisation.is_none()}>{ c.all }</option>
                            { for organisations.iter().map(|o| option(o, chosen.organisation.as_deref(), named(o))) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="cohort-assessor">{ c.assessor }</label>
                        <select id="cohort-assessor" onchange={on_assessor}>
                            <option value="" selected={chosen.assessor.is_none()}>{ c.all }</option>
                            { for assessors.iter().map(|a| option(a, chosen.assessor.as_deref(), named(a))) }
                        </select>
                    </div>
                </div>
                <p class="cohort-shown" role="status">{ lang.cohort_shown(shown.len()) }</p>
                if repeated > 0 {
                    <p class="hint cohort-repeated">{ lang.cohort_repeated(repeated) }</p>
                }
            </div>
            if shown.is_empty() {
                <p class="notice notice-info">{ c.none_shown }</p>
            } else {
                <div class="card cohort-export">
                    <h3>{ c.csv_heading }</h3>
                    <p class="hint">{ c.csv_hint }</p>
                    <fieldset class="mode">
                        <legend>{ c.separator }</legend>
                        { separator_option(Separator::Semicolon, "cohort-semicolon", c.semicolon) }
                        { separator_option(Separator::Comma, "cohort-comma", c.comma) }
                    </fieldset>
                    <div class="actions">
                        <button type="button" class="primary cohort-download" onclick={on_download}>{ c.download }</button>
                    </div>
                    if **failed {
                        <p class="notice notice-error" role="alert">{ t.download_failed }</p>
                    }
                </div>
                { results_table(lang, fw, &shown) }
                { heatmap(lang, fw, &distribution(fw, &shown), shown.len()) }
            }
        </>
    }
}

/// The CSV's headers and mode names in the interface's language.
fn csv_labels(lang: Lang) -> CsvLabels<'static> {
    let c = lang.cohort_texts();
    CsvLabels {
        student_number: c.student_number,
        student_name: c.student_name,
        organisation: c.organisation,
        assessor: c.assessor,
        mode: c.mode,
        date: c.date,
        overall: lang.texts().overall,
        mode_assessor: lang.mode_label(Mode::Assessor),
        mode_self: lang.mode_label(Mode::SelfAssessment),
    }
}

/// A filter value from the DOM, without its prefix.
fn decode(value: String) -> Option<String> {
    value.strip_prefix('=').map(str::to_string)
}

fn symbol(score: Score) -> &'static str {
    if score.is_scored() {
        score.symbol()
    } else {
        "–"
    }
}

fn results_table(lang: Lang, fw: &Framework, shown: &[&Member]) -> Html {
    let c = lang.cohort_texts();
    let t = lang.texts();
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
    html! {
        <div class="card cohort-results">
            <p class="hint" id="cohort-table-hint">{ c.table_hint }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={c.table_caption}>
                <table class="cohort-table" aria-describedby="cohort-table-hint">
                    <caption>{ c.table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ c.student_name }</th>
                            <th scope="col">{ c.student_number }</th>
                            <th scope="col">{ c.organisation }</th>
                            <th scope="col">{ c.assessor }</th>
                            <th scope="col">{ c.mode }</th>
                            <th scope="col">{ c.date }</th>
                            { for outcome_heads }
                            <th scope="col" class="cohort-result">{ t.overall }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().map(|m| html! {
                            <tr data-record={m.record_id.clone()}>
                                <th scope="row">{ if m.student_name.trim().is_empty() { c.no_value.to_string() } else { m.student_name.clone() } }</th>
                                <td class="nowrap">{ &m.student_number }</td>
                                <td>{ &m.organisation }</td>
                                <td>{ &m.assessor_name }</td>
                                <td>{ lang.mode_label(m.mode) }</td>
                                <td class="nowrap">{ &m.date }</td>
                                { for m.outcomes.iter().map(|s| html! { <td class="cohort-result" data-result={s.key()}>{ symbol(*s) }</td> }) }
                                <td class="cohort-result cohort-overall" data-result={m.overall.key()}>{ symbol(m.overall) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
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

fn heatmap(lang: Lang, fw: &Framework, tallies: &[Tally], records: usize) -> Html {
    let c = lang.cohort_texts();
    let t = lang.texts();
    let total = u32::try_from(records).unwrap_or(u32::MAX);
    let levels = [Score::High, Score::Good, Score::Present, Score::NotScored];
    let cell = |tally: &Tally, score: Score| {
        let count = tally.count(score);
        let share = percent(count, total);
        html! {
            <td class={classes!("heat", heat(share))} data-score={score.key()}>
                { format!("{count} ({share}%)") }
            </td>
        }
    };
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
                        </tr>
                    </thead>
                    <tbody>
                        { for fw.indicators().zip(tallies).map(|(indicator, tally)| html! {
                            <tr data-indicator={indicator.id.to_string()}>
                                <th scope="row" lang={fw.language.clone()}>
                                    <span class="heatmap-id">{ &*indicator.id }</span>{ " " }{ &*indicator.text }
                                </th>
                                { for levels.iter().map(|s| cell(tally, *s)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
