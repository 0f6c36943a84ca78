//! Embedding and other frameworks: the settings a link carries, and loading a framework from an
//! address or a file.

use crate::core::embed::link_config::{Param, Reason, UrlProblem};
use crate::core::framework::source::LoadFailure;
use crate::core::framework::MAX_FRAMEWORK_BYTES;

use super::Lang;

texts! { EmbedTexts, EMBED_NL, EMBED_EN {
    link_heading: "Niet alle instellingen uit de link zijn gebruikt", "Not every setting in the link was used";
    link_intro: "Dit is genegeerd; de app werkt zonder.", "This was ignored; the app works without it.";
    reason_duplicate: "staat meer dan eens in de link", "appears more than once in the link";
    reason_encoding: "heeft een ongeldige %-codering", "has invalid %-encoding";
    reason_not_utf8: "is geen geldige UTF-8-tekst", "is not valid UTF-8 text";
    expect_mode: "moet self of assessor zijn", "must be self or assessor";
    expect_lang: "moet nl of en zijn", "must be nl or en";
    expect_student: "mag alleen letters, cijfers en koppeltekens bevatten", "may only contain letters, digits and hyphens";
    expect_origin: "moet een herkomst zijn als https://lms.hogeschool.nl (zonder pad, niet *; http alleen voor localhost)",
        "must be an origin such as https://lms.school.nl (no path, not *; http only for localhost)";
    expect_framework: "moet een https-adres zijn, of een pad op deze server", "must be an https address, or a path on this server";
    expect_instruction: "mag alleen gewone tekst zijn: geen < of > en geen regeleinden", "may only be plain text: no < or > and no line breaks";
    framework_loading: "Beoordelingskader laden…", "Loading the framework…";
    // Also written in index.html, hogeschool.html and src/web/boot-status.js, which show them
    // before the app's code has arrived (a test holds them to these).
    form_loading: "Het formulier wordt geladen…", "Loading the form…";
    page_loading: "De pagina wordt geladen…", "Loading the page…";
    framework_url_failed: "Het beoordelingskader uit de link kon niet worden geladen. De app gebruikt het ingebouwde kader.",
        "The framework in the link could not be loaded. The app uses the built-in framework.";
    framework_url_kept: "Het beoordelingskader uit de link gaf geen antwoord (geen verbinding?). De app gebruikt de kopie die deze browser bewaarde toen het de vorige keer werd geladen.",
        "The framework in the link gave no answer (no connection?). The app uses the copy this browser kept when it last loaded.";
    framework_heading: "Beoordelingskader", "Framework";
    framework_intro: "Een ander kader geldt voor deze sessie. Beoordelingen van een ander kader blijven bewaard.",
        "Another framework applies to this session. Assessments of another framework stay saved.";
    framework_built_in: "ingebouwd", "built in";
    framework_from_link: "uit de link", "from the link";
    framework_from_file: "uit een bestand", "from a file";
    framework_choose: "Kader uit bestand laden", "Load a framework from a file";
    framework_use_built_in: "Ingebouwd kader gebruiken", "Use the built-in framework";
    framework_export_case: "Exporteren als CASE", "Export as CASE";
    framework_export_case_help: "Het kader als 1EdTech CASE 1.1-pakket (JSON), voor andere systemen. De app laadt zo'n pakket ook weer als kader.",
        "The framework as a 1EdTech CASE 1.1 package (JSON), for other systems. The app also loads such a package as a framework.";
    framework_export_case_failed: "Het CASE-bestand is niet gedownload. Probeer het opnieuw.", "The CASE file was not downloaded. Try again.";
    framework_file_failed: "Dit bestand is niet geladen; het kader blijft zoals het was.", "This file was not loaded; the framework stays as it was.";
    fetch_network: "geen antwoord, of ophalen is niet toegestaan (CORS of Content-Security-Policy)",
        "no answer, or fetching is not allowed (CORS or Content-Security-Policy)";
    fetch_timeout: "de server antwoordde niet op tijd", "the server did not answer in time";
    not_utf8: "het bestand is geen UTF-8-tekst", "the file is not UTF-8 text";
    not_a_framework: "het bestand is geen geldig beoordelingskader", "the file is not a valid framework";
    not_fetched: "het kader is op dit apparaat nog niet opgehaald", "the framework has not been fetched on this device yet";
    not_the_file: "de server gaf een ander bestand dan het kader van deze versie van de app",
        "the server sent another file than the framework of this version of the app";
}}

impl Lang {
    pub fn embed_texts(self) -> &'static EmbedTexts {
        match self {
            Lang::Nl => &EMBED_NL,
            Lang::En => &EMBED_EN,
        }
    }

    /// Why a value in the link was not used; the page shows the parameter's name before it.
    pub fn url_problem(self, problem: &UrlProblem) -> String {
        let t = self.embed_texts();
        match (problem.reason, self) {
            (Reason::Duplicate, _) => t.reason_duplicate.into(),
            (Reason::BadPercentEncoding, _) => t.reason_encoding.into(),
            (Reason::NotUtf8, _) => t.reason_not_utf8.into(),
            (Reason::TooLong { limit }, Lang::Nl) => format!("is langer dan {limit} tekens"),
            (Reason::TooLong { limit }, Lang::En) => format!("is longer than {limit} characters"),
            _ => match problem.param {
                Param::Mode => t.expect_mode.into(),
                Param::Lang => t.expect_lang.into(),
                Param::Student => t.expect_student.into(),
                Param::ParentOrigin => t.expect_origin.into(),
                Param::Framework => t.expect_framework.into(),
                Param::Instruction => t.expect_instruction.into(),
            },
        }
    }

    /// Why a framework was not loaded. The problems of an invalid one are listed apart.
    pub fn load_failure(self, failure: &LoadFailure) -> String {
        let t = self.embed_texts();
        let mb = MAX_FRAMEWORK_BYTES / (1024 * 1024);
        match (failure, self) {
            (LoadFailure::Network, _) => t.fetch_network.into(),
            (LoadFailure::Timeout, _) => t.fetch_timeout.into(),
            (LoadFailure::Status(status), Lang::Nl) => {
                format!("de server antwoordde met HTTP {status}")
            }
            (LoadFailure::Status(status), Lang::En) => {
                format!("the server answered with HTTP {status}")
            }
            (LoadFailure::TooLarge, Lang::Nl) => format!("het bestand is groter dan {mb} MB"),
            (LoadFailure::TooLarge, Lang::En) => format!("the file is larger than {mb} MB"),
            (LoadFailure::Unreadable, _) => self.texts().file_unreadable.into(),
            (LoadFailure::NotUtf8, _) => t.not_utf8.into(),
            (LoadFailure::Invalid(_), _) => t.not_a_framework.into(),
            (LoadFailure::NotFetched, _) => t.not_fetched.into(),
            (LoadFailure::NotTheFile, _) => t.not_the_file.into(),
        }
    }

    /// "… and 12 more", after the first problems of a long list.
    pub fn more_problems(self, n: usize) -> String {
        match self {
            Lang::Nl => format!("… en nog {n}"),
            Lang::En => format!("… and {n} more"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_says_what_the_app_says_while_it_loads() {
        // Shown before the app's code has arrived: the pages in Dutch, the script in English.
        let form = include_str!("../../index.html");
        let hogeschool = include_str!("../../hogeschool.html");
        let script = include_str!("../web/boot-status.js");
        assert!(form.contains(&format!(">{}</p>", EMBED_NL.form_loading)));
        assert!(hogeschool.contains(&format!(">{}</p>", EMBED_NL.page_loading)));
        for texts in [&EMBED_NL, &EMBED_EN] {
            for text in [texts.form_loading, texts.page_loading] {
                assert!(script.contains(&format!("\"{text}\"")), "{text} in boot-status.js");
            }
        }
    }

    #[test]
    fn every_link_problem_and_load_failure_is_explained_in_both_languages() {
        use crate::core::embed::link_config::parse;
        let (_, problems) =
            parse("mode=boss&lang=xx&framework=javascript:x&student=%3Cb%3E&parentOrigin=*");
        let (_, more) = parse("mode=%&lang=%FF&student=1&student=2&parentOrigin=https://a.nl:0");
        let too_long = parse(&format!("student={}", "1".repeat(40))).1;
        for problem in problems.iter().chain(&more).chain(&too_long) {
            let (nl, en) = (Lang::Nl.url_problem(problem), Lang::En.url_problem(problem));
            assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{problem:?}");
        }
        assert_eq!(problems.len() + more.len() + too_long.len(), 10);
        assert_eq!(Lang::En.url_problem(&too_long[0]), "is longer than 32 characters");
        let failures = [
            LoadFailure::Network,
            LoadFailure::Timeout,
            LoadFailure::Status(404),
            LoadFailure::TooLarge,
            LoadFailure::Unreadable,
            LoadFailure::NotUtf8,
            LoadFailure::Invalid(Vec::new()),
        ];
        for failure in &failures {
            assert_ne!(Lang::Nl.load_failure(failure), Lang::En.load_failure(failure));
        }
        assert_eq!(
            Lang::Nl.load_failure(&LoadFailure::Status(404)),
            "de server antwoordde met HTTP 404"
        );
        assert_eq!(Lang::En.load_failure(&LoadFailure::TooLarge), "the file is larger than 2 MB");
    }
}
