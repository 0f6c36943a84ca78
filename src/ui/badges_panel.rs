//! Issuing the deelcertificaten of a signed decision: the hogeschool's name, then per learning
//! outcome *behaald* its badge as `.json` and as baked `.svg`, or all files at once.

use super::issuer_fields::IssuerFields;
use yew::prelude::*;

use crate::core::app::badges::{current, BadgesMsg, BadgesState, Issued};
use crate::core::app::{Model, Msg};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct BadgesPanelProps {
    pub lang: Lang,
    pub state: BadgesState,
    /// The badges of the decision signed now, if issued.
    pub issued: Option<Issued>,
    pub student: String,
    pub dispatch: Callback<Msg>,
}

/// The issued badges of the model's signed decision, for the panel's `issued`.
pub fn issued_now(model: &Model) -> Option<Issued> {
    current(model).cloned()
}

#[function_component]
pub fn BadgesPanel(props: &BadgesPanelProps) -> Html {
    let lang = props.lang;
    let b = lang.badges_texts();
    let send = |msg: BadgesMsg| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Badges(msg.clone())))
    };
    let list = props.issued.as_ref().map(|issued| {
        html! {
            <>
                <h4 id="badges-issued-heading">{ b.issued }</h4>
                <ul class="badges-list" aria-labelledby="badges-issued-heading">
                    { for issued.badges.iter().enumerate().map(|(index, badge)| html! {
                        <li class="badge-item">
                            <span class="badge-outcome">
                                <strong>{ &badge.outcome_code }</strong>{ " " }{ &badge.outcome_title }
                            </span>
                            <span class="actions">
                                <button type="button" class="badge-json"
                                    aria-label={format!("{} {}", b.json, badge.outcome_code)}
                                    onclick={send(BadgesMsg::Download { index, svg: false })}>{ b.json }</button>
                                <button type="button" class="badge-svg"
                                    aria-label={format!("{} {}", b.svg, badge.outcome_code)}
                                    onclick={send(BadgesMsg::Download { index, svg: true })}>{ b.svg }</button>
                            </span>
                        </li>
                    }) }
                </ul>
                <div class="actions">
                    <button type="button" class="primary badges-all" onclick={send(BadgesMsg::DownloadAll)}>{ b.all }</button>
                </div>
            </>
        }
    });
    let ready = props.issued.as_ref().map(|i| lang.badges_ready(i.badges.len(), &props.student));
    html! {
        <section class="card badges-panel" aria-labelledby="badges-heading">
            <h3 id="badges-heading">{ b.heading }</h3>
            <p>{ b.intro }</p>
            <IssuerFields {lang} state={props.state.clone()} dispatch={props.dispatch.clone()} />
            if let Some(problem) = &props.state.problem {
                <p class="notice notice-error badges-problem" role="alert">{ lang.badges_problem(problem) }</p>
            }
            if props.state.download_failed {
                <p class="notice notice-error" role="alert">{ b.download_failed }</p>
            }
            <div class="actions">
                <button type="button" class="badges-issue" onclick={send(BadgesMsg::Issue)}>{ b.issue }</button>
            </div>
            <p role="status">{ ready.unwrap_or_default() }</p>
            { list.unwrap_or_default() }
        </section>
    }
}
