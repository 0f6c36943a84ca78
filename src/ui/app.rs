//! The page: the app's model, started from what the browser kept, and the view it shows.

use std::cell::RefCell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::assess_view::assess_view;
use super::cohort_view::CohortView;
use super::compare_view::CompareView;
use super::decide_view::DecideView;
use super::framework_panel::framework_panel;
use super::invitation_banner::InvitationBanner;
use super::invite_view::InviteView;
use super::library_view::LibraryView;
use super::link_notices::link_notices;
use super::load_failure::load_failure_text;
use super::notices::Notices;
use super::page_header::PageHeader;
use super::verify_view::VerifyView;
use crate::core::app::{Model, Msg, View};
use crate::core::framework::source::LoadFailure;
use crate::web::link::{self, Link};
use crate::web::runner::dispatcher;
use crate::web::startup;

/// Until the browser's stores are read (and a framework a link names has arrived or failed),
/// the page says it is busy; then the app runs on its model.
#[function_component]
pub fn App() -> Html {
    let link: Rc<Link> = (*use_memo((), |_| {
        let link = link::get();
        startup::keep_link_lang(&link);
        link
    }))
    .clone();
    let booted = use_state(|| None::<Result<Rc<RefCell<Model>>, Rc<LoadFailure>>>);
    {
        let booted = booted.clone();
        let link = link.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let model = startup::boot(&link).await;
                booted.set(Some(model.map(|m| Rc::new(RefCell::new(m))).map_err(Rc::new)));
            });
        });
    }
    match &*booted {
        Some(Ok(model)) => html! { <Page model={model.clone()} link={link.clone()} /> },
        Some(Err(error)) => {
            let lang = startup::saved_lang(&link);
            html! {
                <div class="app" lang={lang.code()}>
                    <div class="notice notice-error" role="alert">
                        <h1>{ lang.texts().framework_error }</h1>
                        { load_failure_text(lang, error) }
                    </div>
                </div>
            }
        }
        None => {
            let lang = startup::saved_lang(&link);
            html! {
                <div class="app" aria-busy="true" lang={lang.code()}>
                    if link.config.framework.is_some() {
                        <p class="loading" role="status">{ lang.embed_texts().framework_loading }</p>
                    }
                </div>
            }
        }
    }
}

#[derive(Properties)]
struct PageProps {
    model: Rc<RefCell<Model>>,
    link: Rc<Link>,
}

/// Both are made once and never replaced, so identity says all.
impl PartialEq for PageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model) && Rc::ptr_eq(&self.link, &other.link)
    }
}

#[function_component]
fn Page(props: &PageProps) -> Html {
    let redraw = use_force_update();
    let dispatch = (*use_memo((), {
        let model = props.model.clone();
        move |_| dispatcher(model, Callback::from(move |()| redraw.force_update()))
    }))
    .clone();
    {
        let dispatch = dispatch.clone();
        let parent_origin = props.link.config.parent_origin.clone();
        use_effect_with((), move |_| {
            crate::web::invitation::start(&dispatch);
            let hash = crate::web::invitation::on_hash_change(dispatch.clone());
            let listener = startup::connect(dispatch, parent_origin.as_deref());
            move || {
                drop(listener);
                drop(hash);
            }
        });
    }
    let m = props.model.borrow();
    let lang = m.lang;
    let t = lang.texts();
    let hashed = &m.framework;
    let framework = hashed.framework();
    let content = match m.view {
        View::Library => html! {
            <main id="main" class="content">
                <LibraryView
                    {lang}
                    framework={framework.clone()}
                    library={m.library.clone()}
                    open_id={m.open.id.clone()}
                    utc_offset={m.utc_offset}
                    dispatch={dispatch.clone()}
                />
                { framework_panel(&m, &dispatch) }
            </main>
        },
        View::Verify => html! {
            <main id="main" class="content">
                <VerifyView {lang} state={m.review.verify.clone()} utc_offset={m.utc_offset} trusted={m.trusted.clone()} dispatch={dispatch.clone()} />
            </main>
        },
        View::Compare => html! {
            <main id="main" class="content">
                <CompareView {lang} state={m.review.compare.clone()} library={m.library.clone()} dispatch={dispatch.clone()} />
            </main>
        },
        View::Cohort => html! {
            <main id="main" class="content">
                <CohortView {lang} state={m.review.cohort.clone()} trusted={m.trusted.clone()} dispatch={dispatch.clone()} />
            </main>
        },
        View::Invite => html! {
            <main id="main" class="content">
                <InviteView {lang} framework={framework.clone()} state={m.invite.clone()} sent={m.sent_invitations.clone()} utc_offset={m.utc_offset} dispatch={dispatch.clone()} />
            </main>
        },
        View::Decide => html! {
            <main id="main" class="content">
                <DecideView {lang} state={m.decide.clone()} key_status={m.key.status.clone()} can_share={m.can_share} dispatch={dispatch.clone()} />
            </main>
        },
        View::Assess => assess_view(&m, &dispatch),
    };
    html! {
        <div class="app" lang={lang.code()}>
            if m.view == View::Assess {
                <a class="skip-link" href="#summary">{ t.skip_to_summary }</a>
            }
            <PageHeader {lang} framework={framework.clone()} on_lang={dispatch.reform(Msg::SetLang)} view={m.view} on_view={dispatch.reform(Msg::Show)} />
            <Notices {lang} storage={m.storage} error={m.error.clone()} dispatch={dispatch.clone()} />
            if let Some(notice) = &m.invitation_notice {
                <InvitationBanner {lang} notice={notice.clone()} framework={AttrValue::from(framework.title.clone())} utc_offset={m.utc_offset} dispatch={dispatch.clone()} />
            }
            if !m.link_dismissed {
                { link_notices(lang, &props.link, m.link_failure.as_deref(), &dispatch) }
            }
            { content }
            <footer class="page-footer">
                <p lang={framework.language.clone()}>
                    { format!("{}: {}, {} ({}).", t.source, framework.source.title, framework.source.publisher, framework.source.date) }
                </p>
                <p lang={framework.language.clone()}>{ format!("{}: {}.", t.scale_heading, framework.scale.source) }</p>
            </footer>
        </div>
    }
}
