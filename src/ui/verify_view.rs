use std::rc::Rc;

use web_sys::File;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::file_picker::FilePicker;
use super::record_view::RecordView;
use super::summary_panel::SummaryPanel;
use crate::core::aggregate::summarize;
use crate::core::assessment::Mode;
use crate::core::record::{
    verify_record_bytes, HashedFramework, RecordProblem, RecordReport, MAX_RECORD_BYTES,
};
use crate::core::signing_key::fingerprint;
use crate::i18n::{readable_time, Lang};
use crate::web::files::{self, ReadError};

#[derive(Properties, PartialEq)]
pub struct VerifyViewProps {
    pub lang: Lang,
    pub framework: Rc<HashedFramework>,
}

/// The outcome of checking one file.
#[derive(Clone, PartialEq)]
enum Checked {
    Nothing,
    Report { file_name: String, report: Rc<RecordReport> },
    Unreadable { file_name: String },
}

/// Opens a record file and says whether it is valid and why not, then shows it read-only.
#[function_component]
pub fn VerifyView(props: &VerifyViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let checked = use_state(|| Checked::Nothing);
    let on_file = {
        let checked = checked.clone();
        let framework = props.framework.clone();
        Callback::from(move |file: File| {
            let checked = checked.clone();
            let framework = framework.clone();
            spawn_local(async move {
                let file_name = file.name();
                checked.set(match files::read_bytes(&file, MAX_RECORD_BYTES).await {
                    Ok(bytes) => Checked::Report {
                        file_name,
                        report: Rc::new(verify_record_bytes(&bytes, &[&framework])),
                    },
                    // The core gives the same message for an oversized file as the CLI does.
                    Err(ReadError::TooLarge { bytes }) => Checked::Report {
                        file_name,
                        report: Rc::new(RecordReport {
                            problems: vec![RecordProblem::TooLarge {
                                bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                                limit: MAX_RECORD_BYTES,
                            }],
                            ..RecordReport::default()
                        }),
                    },
                    Err(ReadError::Unreadable) => Checked::Unreadable { file_name },
                });
            });
        })
    };

    let result = match &*checked {
        Checked::Nothing => Html::default(),
        Checked::Unreadable { file_name } => html! {
            <div class="verdict is-invalid" role="alert">
                <p class="verdict-file">{ file_name.clone() }</p>
                <p>{ t.file_unreadable }</p>
            </div>
        },
        Checked::Report { file_name, report } => {
            let valid = report.is_valid();
            let unknown_framework =
                report.problems.iter().any(|p| matches!(p, RecordProblem::UnknownFramework { .. }));
            let shown = report.assessment().filter(|_| report.framework.is_some()).map(Rc::new);
            html! {
                <>
                    <div class={classes!("verdict", if valid { "is-valid" } else { "is-invalid" })} role="status">
                        <p class="verdict-file">{ file_name.clone() }</p>
                        <p class="verdict-result">{ if valid { t.verify_valid } else { t.verify_invalid } }</p>
                        if valid {
                            <p>{ t.verify_valid_detail }</p>
                        } else {
                            if report.signature_valid() {
                                <p>{ t.verify_signature_ok }</p>
                            }
                            <h3>{ t.verify_reasons }</h3>
                            <ul class="verdict-reasons">
                                { for report.problems.iter().map(|p| html! { <li>{ lang.record_problem(p) }</li> }) }
                            </ul>
                        }
                        if report.record.is_some() || report.proof.is_some() {
                            <dl class="verdict-facts">
                                if let Some(record) = &report.record {
                                    <div>
                                        <dt>{ t.mode_legend }</dt>
                                        <dd class="verdict-mode">
                                            { lang.mode_label(record.mode) }
                                            if record.mode == Mode::SelfAssessment {
                                                { format!(": {}", lang.self_texts().signed_by_student) }
                                            }
                                        </dd>
                                    </div>
                                }
                                if let Some(proof) = &report.proof {
                                    <div>
                                        <dt>{ t.verify_signer }</dt>
                                        <dd>
                                            <span class="key-fingerprint">{ fingerprint(&proof.did) }</span>
                                            { " " }
                                            <code class="key-did">{ proof.did.clone() }</code>
                                        </dd>
                                    </div>
                                    if let Some(created) = &proof.created {
                                        <div>
                                            <dt>{ t.verify_created }</dt>
                                            <dd>{ format!("{} (UTC)", readable_time(created)) }</dd>
                                        </div>
                                    }
                                }
                            </dl>
                        }
                    </div>
                    if unknown_framework {
                        <p class="notice notice-warning">{ t.verify_unknown_framework }</p>
                    }
                    if let (Some(assessment), Some(framework)) = (shown, &report.framework) {
                        if !valid {
                            <p class="notice notice-warning">{ t.record_untrusted }</p>
                        }
                        <div class="layout verify-layout">
                            <div class="content">
                                <RecordView {lang} framework={framework.framework().clone()} assessment={assessment.clone()} />
                            </div>
                            <SummaryPanel
                                {lang}
                                framework={framework.framework().clone()}
                                summary={Rc::new(summarize(framework.framework(), &assessment))}
                                first_open={None::<Rc<str>>}
                                dock={false}
                            />
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <section class="verify-view" aria-labelledby="verify-heading">
            <div class="card">
                <h2 id="verify-heading">{ t.verify_heading }</h2>
                <p>{ t.verify_intro }</p>
                <FilePicker {lang} id="record-file" label={t.choose_file} on_file={on_file} />
            </div>
            { result }
        </section>
    }
}
