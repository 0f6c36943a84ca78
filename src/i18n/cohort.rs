//! The cohort overview: many records at once, filtered, as a table, a heat map and a CSV export.

use super::Lang;

texts! { CohortTexts, COHORT_NL, COHORT_EN {
    nav: "Cohortoverzicht", "Cohort overview";
    heading: "Cohortoverzicht", "Cohort overview";
    intro: "Open de ondertekende records van een groep studenten: zoveel als je wilt, gekozen of hierheen gesleept. Elk record wordt eerst gecontroleerd; alleen geldige records tellen mee. Alles blijft in deze browser: het cohort staat er na herladen nog, tot je het leegmaakt.",
        "Open the signed records of a group of students: as many as you like, chosen or dropped here. Each record is verified first; only valid records count. Everything stays in this browser: the cohort is still there after a reload, until you clear it.";
    choose: "Records openen", "Open records";
    clear: "Cohort leegmaken", "Clear the cohort";
    clear_question: "Het hele cohort uit deze browser verwijderen? De records en besluiten verdwijnen uit dit overzicht; de bestanden zelf, waar je ze vandaan haalde, blijven bestaan.",
        "Remove the whole cohort from this browser? The records and decisions leave this overview; the files themselves, where you took them from, stay as they are.";
    clear_confirm: "Ja, cohort leegmaken", "Yes, clear the cohort";
    cancel: "Annuleren", "Cancel";
    restoring: "Het bewaarde cohort wordt geladen…", "Loading the kept cohort…";
    not_kept: "Deze browser kan het cohort niet bewaren (de opslag is vol of uitgeschakeld). Het overzicht werkt wel zolang deze pagina open is; na herladen moet je de records opnieuw openen.",
        "This browser cannot keep the cohort (its storage is full or turned off). The overview works as long as this page is open; after a reload you have to open the records again.";
    clear_failed: "Het overzicht is leeg, maar de bewaarde kopie kon niet uit deze browser worden verwijderd: na herladen komt het cohort terug. Kies dan opnieuw Cohort leegmaken.",
        "The overview is empty, but the kept copy could not be removed from this browser: after a reload the cohort comes back. Then choose Clear the cohort again.";
    completeness: "Gescoord", "Scored";
    incomplete: "onvolledig", "incomplete";
    scored: "Indicatoren gescoord", "Indicators scored";
    indicator_total: "Indicatoren totaal", "Indicators in total";
    compare: "Vergelijken", "Compare";
    none_yet: "Nog geen records geopend.", "No records opened yet.";
    rejected_heading: "Niet meegenomen", "Left out";
    unreadable: "het bestand kon niet worden gelezen", "the file could not be read";
    framework: "Beoordelingskader", "Framework";
    filters: "Filteren", "Filter";
    mode: "Modus", "Mode";
    organisation: "Organisatie", "Organisation";
    assessor: "Beoordelaar", "Assessor";
    all: "Alle", "All";
    no_value: "(niet ingevuld)", "(not filled in)";
    none_shown: "Geen records bij deze filters.", "No records match these filters.";
    table_caption: "Resultaat per student en leeruitkomst", "Result per student and learning outcome";
    table_hint: "Het resultaat volgens de resultaatregel; – betekent nog niet bepaald (niet alle indicatoren gescoord). Kies een naam om het hele record te openen. Vergelijken zet de zelfbeoordeling en de beoordeling van dezelfde student naast elkaar.",
        "The result under the result rule; – means not yet determined (not every indicator scored). Choose a name to open the whole record. Compare sets the self-assessment and the assessment of the same student side by side.";
    student_name: "Naam student", "Student name";
    student_number: "Studentnummer", "Student number";
    date: "Datum", "Date";
    heatmap_caption: "Verdeling van de scores per gedragsindicator", "Distribution of the scores per behaviour indicator";
    heatmap_hint: "Per indicator hoeveel records elke score geven, met het aandeel: hoe donkerder de cel, hoe groter het aandeel.",
        "For each indicator how many records give each score, with the share: the darker the cell, the larger the share.";
    indicator: "Gedragsindicator", "Behaviour indicator";
    csv_heading: "Exporteren voor het cijferregistratiesysteem", "Export for the gradebook";
    csv_hint: "Een CSV-bestand met één rij per getoond record. De kolommen per leeruitkomst en het totaal bevatten de waarde van het resultaat: □ = 1, + = 2, ++ = 3, leeg als het nog niet bepaald is. UTF-8 met BOM.",
        "A CSV file with one row per record shown. The columns per learning outcome and the overall one hold the value of the result: □ = 1, + = 2, ++ = 3, empty while not determined. UTF-8 with BOM.";
    separator: "Scheidingsteken", "Separator";
    semicolon: "Puntkomma (;), voor Nederlandse Excel", "Semicolon (;), for Dutch Excel";
    comma: "Komma (,), voor Engelstalige software", "Comma (,), for English-language software";
    download: "CSV downloaden", "Download CSV";
}}

impl Lang {
    pub fn cohort_texts(self) -> &'static CohortTexts {
        match self {
            Lang::Nl => &COHORT_NL,
            Lang::En => &COHORT_EN,
        }
    }

    /// "120 van 500 bestanden gecontroleerd"
    pub fn cohort_progress(self, done: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("{done} van {total} bestanden gecontroleerd"),
            Lang::En => format!("{done} of {total} files verified"),
        }
    }

    /// "480 records meegenomen; 20 bestanden niet"
    pub fn cohort_counts(self, taken: usize, left_out: usize) -> String {
        let (record, file) = match (self, taken == 1, left_out == 1) {
            (Lang::Nl, one_record, one_file) => (
                if one_record { "record" } else { "records" },
                if one_file { "bestand" } else { "bestanden" },
            ),
            (Lang::En, one_record, one_file) => (
                if one_record { "record" } else { "records" },
                if one_file { "file" } else { "files" },
            ),
        };
        match self {
            Lang::Nl => format!("{taken} {record} meegenomen; {left_out} {file} niet"),
            Lang::En => format!("{taken} {record} taken in; {left_out} {file} left out"),
        }
    }

    /// The name of a row's button that opens its record: the student, then what it does.
    pub fn cohort_open_label(self, student: &str) -> String {
        match self {
            Lang::Nl => format!("{student}: record openen"),
            Lang::En => format!("{student}: open the record"),
        }
    }

    /// The name of a row's *Vergelijken*: which student's two records.
    pub fn cohort_compare_label(self, student: &str) -> String {
        match self {
            Lang::Nl => format!("Vergelijken: zelfbeoordeling en beoordeling van {student}"),
            Lang::En => format!("Compare: self-assessment and assessment of {student}"),
        }
    }

    /// "40/42", read out as "40 van 42 indicatoren gescoord".
    pub fn cohort_completeness(self, scored: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("{scored} van {total} indicatoren gescoord"),
            Lang::En => format!("{scored} of {total} indicators scored"),
        }
    }

    /// "25 records getoond"
    pub fn cohort_shown(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "1 record getoond".into(),
            (Lang::Nl, n) => format!("{n} records getoond"),
            (Lang::En, 1) => "1 record shown".into(),
            (Lang::En, n) => format!("{n} records shown"),
        }
    }

    /// The table draws a page of rows at a time (`core::app::review::TABLE_PAGE`).
    pub fn cohort_in_table(self, drawn: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("De tabel toont de eerste {drawn} van {total} records; de verdeling en het CSV-bestand tellen ze alle {total}."),
            Lang::En => format!("The table shows the first {drawn} of {total} records; the distribution and the CSV file count all {total}."),
        }
    }

    /// The button that draws the next page of rows.
    pub fn cohort_more(self, next: usize) -> String {
        match (self, next) {
            (Lang::Nl, 1) => "Toon het volgende record".into(),
            (Lang::Nl, n) => format!("Toon de volgende {n} records"),
            (Lang::En, 1) => "Show the next record".into(),
            (Lang::En, n) => format!("Show the next {n} records"),
        }
    }

    /// Students with more than one record among those shown.
    pub fn cohort_repeated(self, n: usize) -> String {
        match self {
            Lang::Nl => format!("{n} keer staat een studentnummer er al eerder bij, bijvoorbeeld een zelfbeoordeling naast een beoordeling; elk record is een eigen rij."),
            Lang::En => format!("{n} times a student number appears again, for instance a self-assessment beside an assessment; each record is a row of its own."),
        }
    }

    /// Why a file is not in the cohort.
    pub fn cohort_reason(self, reason: &crate::core::review::cohort::Reason) -> String {
        use crate::core::review::cohort::Reason;
        match reason {
            Reason::Unreadable => self.cohort_texts().unreadable.to_string(),
            Reason::Invalid(problems) => {
                problems.iter().map(|p| self.record_problem(p)).collect::<Vec<_>>().join("; ")
            }
            Reason::Copy { of } => match self {
                Lang::Nl => format!("hetzelfde record als {of}, dat al is meegenomen"),
                Lang::En => format!("the same record as {of}, which is already taken in"),
            },
            Reason::Decision(rejection) => self.decision_rejected(rejection),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohort_counts_say_one_and_many() {
        assert_eq!(Lang::Nl.cohort_counts(3, 1), "3 records meegenomen; 1 bestand niet");
        assert_eq!(Lang::Nl.cohort_counts(1, 0), "1 record meegenomen; 0 bestanden niet");
        assert_eq!(Lang::En.cohort_counts(1, 2), "1 record taken in; 2 files left out");
    }
}
