//! What the hogeschool's page (hogeschool.html, the `hogeschool` feature) shows: checking,
//! comparing, the cohort, the examinator's decision, and the library, which both pages show. A new view of the hogeschool's gets its arm here (and its place in
//! `core::app::pages`); this match names every view, so the compiler asks for it.

use yew::prelude::*;

use super::cohort_view::CohortView;
use super::compare_view::CompareView;
use super::decide_view::DecideView;
use super::invite_view::InviteView;
use super::library_view::library_page;
use super::verify_view::VerifyView;
use crate::core::app::{Model, Msg, View};
use crate::core::framework::source::FrameworkSource;

/// The page's main content for the model's view; nothing for a view of the form's page, which
/// `App` opens there.
pub fn content(m: &Model, dispatch: &Callback<Msg>) -> Html {
    let lang = m.lang;
    match m.view {
        View::Verify => html! {
            <main id="main" class="content">
                <VerifyView {lang} state={m.review.verify.clone()} zone={m.zone.clone()} trusted={m.trusted.clone()} trusted_signer={m.key.for_hogeschool(&m.trusted.docent)} badges={crate::core::app::badges::shown(m)} issued_badges={super::badges_panel::issued_now(m)} dispatch={dispatch.clone()} />
            </main>
        },
        View::Compare => html! {
            <main id="main" class="content">
                <CompareView {lang} state={m.review.compare.clone()} library={m.library.clone()} dispatch={dispatch.clone()} />
            </main>
        },
        View::Cohort => html! {
            <main id="main" class="content">
                <CohortView {lang} state={m.review.cohort.clone()} trusted={m.trusted.clone()} badges={crate::core::app::badges::shown(m)} plan={crate::core::app::cohort_badges::model_plan(m)} dispatch={dispatch.clone()} />
            </main>
        },
        View::Invite => html! {
            <main id="main" class="content">
                <InviteView {lang} framework={m.framework.framework().clone()} from_file={matches!(m.source, FrameworkSource::File(_))} state={m.invite.clone()} sent={m.sent_invitations.clone()} zone={m.zone.clone()} signer={m.key.for_hogeschool(&m.invite.docent_name)} dispatch={dispatch.clone()} />
            </main>
        },
        View::Decide => html! {
            <main id="main" class="content">
                <DecideView {lang} state={m.decide.clone()} signer={m.key.for_hogeschool(m.decide.examinator())} can_share={m.can_share} badges={crate::core::app::badges::shown(m)} issued_badges={super::badges_panel::issued_now(m)} dispatch={dispatch.clone()} />
            </main>
        },
        // With the framework panel, as on the form's page: a framework loaded from a file here is
        // one the verify, compare and invite views then know. (It lives in this page's memory
        // only: an assessment started in it opens in the form, which does not have it.)
        View::Library => library_page(m, dispatch),
        View::Assess => Html::default(),
    }
}
