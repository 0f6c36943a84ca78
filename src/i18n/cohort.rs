//! The cohort overview: many records at once, filtered, as a table, a heat map and a CSV export.

use super::Lang;

texts! { CohortTexts, COHORT_NL, COHORT_EN {
    nav: "Cohortoverzicht", "Cohort overview";
    heading: "Cohortoverzicht", "Cohort overview";
    intro: "Open de ondertekende records van een groep studenten: zoveel als je wilt, gekozen of hierheen gesleept. Elk record wordt eerst gecontroleerd; alleen geldige records tellen mee. Alles blijft in deze browser.",
        "Open the signed records of a group of students: as many as you like, chosen or dropped here. Each record is verified first; only valid records count. Everything stays in this browser.";
    choose: "Records openen", "Open records";
    clear: "Overzicht leegmaken", "Clear the overview";
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
    table_hint: "Het resultaat volgens de resultaatregel; – betekent nog niet bepaald (niet alle indicatoren gescoord).",
        "The result under the result rule; – means not yet determined (not every indicator scored).";
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

    /// "25 records getoond"
    pub fn cohort_shown(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "1 record getoond".into(),
            (Lang::Nl, n) => format!("{n} records getoond"),
            (Lang::En, 1) => "1 record shown".into(),
            (Lang::En, n) => format!("{n} records shown"),
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
