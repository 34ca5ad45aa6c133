"""Education: degree as written, normalized level, field, institution, dates."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.education import degree_level, extract_education
from parsers.sections import split_sections


def _rows(text: str, fields: str) -> list[object]:
    """The named fields of each entry read from text, as a tuple (a bare value when one field is named);
    "end_year" stands for the year of the end date."""
    names = fields.split()
    rows: list[object] = []
    for e in extract_education(text, split_sections(text)):
        row = tuple((e.end.year if e.end else None) if n == "end_year" else getattr(e, n) for n in names)
        rows.append(row if len(row) > 1 else row[0])
    return rows


@pytest.mark.parametrize(
    ("degree", "level"),
    [
        ("B.E.", "bachelor"),
        ("B.E", "bachelor"),
        ("B.Tech", "bachelor"),
        ("BSc", "bachelor"),
        ("BA (Hons)", "bachelor"),
        ("Bachelor of Science", "bachelor"),
        ("MBA", "master"),
        ("M.S.", "master"),
        ("MTech", "master"),
        ("Master's in Economics", "master"),
        ("PGDBM", "master"),
        ("PhD", "doctorate"),
        ("Ph.D.", "doctorate"),
        ("J.D.", "doctorate"),
        ("Associate of Applied Science", "associate"),
        ("Diploma in Mechanical Engineering", "associate"),
        ("HSC", "secondary"),
        ("SSC", "secondary"),
        ("12th", "secondary"),
        ("High School Diploma", "secondary"),
        ("High-school diploma in science", "secondary"),
        ("Senior Secondary", "secondary"),
        pytest.param("PG Diploma in Management", "master", id="pg-diploma"),
        # word processors write "Associate’s"
        pytest.param("Associate’s Degree", "associate", id="curly-apostrophe-associates"),
        # more degree abbreviations
        ("BSN", "bachelor"),
        ("B.S.N.", "bachelor"),
        ("MSN", "master"),
        ("ADN", "associate"),
        ("A.S.N.", "associate"),
        ("AAS", "associate"),
        ("DNP", "doctorate"),
        ("Pharm.D", "doctorate"),
        ("PharmD", "doctorate"),
        ("DPT", "doctorate"),
        ("D.V.M.", "doctorate"),
        ("DDS", "doctorate"),
        ("Sc.D.", "doctorate"),
        ("MFA", "master"),
        ("B.F.A.", "bachelor"),
        ("MPH", "master"),
        ("M.P.A.", "master"),
        ("MSW", "master"),
        ("M.S.Ed.", "master"),
        ("B.S.Ed.", "bachelor"),
        ("M.A.T.", "master"),
        ("M.Eng", "master"),
        ("BEng", "bachelor"),
        ("BSEE", "bachelor"),
        ("MSCS", "master"),
        ("BSBA", "bachelor"),
        ("MAcc", "master"),
        ("BASc", "bachelor"),
        # degrees named in other languages
        ("Licenciatura en Derecho", "bachelor"),
        ("Bacharelado em Direito", "bachelor"),
        ("Laurea in Economia", "bachelor"),
        ("Maestría en Finanzas", "master"),
        ("Mestrado em Engenharia", "master"),
        ("Laurea Magistrale in Ingegneria", "master"),
        ("Dipl.-Ing. Maschinenbau", "master"),
        ("Magister Hukum", "master"),
        ("Doctorado en Física", "doctorate"),
    ],
)
def test_levels(degree: str, level: str) -> None:
    assert degree_level(degree) == level


@pytest.mark.parametrize(
    "text",
    [
        "I will be there",
        "ma in",
        "be a good team player",
        "Java",
        # a database administrator, miles per hour; the bare abbreviations count in upper case only
        "DBA",
        "mph",
        "60 mph",
        "bsn",
        "Mpa",
        # a tool is no degree
        pytest.param("MS/Office", id="tool-with-slash"),
    ],
)
def test_words_that_are_not_degrees(text: str) -> None:
    assert degree_level(text) is None


def test_entries() -> None:
    text = (
        "EDUCATION\n"
        "B.Tech in Computer Science, IIT Bombay, 2012 - 2016\n"
        "Higher Secondary Certificate (HSC), Delhi Public School, 2012\n"
    )
    ed = extract_education(text, split_sections(text))
    assert [(e.degree, e.level, e.field, e.institution) for e in ed] == [
        ("B.Tech in Computer Science", "bachelor", "Computer Science", "IIT Bombay"),
        ("Higher Secondary Certificate (HSC)", "secondary", None, "Delhi Public School"),
    ]
    assert ed[0].start is not None and ed[0].start.year == 2012
    assert ed[0].end is not None and ed[0].end.year == 2016
    assert ed[1].end is not None and ed[1].end.year == 2012
    assert ed[0].degree_evidence is not None and ed[0].degree_evidence.text == "B.Tech in Computer Science"


# Which lines make one entry, and where entries are found: the fields of every entry read, in order.
@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            "Education\nMaster of Science in Data Science\nUniversity of Edinburgh\n2019\n",
            "degree level institution end_year",
            [("Master of Science in Data Science", "master", "University of Edinburgh", 2019)],
            id="multi-line-entry",
        ),
        pytest.param(
            "EDUCATION\nTexas Tech University, Lubbock, TX\n2005 - 2009\n",
            "degree institution",
            [(None, "Texas Tech University")],
            id="institution-without-degree",
        ),
        pytest.param(
            "EDUCATION\nBachelor of Arts\n",
            "institution start end",
            [(None, None, None)],
            id="missing-stays-none",
        ),
        # the education heading was lost (PDF letter spacing), so the lines sit under another section
        pytest.param(
            (
                "SKILLS\nBudgeting\n"
                "Grand State University, Dallas, TX\nMaster of Arts, Educational Administration, 2004\n"
                "Managed budgets of 2 schools\n"
            ),
            "degree institution end_year",
            [("Master of Arts, Educational Administration", "Grand State University", 2004)],
            id="degree-next-to-institution-under-another-heading",
        ),
        pytest.param(
            (
                "EDUCATION\n\nB.Tech in Computer Science\n\nIIT Delhi - New Delhi, Delhi\n\n2010 to 2014\n\n"
                "M.C.A\n\nAnna University -  Chennai, Tamil Nadu\n\n2014 to 2016\n"
            ),
            "degree institution end_year",
            [("B.Tech in Computer Science", "IIT Delhi", 2014), ("M.C.A", "Anna University", 2016)],
            id="indeed-dates-below-the-degree",
        ),
        # date-first layout keeps working
        pytest.param(
            "EDUCATION\n2010 - 2014\nB.Tech, IIT Delhi\n2014 - 2016\nM.Tech, IIT Bombay\n",
            "degree end_year",
            [("B.Tech", 2014), ("M.Tech", 2016)],
            id="date-first",
        ),
        # two-column layout: the education heading sits beside another heading, the degrees land below it
        pytest.param(
            "Pat Doe\nEDUCATION\n\nFIELD\nEXPERIENCE\n\nMaster of Arts, Clinical Psychology\nMay 2016\nWorked with families\n",
            "degree end_year",
            [("Master of Arts, Clinical Psychology", 2016)],
            id="two-column-wrong-heading",
        ),
        # a degree line that names its institution on the same line, under an unrecognised heading
        pytest.param(
            "Sales Work\nSold things\nOther Studies:\nBachelors in Arts, Greenfield College, Iowa, 1999\n",
            "degree institution",
            [("Bachelors in Arts", "Greenfield College")],
            id="unrecognised-heading",
        ),
        # two-column layout: the degrees land under the EXPERIENCE heading beside EDUCATION
        pytest.param(
            (
                "Pat Doe\nEDUCATION\n\nCLINICAL\nEXPERIENCE\n\n"
                "Master of Arts, Counseling Psychology\nMay 2015\n"
                "Bachelor of Science, Psychology, Clinical Specialization\nMay 2013\n"
                "Eastbrook University, Towson, MD\n"
            ),
            "degree level",
            [
                ("Master of Arts, Counseling Psychology", "master"),
                ("Bachelor of Science, Psychology", "bachelor"),
            ],
            id="two-column-specialization",
        ),
        pytest.param(
            (
                "EDUCATION\nB.E, Anna University, Chennai (2008-2012)\n\n"
                "TECHNICAL SKILLS\n\nDiploma in Computer Applications\n\nJava, SQL, MS Office\n"
            ),
            "degree level",
            [("B.E", "bachelor"), ("Diploma in Computer Applications", "associate")],
            id="qualification-under-skills-heading",
        ),
        # a degree inside a skill line is no qualification
        pytest.param(
            "EDUCATION\nB.E, Anna University, 2012\n\nSKILLS\nTaught BSc students Java and SQL\n",
            "degree",
            ["B.E"],
            id="degree-inside-a-skill-line",
        ),
        pytest.param(
            "Jane Roe\nBoston, MA\njane@example.org\n\nEXPERIENCE\nNurse, Acme Hospital, 2010 - 2015\n",
            "degree",
            [],
            id="state-ma-in-contact-block",
        ),
        pytest.param(
            "John Roe\nJackson, MS\n\nSKILLS\nWelding\n", "degree", [], id="state-ms-in-contact-block"
        ),
        # each entry headed by its dates and a colon: a date label below a degree is the next entry's
        pytest.param(
            (
                "Jane Roe\n\nEducation\n1990:\n\nLakeside Training Centre\nCertificate in Law\n\n"
                "1979 - 1983:\n\nUniversity of Northland, Faculty of Law\nBachelor of Laws (LL.B Honours)\n\n"
                "1973 - 1978:\n\nHillside High School\nKenya Certificate of Education (KCE) O Level\n"
            ),
            "institution end_year",
            [
                ("Lakeside Training Centre", 1990),
                ("University of Northland", 1983),
                ("Faculty of Law", None),
                ("Hillside High School", 1978),
            ],
            id="date-labels-head-the-entries-below",
        ),
        # a table's date column flattened below its rows: the k-th date is the k-th degree's
        pytest.param(
            (
                "Jane Roe\n\nEDUCATION\nB.A., Elementary Education, Northtown University, Chicago, IL\n"
                "A.A., Early Childhood Education, Lakeview College, Chicago, IL\n\n2014\n2010\n\n"
                "Licensure: Ohio Professional Educator License\n"
            ),
            "degree end_year",
            [("B.A., Elementary Education", 2014), ("A.A., Early Childhood Education", 2010)],
            id="date-column-below-the-rows",
        ),
        # a template's placeholder is no institution; a one-word "... Center" is a tool, not a training centre
        pytest.param(
            (
                "Jane Roe\n\nEDUCATION\nMSc. Name of Education\nName of University\n2010-2012\n\n"
                "Quality Center (ALM)\nNorthgate Computer Training Centre\n"
            ),
            "degree institution",
            [("MSc. Name of Education", None), (None, "Northgate Computer Training Centre")],
            id="template-placeholder-and-one-word-center",
        ),
        pytest.param(
            "Jane Roe\n\nEDUCATION\nNorthgate Computer Training CENTRE, Lakeside\nLakeside Day Care CENTER-MANAGER Course\n",
            "institution",
            ["Northgate Computer Training CENTRE"],
            id="a-centre-word-inside-a-hyphenated-word-names-no-centre",
        ),
        # job-board exports: a full-width hyphen whose UTF-8 bytes were read as Windows-1252 separates the place
        pytest.param(
            (
                "Jane Roe\n\nEducation\n"
                "Bachelor of Science : Nursing , 2016 Lakeview State University \u00ef\u00bc City , State , USA\n"
                "Westfield Community College \u00ef\u00bc City , State\n"
            ),
            "degree institution",
            [
                ("Bachelor of Science : Nursing", "Lakeview State University"),
                (None, "Westfield Community College"),
            ],
            id="mojibake-full-width-hyphen-before-the-place",
        ),
        # "Degree : Field Institution": the field written between the colon and the name is the field
        pytest.param(
            (
                "Jane Roe\n\nEducation\n"
                "Bachelor of Science : Accounting & Finance University of Lakeview, Northtown\n"
                "Master of Business Administration : HR Management WESTBROOK UNIVERSITY\n"
                "Associate of Science : Computer Information Systems Hillside Community College\n"
            ),
            "field institution",
            [
                ("Accounting & Finance", "University of Lakeview"),
                ("HR Management", "WESTBROOK UNIVERSITY"),
                ("Computer Information Systems", "Hillside Community College"),
            ],
            id="field-between-the-colon-and-the-institution",
        ),
        # a field labelled on a line of its own below the degree; a minor is no field
        pytest.param(
            (
                "Jane Roe\n\nEducation\nBachelor of Arts, Lakeview University, 2010\nMajors: History, Minor: Art\n"
                "Master of Science\nNorthtown University\n"
                "Specializations: Computer Systems and Telecommunications\n"
                "Bachelor of Science, Westfield College\n• Minor: Youth Studies\n"
            ),
            "degree field",
            [
                ("Bachelor of Arts", "History"),
                ("Master of Science", "Computer Systems and Telecommunications"),
                ("Bachelor of Science", None),
            ],
            id="field-labelled-on-its-own-line",
        ),
        # entries that open with "date institution": the date on the institution's line is the entry's, not the
        # next entry's heading below the degree; a shared institution's line is no entry's heading
        pytest.param(
            (
                "Jane Roe\n\nEducation\n2011-2012 Northgate University\nMSc, Applied Physics\n"
                "2007-2011 Northgate University\nBSc, Physics\n2000-2007 Lakeside Grammar School\n\n"
                "Skills\nPython\n"
            ),
            "degree end_year",
            [("MSc, Applied Physics", 2012), ("BSc, Physics", 2011), (None, 2007)],
            id="date-on-the-institution-line-heads-its-entry",
        ),
        pytest.param(
            (
                "Jane Roe\n\nEducation\nWestbrook Institute of Technology (Lakeside)\nPh.D. Systems Engineering\n"
                "Thesis: A Study of Things\n\nMay 2016\n\nM.S. Systems Engineering\n\nMay 2013\n"
            ),
            "degree end_year",
            [("Ph.D. Systems Engineering", 2016), ("M.S. Systems Engineering", 2013)],
            id="a-shared-institution-line-heads-no-later-entry",
        ),
        # a second institution beside the entry's, a comma between them: the university a college is affiliated
        # to, a school within a university; an entry of its own without a degree or dates
        pytest.param(
            (
                "Jane Roe\n\nEDUCATION\nBachelor of Commerce\nNorthtown College, Lakeside University - Lakeside\n"
                "2012\nM.S., Kinesiology, Westbrook University, School of Kinesiology, 2015\n"
                "B.A., History, Hillcrest University - Eastfield University, 2010\n"
                "B.Sc., Physics, Northgate University, Northgate University, 2008\n"
            ),
            "degree institution end_year",
            [
                ("Bachelor of Commerce", "Northtown College", 2012),
                (None, "Lakeside University", None),
                ("M.S., Kinesiology", "Westbrook University", 2015),
                (None, "School of Kinesiology", None),
                ("B.A., History", "Hillcrest University", 2010),
                ("B.Sc., Physics", "Northgate University", 2008),
            ],
            id="two-institutions-side-by-side",
        ),
        # a second name that ends in a street word is the institution's address, no second institution
        pytest.param(
            "Jane Roe\n\nEDUCATION\nBachelor of Arts, History, 2010\nNorthfield University, Springfield College Road, "
            "Springfield\n",
            "degree institution end_year",
            [("Bachelor of Arts, History", "Northfield University", 2010)],
            id="a-street-beside-the-institution-is-no-second-one",
        ),
        # the job-board layout "Degree : Field Year Institution" with a bare two-letter degree (dotted ones were
        # read already); a state code before a colon is no degree
        pytest.param(
            (
                "Jane Roe\nBoston, MA : 555 0100\n\nEducation\nBS : Accounting , 2005 Lakeside University\n"
                "AA : General Studies 1999 Hillcrest College\nA.S : Paralegal Studies , 2012 Westbrook College\n"
                "JD : Public Law 2010 Northtown School of Law\n"
            ),
            "degree level field institution",
            [
                ("BS : Accounting", "bachelor", "Accounting", "Lakeside University"),
                ("AA : General Studies", "associate", "General Studies", "Hillcrest College"),
                ("A.S : Paralegal Studies", "associate", "Paralegal Studies", "Westbrook College"),
                ("JD : Public Law", "doctorate", "Public Law", "Northtown School of Law"),
            ],
            id="bare-degree-before-a-colon",
        ),
        # a state code before a colon closes an address, after a comma or after a town: no degree
        pytest.param(
            (
                "Jane Roe\n\nEducation\nBoston, MA : Operations\n"
                "Harbor Community College Boston MA : Associate in Business 2010\n"
            ),
            "degree level",
            [(None, None)],
            id="a-state-code-before-a-colon-is-no-degree",
        ),
        # a code no state has stays a degree after a comma
        pytest.param(
            "Jane Roe\n\nEducation\nHarbor College, BS : Accounting 2008\n",
            "degree level",
            [("BS : Accounting", "bachelor")],
            id="a-degree-code-after-a-comma-is-a-degree",
        ),
        # the bare forms before a colon are a layout of education sections only: elsewhere they are other words
        pytest.param(
            (
                "Jane Roe\n\nEXPERIENCE\nClerk, Acme Corp, 2010 - 2012\nJD : Job Description attached\n\n"
                "SKILLS\nAS : Oracle Application Server\nMA : Medical Assistant certification pending\n\n"
                "EDUCATION\nLakeside University, 2004\n"
            ),
            "degree level institution",
            [(None, None, "Lakeside University")],
            id="bare-colon-forms-outside-education-are-no-degrees",
        ),
        # "Institution Month, Year Degree": the month of the date after the name is no part of it
        pytest.param(
            (
                "Jane Roe\n\nEducation\nLakeside University December, 2006 MBA : Finance\n"
                "Hillcrest College May 1993 BS : Biology\n"
            ),
            "degree institution end_year",
            [("MBA : Finance", "Lakeside University", 2006), ("BS : Biology", "Hillcrest College", 1993)],
            id="a-month-after-the-institution-is-the-date",
        ),
        # the town the job-board layout writes after the field ("Field Town , ST") is no part of the field; a
        # name after a comma is no town ("Political Science , State University")
        pytest.param(
            (
                "Jane Roe\n\nEducation\nLakeside College May 2013 Associate of Arts : Psychology Springfield , IL\n"
                "Master of Business Administration Springfield , IL\n"
                "Bachelor of Arts : Political Science , State University\n"
            ),
            "degree field",
            [
                ("Associate of Arts : Psychology", "Psychology"),
                ("Master of Business Administration", None),
                ("Bachelor of Arts : Political Science", "Political Science"),
            ],
            id="a-town-after-the-field-is-no-part-of-it",
        ),
        # the whole town is cut, not its last word; two capitals after a comma that name no state are no region
        pytest.param(
            (
                "Jane Roe\n\nEducation\nBS : Biology San Antonio , TX\n"
                "Bachelor of Science : Nursing New York , NY\nBS : Computer Science , AI minor\n"
            ),
            "degree field",
            [
                ("BS : Biology", "Biology"),
                ("Bachelor of Science : Nursing", "Nursing"),
                ("BS : Computer Science", "Computer Science"),
            ],
            id="a-town-of-two-words-after-the-field",
        ),
    ],
)
def test_entries_by_layout(text: str, fields: str, want: list[object]) -> None:
    assert _rows(text, fields) == want


# What the degree is (its words, where one ends and the next starts) and its level.
@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            "EDUCATION\nDiploma in Civil Engineering from ABC Polytechnic, 2008\n",
            "degree institution level",
            [("Diploma in Civil Engineering", "ABC Polytechnic", "associate")],
            id="diploma-from-a-polytechnic",
        ),
        pytest.param(
            (
                "EDUCATION\nPOSTGRADUATE DEGREE\nMaster of Public Health (MPH)\n"
                "UNDERGRADUATE DEGREE\n\nBSc - Biochemistry\n"
            ),
            "degree",
            ["Master of Public Health (MPH)", "BSc - Biochemistry"],
            id="generic-degree-word-headings",
        ),
        # alone, a generic degree is still the entry
        pytest.param(
            "EDUCATION\nBachelor Degree\nHollis University, 2010\n",
            "degree",
            ["Bachelor Degree"],
            id="generic-degree-alone",
        ),
        # a line that is only "City, ST": an address line under the school
        pytest.param(
            "EDUCATION\nLakeview College\nChestnut Hill, MA\n2004 - 2008\n",
            "degree institution",
            [(None, "Lakeview College")],
            id="city-state-address-line",
        ),
        pytest.param(
            (
                "Education\nBachelor ofScience : Geology 1998 Westfield University, Dover\n"
                "Master ofBusiness Administration (MBA) : Finance 2004 Eastvale University, Dover\n"
                "Bachelor of Arts May 1995 Northgate College\nMBA Marketing, 2010\n"
            ),
            "degree field level",
            [
                ("Bachelor ofScience : Geology", "Geology", "bachelor"),
                ("Master ofBusiness Administration (MBA) : Finance", "Finance", "master"),
                ("Bachelor of Arts", None, "bachelor"),
                ("MBA Marketing", "Marketing", "master"),
            ],
            id="pdf-glued-of-and-a-month",
        ),
        pytest.param(
            (
                "EDUCATION\nQualification: Degree in Engineering (Metallurgy)\n"
                "Bachelor of Science Degree in Education\nNorthgate College\n"
                "Diplomado Labor Law, 2007\nUniversidad del Valle\n"
            ),
            "degree level field",
            [
                ("Degree in Engineering", "bachelor", "Engineering"),
                ("Bachelor of Science Degree in Education", "bachelor", "Education"),
                ("Diplomado Labor Law", "associate", "Labor Law"),
            ],
            id="degree-in-a-field-and-diplomado",
        ),
        # word processors write "Bachelor’s"; a stray space before the quote ("Master ‘s") comes from PDF text
        pytest.param(
            (
                "EDUCATION\nBachelor’s Degree in Computer Science, Ohio Valley University, 2010\n"
                "Master ‘s Program, Kent Hill University, 2012\n"
            ),
            "degree field level institution",
            [
                (
                    "Bachelor’s Degree in Computer Science",
                    "Computer Science",
                    "bachelor",
                    "Ohio Valley University",
                ),
                ("Master ‘s Program", None, "master", "Kent Hill University"),
            ],
            id="curly-apostrophes",
        ),
        pytest.param(
            "EDUCATION\nMaster's Program in Information Systems\nUniversity of Dundee, Dundee, UK\n",
            "degree field",
            [("Master's Program in Information Systems", "Information Systems")],
            id="masters-program-in-a-field",
        ),
        pytest.param(
            (
                "EDUCATION\nMSN, Family Nurse Practitioner, Rush University, 2016\n"
                "BSN, Loyola University Chicago, 2011\nM.S.Ed., Counselor Education, SUNY Oneonta, 1993\n"
            ),
            "degree level institution",
            [
                ("MSN, Family Nurse Practitioner", "master", "Rush University"),
                ("BSN", "bachelor", "Loyola University Chicago"),
                ("M.S.Ed., Counselor Education", "master", "SUNY Oneonta"),
            ],
            id="abbreviated-degrees",
        ),
        pytest.param(
            "EDUCATION\nPostgraduate Academic Diploma in Law, University of London, 1963\n",
            "degree level",
            [("Postgraduate Academic Diploma in Law", "master")],
            id="degree-inside-another-degree-phrase",
        ),
        # "MA" after "BOSTON," is the state, not a Master of Arts
        pytest.param(
            "EDUCATION\nMASTER OF SCIENCE IN DATA SCIENCE\nNORTHEASTERN UNIVERSITY, BOSTON, MA\n2018\n",
            "degree field institution",
            [("MASTER OF SCIENCE IN DATA SCIENCE", "DATA SCIENCE", "NORTHEASTERN UNIVERSITY")],
            id="all-capitals",
        ),
        pytest.param(
            "EDUCATION\nHigh School Diploma\nLincoln High School, Springfield, IL\n2005\n",
            "degree institution level",
            [("High School Diploma", "Lincoln High School", "secondary")],
            id="named-high-school-no-second-certificate",
        ),
        pytest.param(
            "EDUCATION\nM.S.\nStanford University, 2012\nB.S.\nBoston College, 2010\n",
            "degree level institution",
            [("M.S.", "master", "Stanford University"), ("B.S.", "bachelor", "Boston College")],
            id="dotted-abbreviation-alone-on-its-line",
        ),
        pytest.param(
            "EDUCATION\nAssociate of Arts in Business, Valley College, 2001\n",
            "degree field institution",
            [("Associate of Arts in Business", "Business", "Valley College")],
            id="associate-of-arts",
        ),
        # the abbreviation on the line where the wrapped degree ends is that degree, not a second one
        pytest.param(
            "EDUCATION\nBachelor of\nEngineering (B.E.)\nHillcrest State University, 2010\n",
            "degree institution",
            [("Bachelor of Engineering", "Hillcrest State University")],
            id="degree-wrapped-over-two-lines",
        ),
        pytest.param(
            "EDUCATION\nB.A., M.A. in English, Hillcrest University, 2012\n",
            "degree level",
            [("B.A.", "bachelor"), ("M.A. in English", "master")],
            id="two-levels-comma",
        ),
        pytest.param(
            "EDUCATION\nBS/MS in Physics, Hillcrest University, 2010\n",
            "degree level",
            [("BS", "bachelor"), ("MS in Physics", "master")],
            id="two-levels-slash",
        ),
        pytest.param(
            "EDUCATION\nGraduated from Harvard University with a B.A. in Economics (2008)\n",
            "degree institution",
            [("B.A. in Economics", "Harvard University")],
            id="clause-after-the-institution-name-cut",
        ),
    ],
)
def test_degrees(text: str, fields: str, want: list[object]) -> None:
    assert _rows(text, fields) == want


# The field of study: its forms, where it ends, what is no field.
@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            (
                "EDUCATION\n"
                "BSc (Hons)\nInformation Technology\nWexcombe University 2005 - 2008\n\n"
                'Bachelor in "Instrumentation and Control Engineering"\nVellanthi College of Engineering\n\n'
                "MBA in marketing-tourism, Kodanur University, 2018\n\n"
                "BS\nElectrical Engineering, 1991: Rutgers University, New Brunswick, NJ\n"
            ),
            "degree field institution",
            [
                ("BSc (Hons) Information Technology", "Information Technology", "Wexcombe University"),
                (
                    'Bachelor in "Instrumentation and Control Engineering"',
                    "Instrumentation and Control Engineering",
                    "Vellanthi College of Engineering",
                ),
                ("MBA in marketing-tourism", "marketing-tourism", "Kodanur University"),
                ("BS Electrical Engineering", "Electrical Engineering", "Rutgers University"),
            ],
            id="field-of-study-forms",
        ),
        pytest.param(
            (
                "EDUCATION\n\n"
                "Bachelor of Arts\n\n: Public Administration\n\nRiverside State University\n\n"
                "Associate of Science\nMajor: Applied Chemistry\nLakeview Community College\n\n"
                "BSc (Hons)\nGeography with Economics\nNorthfield University 2001 - 2004\n\n"
                "MBA in Retail and supply logistics, Hillcrest University, 2012\n\n"
                "BCA in Computer applications\nWestbrook College\n"
            ),
            "degree field",
            [
                ("Bachelor of Arts : Public Administration", "Public Administration"),
                ("Associate of Science Major: Applied Chemistry", "Applied Chemistry"),
                ("BSc (Hons) Geography with Economics", "Geography with Economics"),
                ("MBA in Retail and supply logistics", "Retail and supply logistics"),
                ("BCA in Computer applications", "Computer applications"),
            ],
            id="field-on-the-next-line-and-in-lower-case",
        ),
        pytest.param(
            "EDUCATION\nB.Tech in Mechanical Engineering from Eastfield Institute of Technology\n",
            "degree institution",
            [("B.Tech in Mechanical Engineering", "Eastfield Institute of Technology")],
            id="lower-case-tail-left-out",
        ),
        pytest.param(
            (
                "EDUCATION\nMaster of Science in Physics, Chemistry and Materials, Eastbrook University, 2011\n"
                "Masters Thesis\nCrystal growth in thin films\n"
            ),
            "degree field",
            [("Master of Science in Physics, Chemistry and Materials", "Physics, Chemistry and Materials")],
            id="work-for-a-degree-and-a-field-list",
        ),
        # a place after the comma is no field
        pytest.param(
            "EDUCATION\nBachelor of Science in Biology, Salem and Portland, Oregon\n",
            "field",
            ["Biology"],
            id="place-after-the-comma",
        ),
        pytest.param(
            "EDUCATION\n\nmasters in journalism and communication in mass comm client servicing\n\n2011 to 2013\n",
            "field",
            ["journalism and communication in mass comm client servicing"],
            id="long-lower-case-field",
        ),
        # words of a sentence are no field
        pytest.param(
            "EDUCATION\n\nmasters in journalism and i want to work in media\n\n2011 to 2013\n",
            "degree field",
            [("masters", None)],
            id="prose-after-a-degree",
        ),
        pytest.param(
            "EDUCATION\nPh.D., Chemistry, Massachusetts Institute of Technology, 2012\n",
            "degree field institution",
            [("Ph.D., Chemistry", "Chemistry", "Massachusetts Institute of Technology")],
            id="field-before-an-institution-no-city",
        ),
        pytest.param(
            "EDUCATION\nBachelor of Technology\n(Computer Science and\nEngineering)\nAnna University, 2012\n",
            "field institution",
            [("Computer Science and Engineering", "Anna University")],
            id="field-on-the-next-line-in-brackets",
        ),
        pytest.param(
            "EDUCATION\nBachelor of Arts\nPolitical Science 1992\nBoston College\n",
            "degree field",
            [("Bachelor of Arts Political Science", "Political Science")],
            id="field-on-the-next-line-before-a-year",
        ),
        pytest.param(
            "EDUCATION\nMaster of Science in Computer Science (M.S.), Stanford University, 2010\n",
            "degree field institution",
            [("Master of Science in Computer Science", "Computer Science", "Stanford University")],
            id="abbreviation-in-brackets-after-degree-and-field",
        ),
        pytest.param(
            "EDUCATION\nMBA [Finance], Indian Institute of Management, 2010\n",
            "degree field",
            [("MBA [Finance]", "Finance")],
            id="field-in-square-brackets",
        ),
        pytest.param(
            "EDUCATION\nBachelor of Arts and Sciences, Biology, Cornell University\n",
            "degree field",
            [("Bachelor of Arts and Sciences, Biology", "Biology")],
            id="degree-of-two-joined-subjects",
        ),
        # a field's head noun wrapped onto the next line belongs to the field
        pytest.param(
            "EDUCATION\nBachelor of Science in Electrical\nEngineering, Hillcrest State University, 2010\n",
            "degree field",
            [("Bachelor of Science in Electrical Engineering", "Electrical Engineering")],
            id="wrapped-head-noun",
        ),
        pytest.param(
            "EDUCATION\nMaster of Business\nAdministration\nHillcrest State University, 2012\n",
            "degree field institution",
            [("Master of Business Administration", "Business Administration", "Hillcrest State University")],
            id="wrapped-degree-name",
        ),
        # a field that is whole stays so; the next line is another entry's
        pytest.param(
            "EDUCATION\nBachelor of Arts in History\nEducation Abroad Program, Hillcrest State University\n",
            "field",
            ["History"],
            id="whole-field-next-line-another-entry",
        ),
        pytest.param(
            "EDUCATION\nMaster of Science in Mechanical and\nAerospace Engineering, Hillcrest State University, 2010\n",
            "field",
            ["Mechanical and Aerospace Engineering"],
            id="cut-after-a-connector",
        ),
        # in capitals as the field is written
        pytest.param(
            "EDUCATION\nBACHELOR OF ENGINEERING in ELECTRONICS & COMMUNICATION\nENGINEERING\n\nHillcrest College\n",
            "field",
            ["ELECTRONICS & COMMUNICATION ENGINEERING"],
            id="cut-before-its-head-noun-in-capitals",
        ),
        # a dangling "in" before a category on the next line is no part of the field, nor a connector before a name
        pytest.param(
            "EDUCATION\nPost Graduate Program in Business Analytics in\nBUSINESS\n\nHillcrest Institute of Management\n",
            "degree field",
            [("Post Graduate Program in Business Analytics", "Business Analytics")],
            id="dangling-in-before-a-category",
        ),
        pytest.param(
            "EDUCATION\nMaster of Science in Mechanical and\nHillcrest State University, 2010\n",
            "field institution",
            [("Mechanical", "Hillcrest State University")],
            id="connector-before-a-name",
        ),
        # the connector may start the next line instead; prose there is not the field's
        pytest.param(
            "EDUCATION\nMaster of Education in Curriculum\nand Instruction\nHillcrest State University, 2019\n",
            "field institution",
            [("Curriculum and Instruction", "Hillcrest State University")],
            id="connector-starts-the-next-line",
        ),
        pytest.param(
            "EDUCATION\nBachelor of Arts in History\nand managed the student newspaper\nHillcrest State University\n",
            "field",
            ["History"],
            id="prose-after-a-connector",
        ),
        # the degree's initials are no field; a field's abbreviation is one
        pytest.param(
            "EDUCATION\nDoctor of Medicine (MD), Hillcrest School of Medicine, 2012\nB.E. (CSE), Riverbend College\n",
            "degree field",
            [("Doctor of Medicine (MD)", None), ("B.E. (CSE)", "CSE")],
            id="initials-in-brackets",
        ),
        pytest.param(
            "EDUCATION\nPost graduate in commerce, Hillcrest University, 2004-05\n",
            "degree field institution",
            [("Post graduate in commerce", "commerce", "Hillcrest University")],
            id="lower-case-field-after-in",
        ),
    ],
)
def test_fields(text: str, fields: str, want: list[object]) -> None:
    assert _rows(text, fields) == want


# Which institution an entry names: where its name starts and ends, and which of several it is.
@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            (
                "EDUCATION\nMaster of Electrical and Information Engineering\nMicro and Opto Electronics. Rheinfeld University, "
                "Germany.\nBachelor of Engineering\nElectronics and Communication. Lakeshore College of Engineering.\n"
            ),
            "institution",
            ["Rheinfeld University", "Lakeshore College of Engineering"],
            id="claimed-by-one-degree-not-reused",
        ),
        pytest.param(
            (
                "EDUCATION\nBrenwick College Bachelor of Arts, Brenwick, Ohio, August 2007 - May 2011\n"
                "Bachelor of Science, Finance/Accounting—Tarrow State University, Tarrow, NJ\n"
            ),
            "degree institution",
            [
                ("Bachelor of Arts", "Brenwick College"),
                ("Bachelor of Science, Finance/Accounting", "Tarrow State University"),
            ],
            id="before-the-degree-on-one-line-city-no-field",
        ),
        pytest.param(
            (
                "EDUCATION\n"
                "B.S. in Computer Science from the Eastern Institute of\nTechnology, 2005\n\n"
                "2001: Bachelor of Science in Marine Biology, Northern Coastal\nUniversity\n"
            ),
            "degree institution",
            [
                ("B.S. in Computer Science", "Eastern Institute of Technology"),
                ("Bachelor of Science in Marine Biology", "Northern Coastal University"),
            ],
            id="wrapped-over-two-lines",
        ),
        # the words above a lone "University" are a degree, not the start of a name
        pytest.param(
            "EDUCATION\nMaster of Science\nUniversity\n",
            "institution",
            [None],
            id="lone-university-below-a-degree",
        ),
        pytest.param(
            (
                "EDUCATION\nB.A., Magna Cum Laude; Honors in History; Western Hills University\n"
                "Diploma in Social Work: Riverbend College\n"
            ),
            "institution",
            ["Western Hills University", "Riverbend College"],
            id="pieces-split-at-semicolons-and-colons",
        ),
        pytest.param(
            (
                "Experience\nSite Engineer, Tarmac Works\n"
                "• Completed B.E. in Civil Engineering from the Hillview Institute of Technology, Nashik.\n"
                "• Worked at Acme on bridges\n"
            ),
            "degree institution",
            [("B.E. in Civil Engineering", "Hillview Institute of Technology")],
            id="degree-from-an-institution-in-prose",
        ),
        pytest.param(
            (
                "Education\nBachelor of Science : Marketing 2004 Lakemont University, Springfield, IL\n"
                "Master of Arts : History 2009 Ridgeview College GPA: 3.8\n"
                "Master of Science : Ecology 12-27 2012 Universidad de Montaña\n"
            ),
            "institution",
            ["Lakemont University", "Ridgeview College", "Universidad de Montaña"],
            id="piece-a-year-splits-off",
        ),
        # an institution name wrapped onto a second line is one name, spaces normalized
        pytest.param(
            "EDUCATION\nMSc Finance, 2010, Westbrook Business\nSchool, Holland\n",
            "institution",
            ["Westbrook Business School"],
            id="wrapped-name-spaces-normalized",
        ),
        pytest.param(
            (
                "EDUCATION\nBachelor of Science in Biology, Lakeside University, Dover, DE\n"
                "Instructor Certification, The University\nof Westmark, Columbia, MS, 1997\n"
            ),
            "degree institution",
            [("Bachelor of Science in Biology", "Lakeside University"), (None, "University of Westmark")],
            id="wrapped-before-of-state-after",
        ),
        pytest.param(
            (
                "EDUCATION\nReceived a Bachelor of Science in Physics from the Eastern Institute of\n"
                "Technology. Concentrated in optics and lasers.\n"
            ),
            "institution",
            ["Eastern Institute of Technology"],
            id="wrapped-name-stops-at-a-full-stop",
        ),
        pytest.param(
            "EDUCATION\nHarbor Patrol Academy: Federal Maritime Training Center, Brunswick, GA, 1985\n",
            "institution",
            ["Harbor Patrol Academy"],
            id="piece-ends-at-a-colon",
        ),
        pytest.param(
            (
                "Education\nMasters degree in Public Law\nFaculty of Law and Economic Sciences, Paris\n"
                "Diploma from the Institute of Political Studies, Paris\n"
            ),
            "degree institution",
            [
                ("Masters degree in Public Law", "Faculty of Law and Economic Sciences"),
                ("Diploma", "Institute of Political Studies"),
            ],
            id="after-from-the-on-the-degree-line",
        ),
        pytest.param(
            "EDUCATION\n\npass 12 in medical\n\nchandigarh university -  Chandigarh, Chandigarh\n\n2016 to 2019\n",
            "institution",
            ["chandigarh university"],
            id="lower-case-name-dash-place",
        ),
        pytest.param(
            "EDUCATION\n\nBSc in Computer Science\n\nnarayana jr.college\n\n2015\n",
            "institution",
            ["narayana jr.college"],
            id="lower-case-name-glued",
        ),
        # a lower-case sentence that ends with an institution word is no name
        pytest.param(
            "EDUCATION\n\nBSc in Computer Science\n\nstudied hard at the college\n\n2015\n",
            "institution",
            [None],
            id="lower-case-sentence",
        ),
        pytest.param(
            "EDUCATION\nUCLA, B.A. Psychology, 2009\nGeorgia Tech — MS in Computer Science, 2014\n",
            "degree institution",
            [("B.A. Psychology", "UCLA"), ("MS in Computer Science", "Georgia Tech")],
            id="well-known-names",
        ),
        # in lower case "mit" is a German word, not the institute
        pytest.param(
            "EDUCATION\nB.S. in Biology, mit Auszeichnung, 2001\n", "institution", [None], id="lower-case-mit"
        ),
        # one institution above two degrees: both took it
        pytest.param(
            (
                "EDUCATION\nStanford University, Stanford, CA\nM.S. Electrical Engineering, June 2012\n"
                "B.S. Electrical Engineering, June 2010\n"
            ),
            "degree institution",
            [
                ("M.S. Electrical Engineering", "Stanford University"),
                ("B.S. Electrical Engineering", "Stanford University"),
            ],
            id="institution-first-above-two-degrees",
        ),
        # each institution above its degree: the one above wins even when the next entry's is as near below
        pytest.param(
            "EDUCATION\nStanford University\nM.S. Physics, 2012\nBoston College\nB.S. Physics, 2010\n",
            "degree institution",
            [("M.S. Physics", "Stanford University"), ("B.S. Physics", "Boston College")],
            id="institution-first-each",
        ),
        # degree first: the institution below each degree
        pytest.param(
            "EDUCATION\nM.S. Physics, 2012\nStanford University\nB.S. Physics, 2010\nBoston College\n",
            "degree institution",
            [("M.S. Physics", "Stanford University"), ("B.S. Physics", "Boston College")],
            id="degree-first-each",
        ),
        pytest.param(
            (
                "EDUCATION\nTexas A&M University, College Station, TX\n"
                "Bachelor of Business Administration, Finance, 2011\n"
            ),
            "institution",
            ["Texas A&M University"],
            id="town-named-after-a-college",
        ),
        # a second institution after the first on one line is no town; the first is an entry of its own
        pytest.param(
            "EDUCATION\nEducators College, Northbrook University, New York, NY\nMaster of Arts in Education, 2014\n",
            "institution",
            ["Northbrook University", "Educators College"],
            id="second-institution-on-the-line",
        ),
        pytest.param(
            (
                "EDUCATION\nUniversity of Toronto | Toronto, ON\n"
                "Bachelor of Applied Science in Mechanical Engineering | 2012 - 2016\n"
            ),
            "field institution",
            [("Mechanical Engineering", "University of Toronto")],
            id="applied-science",
        ),
        pytest.param(
            "EDUCATION\nB.A. History, 2010\nGraduated from Boston College\n",
            "institution",
            ["Boston College"],
            id="verb-before-the-institution",
        ),
        pytest.param(
            "EDUCATION\nBachelor of Arts, Monash University, 2010\nEast Marrowby Secondary College, 2006\n",
            "institution level",
            [("Monash University", "bachelor"), ("East Marrowby Secondary College", "secondary")],
            id="australian-secondary-college",
        ),
        pytest.param(
            (
                "EDUCATION\nUniversidad Nacional Autónoma de México — Licenciatura en Derecho, 2008\n"
                "Universitas Indonesia, Magister Hukum, 2012\nPolitechnika Warszawska, M.Sc., 2014\n"
                "Fachhochschule Köln\nBachelor of Engineering, 2011\n"
            ),
            "degree field institution",
            [
                ("Licenciatura en Derecho", "Derecho", "Universidad Nacional Autónoma de México"),
                ("Magister Hukum", "Hukum", "Universitas Indonesia"),
                ("M.Sc.", None, "Politechnika Warszawska"),
                ("Bachelor of Engineering", None, "Fachhochschule Köln"),
            ],
            id="named-in-other-languages",
        ),
        # a lower-case piece before the dash may be prose, not a name
        pytest.param(
            (
                "EDUCATION\n\nPost Graduate Diploma in Embedded Systems\n\nCDAC -  Kochi, Kerala\n\n2006\n\n"
                "masters in journalism\n\namity -  Noida, Uttar Pradesh\n\n2013\n"
            ),
            "degree institution",
            [("Post Graduate Diploma in Embedded Systems", "CDAC"), ("masters in journalism", None)],
            id="name-dash-place",
        ),
        pytest.param(
            "EDUCATION\nLakeside School, Seattle, 2004\nHarvard Business School, 2012\n",
            "institution level",
            [("Lakeside School", "secondary"), ("Harvard Business School", None)],
            id="school-named-for-a-person-or-place",
        ),
        pytest.param(
            "EDUCATION\nHillcrest State University, Lakeside Campus\nBachelor of Science in Biology, 2012\n",
            "degree institution",
            [("Bachelor of Science in Biology", "Hillcrest State University")],
            id="campus-after-its-university",
        ),
        pytest.param(
            "EDUCATION\nHillcrest State University, Lakeside Campus - Bachelor of Science in Biology, 2012\n",
            "degree institution",
            [("Bachelor of Science in Biology", "Hillcrest State University")],
            id="campus-after-its-university-degree-on-the-line",
        ),
        # a campus named alone stays the institution
        pytest.param(
            "EDUCATION\nBachelor of Arts, 2010\nNorth Ridge Campus\n",
            "institution",
            ["North Ridge Campus"],
            id="campus-alone",
        ),
        pytest.param(
            "EDUCATION\n\nB.Tech in Computer Science\n\nHSTU\n\n2012 to 2016\n",
            "degree institution",
            [("B.Tech in Computer Science", "HSTU")],
            id="acronym-alone-below-the-degree",
        ),
        pytest.param(
            "EDUCATION\nBachelor of Laws, Hillcrest University, 1990\n\nRiverside Regional Training Centre, Nairobi\n",
            "degree institution level",
            [
                ("Bachelor of Laws", "Hillcrest University", "bachelor"),
                (None, "Riverside Regional Training Centre", None),
            ],
            id="training-centre-on-its-line",
        ),
        # a line that names an institution is read by the institution rules, not as a centre
        pytest.param(
            "EDUCATION\nHillcrest University Medical Center, 2001\n",
            "institution",
            ["Hillcrest University Medical Center"],
            id="university-medical-center",
        ),
        pytest.param(
            "EDUCATION\nMaster of Arts in Human Services, St.\nAugustine's University, Raleigh, NC\n",
            "institution",
            ["St. Augustine's University"],
            id="saint-prefix-ends-the-line-above",
        ),
        pytest.param(
            (
                "SUMMARY\nExperienced analyst with an MBA from Hillcrest University and 10 years in banking.\n\n"
                "EXPERIENCE\nAnalyst, Acme, 2010 - 2020\n"
            ),
            "institution",
            ["Hillcrest University"],
            id="clause-after-an-institution-in-prose",
        ),
        pytest.param(
            "EDUCATION\nB.S., Hillcrest Institute of Science and Technology, 2010\n",
            "institution",
            ["Hillcrest Institute of Science and Technology"],
            id="and-inside-a-name",
        ),
        # a college's university in brackets stays part of the college's name
        pytest.param(
            "EDUCATION\nB.E., Hillcrest Engineering College (Anna University), 2010\n",
            "institution",
            ["Hillcrest Engineering College (Anna University)"],
            id="college-university-in-brackets",
        ),
    ],
)
def test_institutions(text: str, fields: str, want: list[object]) -> None:
    assert _rows(text, fields) == want


def test_institution_names_keep_their_parenthesis_and_roles_are_not_institutions() -> None:
    text = (
        "EDUCATION\n"
        "B.E. in Civil Engineering\nRamnagar Engineering College (Delta University)\n2004 to 2008\n"
        "M.Tech in Structures\nKaveri Institute of Technology (KIT), Mysore\n2008 to 2010\n"
        "Diploma in Surveying from NIT, Warangal\n"
        "Student Council Member, Eastfield College\n"
    )
    insts = [e.institution for e in extract_education(text, split_sections(text))]
    assert insts[:3] == [
        "Ramnagar Engineering College (Delta University)",
        "Kaveri Institute of Technology (KIT)",
        "NIT",
    ]
    assert not any(i and "Council" in i for i in insts)


def test_degree_lines_outside_the_education_section_when_it_has_degrees() -> None:
    # a sub-heading ("Activities:") between two schools splits the education section; the degree below it counts
    text = (
        "EDUCATION\nHarbor State University | Portland, Oregon\nJ.D. (Cum Laude) | May 2009\n"
        "Activities:\nMoot court\nLakeside College | Salem, Oregon\n"
        "B.A. Philosophy and Economics | May 2006\n"
        "EXPERIENCE\nAssociate, Some Firm\nB.A. graduates supervised\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert ("B.A. Philosophy and Economics", "Lakeside College") in got
    assert all(d != "B.A." for d, _ in got)  # not from the experience section


def test_a_state_code_after_an_institution_and_city_is_no_degree() -> None:
    text = "EDUCATION\nTeaching Certificate, The University of Dakota, Fargo, MS, 1999\nB.S., Biology, MS, 2004\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert ("MS", "University of Dakota") not in got
    assert [d for d, _ in got if d] == ["B.S.", "MS"]


def test_a_degree_under_a_misread_undated_work_heading_is_read() -> None:
    text = (
        "Jane Roe\n\nWORK EXPERIENCE\nClerk, Acme Stores, 2010 - 2014\n\nKEY SKILLS\n\nPROFESSIONAL\n"
        "Higher Professional\nDiploma in Business\nAdministration\n(Lakeside Guild)\n\n"
        "EDUCATION\nBachelor of Arts, Northtown University, 2009\n"
    )
    got = [e.degree for e in extract_education(text, split_sections(text))]
    assert "Diploma in Business Administration" in got


def test_a_state_code_after_an_address_wrapped_below_the_institution_is_no_degree() -> None:
    text = (
        "EDUCATION\nB.S., Biology, Lakeview University, 2004\n\n"
        "Director of Career Services, The University of Dakota Former\n"
        "Students Association, Columbia, MS, 1996 to 1999\n"
    )
    got = [e.degree for e in extract_education(text, split_sections(text))]
    assert [d for d in got if d] == ["B.S., Biology"]


def test_degree_is_no_field_and_a_school_certificate_is_no_institution() -> None:
    text = (
        "Education\nB.A. Degree\nHillcrest University, 2001\n"
        "High School Diploma : General Studies 1997 Maple Grove Academy, Dover\n"
    )
    got = [(e.degree, e.field, e.institution) for e in extract_education(text, split_sections(text))]
    assert got[0] == ("B.A. Degree", None, "Hillcrest University")
    assert got[1][2] == "Maple Grove Academy"


def test_a_degree_line_is_no_institution_of_its_own() -> None:
    text = "EDUCATION\nHigh School Diploma : 06/2010\nMaple Grove High School, Dover\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert all(inst is None or not inst.startswith("High School Diploma") for _d, inst in got)


def test_institution_choice_university_over_its_school_and_no_university_for_school_levels() -> None:
    text = (
        "EDUCATION\nWestbrook University, School of Nursing\nBachelor of Science in Nursing, 2012\n\n"
        "B.E. Mechanical, Anna University\nRamnad Institute of Technology, Chennai.\n"
        "HSC State Board (2007-2008)\n\n"
        "State University of Kent College at Dover, Dover, KY. May, 1990. B.S.\n"
    )
    got = [(e.degree, e.level, e.institution) for e in extract_education(text, split_sections(text))]
    assert ("Bachelor of Science in Nursing", "bachelor", "Westbrook University") in got
    # the institute of technology is not the school-level entry's; it stays an institution of its own
    assert all(not (lvl == "secondary" and inst and "Institute" in inst) for _d, lvl, inst in got)
    assert any(inst == "Ramnad Institute of Technology" for _d, _l, inst in got)
    assert ("B.S.", "bachelor", "State University of Kent College") in got  # not the town after "at"


def test_an_institution_word_must_survive_sentence_splitting() -> None:
    text = (
        "EDUCATION\nHigh School Diploma: Coastal Ridge University - Conway, SC I attended Coastal Ridge "
        "University with a major in Education. I left one\nsemester early.\n"
    )
    insts = [e.institution for e in extract_education(text, split_sections(text))]
    assert "I left one" not in insts


def test_a_state_code_wrapped_to_the_next_line_is_no_degree() -> None:
    text = (
        "EDUCATION\nMS, Computer Science, Lakeview University, 1994\n"
        "Director of Career Services, Lakeview University, Columbia,\nMS, 1995 to 1996\n"
    )
    got = [e.degree for e in extract_education(text, split_sections(text)) if e.degree]
    assert got == ["MS, Computer Science"]


def test_honours_are_no_field_and_a_dangling_in_is_not_kept() -> None:
    text = "EDUCATION\nB.A., Summa Cum Laude; Honors in History; Westfield University\nDiploma in\nNursing Studies\n"
    got = [(e.degree, e.field) for e in extract_education(text, split_sections(text))]
    assert got[0] == ("B.A.", None)
    assert got[1] == ("Diploma in Nursing Studies", "Nursing Studies")  # the field goes on below "in"


def test_the_institution_and_date_on_the_degree_line_come_first() -> None:
    text = (
        "EDUCATION\nCertificate in Project Management, Cornell University, 2015\n"
        "Bachelor of Arts, History, Boston University, 2010\n"
    )
    got = [
        (e.degree, e.institution, e.end.year if e.end else None)
        for e in extract_education(text, split_sections(text))
    ]
    assert ("Bachelor of Arts, History", "Boston University", 2010) in got


def test_associate_of_arts_glued_and_some_college() -> None:
    text = (
        "EDUCATION\nAssociate ofArts : Business Administration Atlantic Meridian University - City\n\n"
        "Some College (No Degree) : Certified Medical Assistant , 1976\nBryant School - City\n"
    )
    got = [(e.degree, e.level, e.field, e.institution) for e in extract_education(text, split_sections(text))]
    assert got[0] == (
        "Associate ofArts : Business Administration",
        "associate",
        "Business Administration",
        "Atlantic Meridian University",
    )
    assert "Some College" not in [g[3] for g in got]


def test_a_subject_in_lower_case_in_a_name() -> None:
    text = "EDUCATION\nB.E, Anna University, 2012\n\nR.K Institute of technology, Chennai.\nHSC State Board (2008)\n"
    got = [(e.institution, e.level) for e in extract_education(text, split_sections(text))]
    assert ("R.K Institute of technology", None) in got


def test_a_bachelors_degree_is_never_taken_at_a_high_school() -> None:
    text = "EDUCATION\nBachelor of Laws (LL.B)\n\nHarmony High School, Tembeni\nA Level, 1972\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert ("Bachelor of Laws (LL.B)", "Harmony High School") not in got
    assert ("A Level", "Harmony High School") in got


@pytest.mark.parametrize("below", ["MBA", "CGPA", "III"])
def test_a_degree_a_grade_or_a_roman_numeral_below_the_degree_is_no_acronym_institution(below: str) -> None:
    text = f"EDUCATION\n\nB.Tech in Computer Science\n\n{below}\n"
    assert all(e.institution != below for e in extract_education(text, split_sections(text)))


def test_an_institution_in_brackets_after_a_course() -> None:
    text = "EDUCATION\nCoursera: Machine Learning (Stanford University), 2019\nB.A. Mathematics, Riverbend College, 2015\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert (None, "Stanford University") in got
    assert ("B.A. Mathematics", "Riverbend College") in got


_PIECES = [
    "EDUCATION", "Bachelor of Science", "ofScience", "MS", "MA", ", ", ": ", "Degree in", "Diploma in", "The University",
    "of", "Westfield", "College", "Institute of", "Technology.", "2004", "12-27", "GPA: 3.5", "High School Diploma",
    "Columbia,", "Boston, MA", "(MIT)", "(", ")", "from the", "at", "\n", "\n\n", " ", "UNDERGRADUATE DEGREE", "May",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_arrangement_of_tricky_pieces_gives_entries_with_spans_into_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for e in extract_education(text, split_sections(text)):
        for span in (e.degree_evidence, e.institution_evidence, e.dates_evidence, e.evidence):
            if span is not None:
                assert text[span.start : span.end] == span.text
        if e.institution is not None:
            assert e.institution == " ".join(e.institution.split())


def test_each_rows_first_letters_keep_its_levels() -> None:
    # each row of the table is tried only at words starting with its letters; without those checks the same
    # text must give the same degrees at the same levels
    import re

    from parsers import education as edu

    assert set("".join(edu._ROW_FIRST_LETTERS)) == set(edu._FIRST_LETTERS)
    unfiltered = re.compile(
        "(?<![A-Za-z])(?:"
        + "|".join(f"(?P<l{i}>(?:{p})(?![A-Za-z]))" for i, (p, _lvl) in enumerate(edu._DEGREE_TABLE))
        + ")",
        re.IGNORECASE,
    )
    forms = [
        "Ph.D.", "D.Phil", "Doctor of Education", "Ed.D.", "Psy.D.", "M.D.", "J.D.", "Juris Doctor", "PharmD",
        "Sc.D.", "DNP", "DPT", "ScD", "Doctorado", "M.Tech", "M.E.", "M.S.", "M.Sc", "MBA", "MCA", "M.Com", "M.A.",
        "M.Ed", "M.Phil", "LL.M", "M.Arch", "MArch", "M.Pharm", "Ed.S.", "PGDBM", "P.G.D.", "PG Diploma",
        "Post Graduate Diploma", "Master of Science", "MS Finance", "MA English", "MFA", "Maestría", "Mestrado",
        "Magister", "Laurea Magistrale", "Dipl.-Ing.", "Diplom-Ingenieur", "B.Tech", "B.E.", "BE Civil", "B.S.",
        "B.Sc", "B.Com", "BCA", "B.A.", "BA History", "BS Biology", "BBA", "B.Ed", "LL.B", "B.Arch", "BArch",
        "B.Pharm", "BCL", "MBBS", "BDS", "Bachelor of Arts", "Undergraduate degree", "Graduate in Commerce",
        "Engineering graduate", "Degree in Law", "BSN", "BFA", "Licenciatura", "Bacharelado", "Laurea",
        "Associate of Arts", "Associate in Applied Science", "A.A.S.", "A.S. Nursing", "BTEC HND", "HNC", "A.D.N.",
        "AAS", "ADN", "Diploma in Law", "Diplomado", "Polytechnic", "HSC", "SSC", "12th", "10th", "XII",
        "X Standard", "Higher Secondary", "Senior Secondary", "Secondary School", "High School Diploma",
        "Intermediate", "Matriculation", "CBSE", "ICSE", "GED", "A Levels", "O Levels", "GCSE", "PUC",
        "Pre-University", "SSLC", "HSSLC",
    ]  # fmt: skip
    text = "\n".join(f"{f} 2010" for f in forms)
    want = [(m.start(), m.group(0), m.lastgroup) for m in unfiltered.finditer(text)]
    got = [(m.start(), m.group(0), m.lastgroup) for m in edu._DEGREE_RE.finditer(text)]
    assert got == want
    assert len(want) >= len(forms) - 2


def test_the_first_letter_filter_keeps_every_degree_the_table_finds() -> None:
    # the degree pattern skips positions whose letter no degree starts with; the same table without that
    # filter must find nothing more on a text holding every degree form the tests above name
    import re

    from parsers import education as edu

    unfiltered = re.compile(
        "(?<![A-Za-z])(?:" + "|".join(f"(?:{p})(?![A-Za-z])" for p, _lvl in edu._DEGREE_TABLE) + ")",
        re.IGNORECASE,
    )
    forms = [
        "B.E.", "B.Tech", "BSc", "BA (Hons)", "Bachelor of Science", "MBA", "M.S.", "MTech", "Master's in Economics",
        "PGDBM", "PhD", "Ph.D.", "J.D.", "Associate of Applied Science", "Diploma in Mechanical Engineering", "HSC",
        "SSC", "12th", "10th", "XII", "High School Diploma", "Senior Secondary", "Intermediate Board", "GED", "CBSE",
        "ICSE", "A Levels", "O Level", "GCSE", "PUC", "Pre-University", "SSLC", "Matriculation", "LL.B", "LL.M",
        "Ed.S.", "Ed.D.", "Psy.D.", "M.D.", "Juris Doctor", "Doctor of Philosophy", "Doctorate", "Undergraduate degree",
        "Graduate in Commerce", "Engineering graduate", "Degree in Science", "Post Graduate Diploma", "HND", "BTEC HNC",
        "Polytechnic", "MBBS", "BDS", "BSN", "MSN", "ADN", "AAS", "DNP", "PharmD", "DPT", "DVM", "DDS", "Sc.D.", "MFA",
        "B.F.A.", "MPH", "M.P.A.", "MSW", "M.S.Ed.", "B.S.Ed.", "M.A.T.", "M.Eng", "BEng", "BSEE", "MSCS", "BSBA",
        "MAcc", "BASc", "Licenciatura", "Bacharelado", "Laurea", "Maestría", "Mestrado", "Magister", "Dipl.-Ing.",
        "Doctorado", "Doutorado", "Doctorat", "Diplomado", "MCA", "BCA", "BBA", "B.Com", "M.Com", "B.Pharm", "M.Phil",
    ]  # fmt: skip
    text = "\n".join(f"{f} in Physics, 2010" for f in forms)
    want = [(m.start(), m.group(0)) for m in unfiltered.finditer(text)]
    got = [(m.start(), m.group(0)) for m in edu._DEGREE_RE.finditer(text)]
    assert got == want
    assert len(want) >= len(forms)


@pytest.mark.parametrize(
    ("line", "degree", "field"),
    [
        ("Bachelor of Science degree in Biology, 2008", "Bachelor of Science degree in Biology", "Biology"),
        ("J.D. degree, 1995", "J.D. degree", None),
        ("Ph.D. candidate in Political Science", "Ph.D. candidate in Political Science", "Political Science"),
        (
            "Bachelor of Arts with an emphasis in Marketing, 2010",
            "Bachelor of Arts with an emphasis in Marketing",
            "Marketing",
        ),
        (
            "B.A. in English with a concentration in Writing",
            "B.A. in English with a concentration in Writing",
            "English",
        ),
        ("Associate in Applied Science, Nursing", "Associate in Applied Science, Nursing", "Nursing"),
    ],
)
def test_words_that_belong_to_the_degree(line: str, degree: str, field: str | None) -> None:
    text = f"EDUCATION\n{line}\nState University\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == (degree, field)


def test_a_long_line_of_names_is_read_in_bounded_time() -> None:
    # each institution word on a line cost a scan of the whole line, for every word: 500 names on one line took
    # seconds (quadratic); a line that long is no institution's, and a degree's line reads its first names only
    for text in (
        "Education\n" + "Northgate University, " * 500,
        "Education\nB.A. History, " + "Northgate University, " * 2000 + "\n",
    ):
        sections = split_sections(text)
        start = time.process_time()
        entries = extract_education(text, sections)
        assert time.process_time() - start < 1.0
        assert [e.degree for e in entries if e.degree] == (["B.A. History"] if "B.A." in text else [])
