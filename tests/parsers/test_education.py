"""Education: degree as written, normalized level, field, institution, dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.education import degree_level, extract_education
from parsers.sections import split_sections


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
    ],
)
def test_levels(degree: str, level: str) -> None:
    assert degree_level(degree) == level


@pytest.mark.parametrize("text", ["I will be there", "ma in", "be a good team player", "Java"])
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


def test_multi_line_entry() -> None:
    text = "Education\nMaster of Science in Data Science\nUniversity of Edinburgh\n2019\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.level, e.institution, e.end.year if e.end else None) == (
        "Master of Science in Data Science",
        "master",
        "University of Edinburgh",
        2019,
    )


def test_institution_without_degree() -> None:
    text = "EDUCATION\nTexas Tech University, Lubbock, TX\n2005 - 2009\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.degree is None and e.institution == "Texas Tech University"


def test_missing_stays_none() -> None:
    text = "EDUCATION\nBachelor of Arts\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.institution, e.start, e.end) == (None, None, None)


def test_field_of_study_forms() -> None:
    text = (
        "EDUCATION\n"
        "BSc (Hons)\nInformation Technology\nNuneaton University 2005 - 2008\n\n"
        'Bachelor in "Instrumentation and Control Engineering"\nSaranathan College of Engineering\n\n'
        "MBA in marketing-tourism, Calicut University, 2018\n\n"
        "BS\nElectrical Engineering, 1991: Rutgers University, New Brunswick, NJ\n"
    )
    eds = extract_education(text, split_sections(text))
    got = [(e.degree, e.field, e.institution) for e in eds]
    assert got == [
        ("BSc (Hons) Information Technology", "Information Technology", "Nuneaton University"),
        ('Bachelor in "Instrumentation and Control Engineering"', "Instrumentation and Control Engineering",
         "Saranathan College of Engineering"),
        ("MBA in marketing-tourism", "marketing-tourism", "Calicut University"),
        ("BS Electrical Engineering", "Electrical Engineering", "Rutgers University"),
    ]  # fmt: skip


def test_an_institution_claimed_by_one_degree_is_not_reused_when_another_is_near() -> None:
    text = (
        "EDUCATION\nMaster of Electrical and Information Engineering\nMicro and Opto Electronics. XXXX University, "
        "Germany.\nBachelor of Engineering\nElectronics and Communication. XXX College of Engineering.\n"
    )
    insts = [e.institution for e in extract_education(text, split_sections(text))]
    assert insts == ["XXXX University", "XXX College of Engineering"]


def test_institution_before_degree_on_one_line_and_a_city_is_no_field() -> None:
    text = (
        "EDUCATION\nMarietta College Bachelor of Arts, Marietta, Ohio, August 2007 - May 2011\n"
        "Bachelor of Science, Finance/Accounting—Hoboken State University, Hoboken, NJ\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Bachelor of Arts", "Marietta College"),
        ("Bachelor of Science, Finance/Accounting", "Hoboken State University"),
    ]


def test_degree_lines_next_to_institution_lines_under_another_heading() -> None:
    # the education heading was lost (PDF letter spacing), so the lines sit under another section
    text = (
        "SKILLS\nBudgeting\n"
        "Big State University, Dallas, TX\nMaster of Arts, Educational Administration, 2004\n"
        "Managed budgets of 2 schools\n"
    )
    eds = extract_education(text, split_sections(text))
    assert [(e.degree, e.institution, e.end.year if e.end else None) for e in eds] == [
        ("Master of Arts, Educational Administration", "Big State University", 2004)
    ]


def test_indeed_layout_dates_belong_to_the_degree_above_them() -> None:
    text = (
        "EDUCATION\n\nB.Tech in Computer Science\n\nIIT Delhi - New Delhi, Delhi\n\n2010 to 2014\n\n"
        "M.C.A\n\nAnna University -  Chennai, Tamil Nadu\n\n2014 to 2016\n"
    )
    got = [
        (e.degree, e.institution, e.end.year if e.end else None)
        for e in extract_education(text, split_sections(text))
    ]
    assert got == [("B.Tech in Computer Science", "IIT Delhi", 2014), ("M.C.A", "Anna University", 2016)]
    # date-first layout keeps working
    text2 = "EDUCATION\n2010 - 2014\nB.Tech, IIT Delhi\n2014 - 2016\nM.Tech, IIT Bombay\n"
    got2 = [
        (e.degree, e.end.year if e.end else None) for e in extract_education(text2, split_sections(text2))
    ]
    assert got2 == [("B.Tech", 2014), ("M.Tech", 2016)]


def test_pg_diploma_and_a_polytechnic_by_name() -> None:
    assert degree_level("PG Diploma in Management") == "master"
    text = "EDUCATION\nDiploma in Civil Engineering from ABC Polytechnic, 2008\n"
    got = [(e.degree, e.institution, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("Diploma in Civil Engineering", "ABC Polytechnic", "associate")]


def test_field_forms_on_the_next_line_and_in_lower_case() -> None:
    text = (
        "EDUCATION\n\n"
        "Bachelor of Arts\n\n: Public Administration\n\nRiverside State University\n\n"
        "Associate of Science\nMajor: Applied Chemistry\nLakeview Community College\n\n"
        "BSc (Hons)\nGeography with Economics\nNorthfield University 2001 - 2004\n\n"
        "MBA in Retail and supply logistics, Hillcrest University, 2012\n\n"
        "BCA in Computer applications\nWestbrook College\n"
    )
    got = [(e.degree, e.field) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Bachelor of Arts : Public Administration", "Public Administration"),
        ("Associate of Science Major: Applied Chemistry", "Applied Chemistry"),
        ("BSc (Hons) Geography with Economics", "Geography with Economics"),
        ("MBA in Retail and supply logistics", "Retail and supply logistics"),
        ("BCA in Computer applications", "Computer applications"),
    ]


def test_a_lower_case_tail_that_is_not_a_field_is_left_out() -> None:
    text = "EDUCATION\nB.Tech in Mechanical Engineering from Eastfield Institute of Technology\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.institution) == (
        "B.Tech in Mechanical Engineering",
        "Eastfield Institute of Technology",
    )


def test_degree_lines_under_a_wrong_heading() -> None:
    # two-column layout: the education heading sits beside another heading, the degrees land below it
    text = (
        "Pat Doe\nEDUCATION\n\nFIELD\nEXPERIENCE\n\n"
        "Master of Arts, Clinical Psychology\nMay 2016\n"
        "Worked with families\n"
    )
    got = [(e.degree, e.end.year if e.end else None) for e in extract_education(text, split_sections(text))]
    assert got == [("Master of Arts, Clinical Psychology", 2016)]
    # a degree line that names its institution on the same line, under an unrecognised heading
    text2 = "Sales Work\nSold things\nOther Studies:\nBachelors in Arts, Greenfield College, Iowa, 1999\n"
    got2 = [(e.degree, e.institution) for e in extract_education(text2, split_sections(text2))]
    assert got2 == [("Bachelors in Arts", "Greenfield College")]


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


def test_work_for_a_degree_is_no_degree_and_field_lists_are_whole() -> None:
    text = (
        "EDUCATION\nMaster of Science in Physics, Chemistry and Materials, Eastbrook University, 2011\n"
        "Masters Thesis\nCrystal growth in thin films\n"
    )
    got = [(e.degree, e.field) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Master of Science in Physics, Chemistry and Materials", "Physics, Chemistry and Materials")
    ]
    # a place after the comma is no field
    text2 = "EDUCATION\nBachelor of Science in Biology, Salem and Portland, Oregon\n"
    (e,) = extract_education(text2, split_sections(text2))
    assert e.field == "Biology"


def test_institution_names_wrapped_over_two_lines() -> None:
    text = (
        "EDUCATION\n"
        "B.S. in Computer Science from the Eastern Institute of\nTechnology, 2005\n\n"
        "2001: Bachelor of Science in Marine Biology, Northern Coastal\nUniversity\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("B.S. in Computer Science", "Eastern Institute of Technology"),
        ("Bachelor of Science in Marine Biology", "Northern Coastal University"),
    ]
    # the words above a lone "University" are a degree, not the start of a name
    text2 = "EDUCATION\nMaster of Science\nUniversity\n"
    assert [e.institution for e in extract_education(text2, split_sections(text2))] == [None]


def test_institution_pieces_split_at_semicolons_and_colons() -> None:
    text = (
        "EDUCATION\nB.A., Magna Cum Laude; Honors in History; Western Hills University\n"
        "Diploma in Social Work: Riverbend College\n"
    )
    insts = [e.institution for e in extract_education(text, split_sections(text))]
    assert insts == ["Western Hills University", "Riverbend College"]


def test_a_degree_from_an_institution_in_prose_when_no_section_lists_degrees() -> None:
    text = (
        "Experience\nSite Engineer, Tarmac Works\n"
        "• Completed B.E. in Civil Engineering from the Hillview Institute of Technology, Nashik.\n"
        "• Worked at Acme on bridges\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [("B.E. in Civil Engineering", "Hillview Institute of Technology")]


def test_a_state_code_after_an_institution_and_city_is_no_degree() -> None:
    text = "EDUCATION\nTeaching Certificate, The University of Dakota, Fargo, MS, 1999\nB.S., Biology, MS, 2004\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert ("MS", "University of Dakota") not in got
    assert [d for d, _ in got if d] == ["B.S.", "MS"]
    # a line that is only "City, ST": an address line under the school
    text2 = "EDUCATION\nLakeview College\nChestnut Hill, MA\n2004 - 2008\n"
    assert [(e.degree, e.institution) for e in extract_education(text2, split_sections(text2))] == [
        (None, "Lakeview College")
    ]


def test_a_state_in_the_contact_block_is_no_degree() -> None:
    for text in (
        "Jane Roe\nBoston, MA\njane@example.org\n\nEXPERIENCE\nNurse, Acme Hospital, 2010 - 2015\n",
        "John Roe\nJackson, MS\n\nSKILLS\nWelding\n",
    ):
        assert extract_education(text, split_sections(text)) == []


def test_a_generic_degree_word_heading_the_next_degree_is_no_entry() -> None:
    text = (
        "EDUCATION\nPOSTGRADUATE DEGREE\nMaster of Public Health (MPH)\n"
        "UNDERGRADUATE DEGREE\n\nBSc - Biochemistry\n"
    )
    got = [e.degree for e in extract_education(text, split_sections(text))]
    assert got == ["Master of Public Health (MPH)", "BSc - Biochemistry"]
    # alone, a generic degree is still the entry
    text2 = "EDUCATION\nBachelor Degree\nHollis University, 2010\n"
    assert [e.degree for e in extract_education(text2, split_sections(text2))] == ["Bachelor Degree"]


def test_the_institution_is_the_part_of_a_piece_a_year_splits_off_that_names_it() -> None:
    text = (
        "Education\nBachelor of Science : Marketing 2004 Lakemont University, Springfield, IL\n"
        "Master of Arts : History 2009 Ridgeview College GPA: 3.8\n"
        "Master of Science : Ecology 12-27 2012 Universidad de Montaña\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert [i for _d, i in got] == ["Lakemont University", "Ridgeview College", "Universidad de Montaña"]


def test_degree_is_no_field_and_a_school_certificate_is_no_institution() -> None:
    text = (
        "Education\nB.A. Degree\nHillcrest University, 2001\n"
        "High School Diploma : General Studies 1997 Maple Grove Academy, Dover\n"
    )
    got = [(e.degree, e.field, e.institution) for e in extract_education(text, split_sections(text))]
    assert got[0] == ("B.A. Degree", None, "Hillcrest University")
    assert got[1][2] == "Maple Grove Academy"
    # an institution name wrapped onto a second line is one name, spaces normalized
    text2 = "EDUCATION\nMSc Finance, 2010, Westbrook Business\nSchool, Holland\n"
    (e,) = extract_education(text2, split_sections(text2))
    assert e.institution == "Westbrook Business School"


def test_pdf_glued_of_and_a_month_is_no_field() -> None:
    text = (
        "Education\nBachelor ofScience : Geology 1998 Westfield University, Dover\n"
        "Master ofBusiness Administration (MBA) : Finance 2004 Eastvale University, Dover\n"
        "Bachelor of Arts May 1995 Northgate College\nMBA Marketing, 2010\n"
    )
    got = [(e.degree, e.field, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Bachelor ofScience : Geology", "Geology", "bachelor"),
        ("Master ofBusiness Administration (MBA) : Finance", "Finance", "master"),
        ("Bachelor of Arts", None, "bachelor"),
        ("MBA Marketing", "Marketing", "master"),
    ]


def test_a_degree_line_is_no_institution_of_its_own() -> None:
    text = "EDUCATION\nHigh School Diploma : 06/2010\nMaple Grove High School, Dover\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert all(inst is None or not inst.startswith("High School Diploma") for _d, inst in got)


def test_degree_in_a_field_and_diplomado() -> None:
    text = (
        "EDUCATION\nQualification: Degree in Engineering (Metallurgy)\n"
        "Bachelor of Science Degree in Education\nNorthgate College\n"
        "Diplomado Labor Law, 2007\nUniversidad del Valle\n"
    )
    got = [(e.degree, e.level, e.field) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Degree in Engineering", "bachelor", "Engineering"),
        ("Bachelor of Science Degree in Education", "bachelor", "Education"),
        ("Diplomado Labor Law", "associate", "Labor Law"),
    ]


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


def test_a_name_wrapped_before_of_and_the_state_after_it() -> None:
    text = (
        "EDUCATION\nBachelor of Science in Biology, Lakeside University, Dover, DE\n"
        "Instructor Certification, The University\nof Westmark, Columbia, MS, 1997\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Bachelor of Science in Biology", "Lakeside University"),
        (None, "University of Westmark"),
    ]


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


def test_a_wrapped_name_stops_at_a_full_stop() -> None:
    text = (
        "EDUCATION\nReceived a Bachelor of Science in Physics from the Eastern Institute of\n"
        "Technology. Concentrated in optics and lasers.\n"
    )
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "Eastern Institute of Technology"


def test_an_institution_piece_ends_at_a_colon() -> None:
    text = "EDUCATION\nHarbor Patrol Academy: Federal Maritime Training Center, Brunswick, GA, 1985\n"
    insts = [e.institution for e in extract_education(text, split_sections(text))]
    assert insts == ["Harbor Patrol Academy"]


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


def test_curly_apostrophes_in_bachelors_and_masters() -> None:
    # word processors write "Bachelor’s"; a stray space before the quote ("Master ‘s") comes from PDF text
    text = (
        "EDUCATION\nBachelor’s Degree in Computer Science, Ohio Valley University, 2010\n"
        "Master ‘s Program, Kent Hill University, 2012\n"
    )
    got = [(e.degree, e.field, e.level, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Bachelor’s Degree in Computer Science", "Computer Science", "bachelor", "Ohio Valley University"),
        ("Master ‘s Program", None, "master", "Kent Hill University"),
    ]
    assert degree_level("Associate’s Degree") == "associate"
    text = "EDUCATION\nMaster's Program in Information Systems\nUniversity of Dundee, Dundee, UK\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == ("Master's Program in Information Systems", "Information Systems")


def test_a_long_lower_case_field_and_prose_after_a_degree() -> None:
    text = (
        "EDUCATION\n\nmasters in journalism and communication in mass comm client servicing\n\n2011 to 2013\n"
    )
    (e,) = extract_education(text, split_sections(text))
    assert e.field == "journalism and communication in mass comm client servicing"
    # words of a sentence are no field
    text = "EDUCATION\n\nmasters in journalism and i want to work in media\n\n2011 to 2013\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == ("masters", None)


def test_a_degree_line_with_a_specialization_under_another_heading() -> None:
    # two-column layout: the degrees land under the EXPERIENCE heading beside EDUCATION
    text = (
        "Pat Doe\nEDUCATION\n\nCLINICAL\nEXPERIENCE\n\n"
        "Master of Arts, Counseling Psychology\nMay 2015\n"
        "Bachelor of Science, Psychology, Clinical Specialization\nMay 2013\n"
        "Eastbrook University, Towson, MD\n"
    )
    got = [(e.degree, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Master of Arts, Counseling Psychology", "master"),
        ("Bachelor of Science, Psychology", "bachelor"),
    ]


def test_an_institution_after_from_the_on_the_degree_line() -> None:
    text = (
        "Education\nMasters degree in Public Law\nFaculty of Law and Economic Sciences, Paris\n"
        "Diploma from the Institute of Political Studies, Paris\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Masters degree in Public Law", "Faculty of Law and Economic Sciences"),
        ("Diploma", "Institute of Political Studies"),
    ]


def test_institution_names_typed_in_lower_case() -> None:
    text = (
        "EDUCATION\n\npass 12 in medical\n\nchandigarh university -  Chandigarh, Chandigarh\n\n2016 to 2019\n"
    )
    assert [e.institution for e in extract_education(text, split_sections(text))] == ["chandigarh university"]
    text = "EDUCATION\n\nBSc in Computer Science\n\nnarayana jr.college\n\n2015\n"
    assert [e.institution for e in extract_education(text, split_sections(text))] == ["narayana jr.college"]
    # a lower-case sentence that ends with an institution word is no name
    text = "EDUCATION\n\nBSc in Computer Science\n\nstudied hard at the college\n\n2015\n"
    assert [e.institution for e in extract_education(text, split_sections(text))] == [None]


@pytest.mark.parametrize(
    ("degree", "level"),
    [
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
    ],
)
def test_more_degree_abbreviations(degree: str, level: str) -> None:
    assert degree_level(degree) == level


@pytest.mark.parametrize("text", ["DBA", "mph", "60 mph", "bsn", "Mpa"])
def test_abbreviations_that_name_other_things(text: str) -> None:
    # a database administrator, miles per hour; the bare abbreviations count in upper case only
    assert degree_level(text) is None


def test_abbreviated_degrees_in_entries() -> None:
    text = (
        "EDUCATION\nMSN, Family Nurse Practitioner, Rush University, 2016\n"
        "BSN, Loyola University Chicago, 2011\nM.S.Ed., Counselor Education, SUNY Oneonta, 1993\n"
    )
    got = [(e.degree, e.level, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("MSN, Family Nurse Practitioner", "master", "Rush University"),
        ("BSN", "bachelor", "Loyola University Chicago"),
        ("M.S.Ed., Counselor Education", "master", "SUNY Oneonta"),
    ]


def test_a_degree_inside_another_degree_phrase_is_one_entry() -> None:
    text = "EDUCATION\nPostgraduate Academic Diploma in Law, University of London, 1963\n"
    got = [(e.degree, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("Postgraduate Academic Diploma in Law", "master")]


def test_a_field_before_an_institution_is_no_city() -> None:
    text = "EDUCATION\nPh.D., Chemistry, Massachusetts Institute of Technology, 2012\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field, e.institution) == (
        "Ph.D., Chemistry",
        "Chemistry",
        "Massachusetts Institute of Technology",
    )


def test_a_clause_after_the_institution_name_is_cut() -> None:
    text = "EDUCATION\nGraduated from Harvard University with a B.A. in Economics (2008)\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.institution) == ("B.A. in Economics", "Harvard University")


def test_an_all_capitals_entry() -> None:
    text = "EDUCATION\nMASTER OF SCIENCE IN DATA SCIENCE\nNORTHEASTERN UNIVERSITY, BOSTON, MA\n2018\n"
    got = [(e.degree, e.field, e.institution) for e in extract_education(text, split_sections(text))]
    # "MA" after "BOSTON," is the state, not a Master of Arts
    assert got == [("MASTER OF SCIENCE IN DATA SCIENCE", "DATA SCIENCE", "NORTHEASTERN UNIVERSITY")]


def test_well_known_names_without_an_institution_word() -> None:
    text = "EDUCATION\nUCLA, B.A. Psychology, 2009\nGeorgia Tech — MS in Computer Science, 2014\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [("B.A. Psychology", "UCLA"), ("MS in Computer Science", "Georgia Tech")]
    # in lower case "mit" is a German word, not the institute
    text = "EDUCATION\nB.S. in Biology, mit Auszeichnung, 2001\n"
    assert [e.institution for e in extract_education(text, split_sections(text))] == [None]


def test_institution_first_entries() -> None:
    # one institution above two degrees: both took it
    text = (
        "EDUCATION\nStanford University, Stanford, CA\nM.S. Electrical Engineering, June 2012\n"
        "B.S. Electrical Engineering, June 2010\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("M.S. Electrical Engineering", "Stanford University"),
        ("B.S. Electrical Engineering", "Stanford University"),
    ]
    # each institution above its degree: the one above wins even when the next entry's is as near below
    text = "EDUCATION\nStanford University\nM.S. Physics, 2012\nBoston College\nB.S. Physics, 2010\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [("M.S. Physics", "Stanford University"), ("B.S. Physics", "Boston College")]
    # degree first: the institution below each degree
    text = "EDUCATION\nM.S. Physics, 2012\nStanford University\nB.S. Physics, 2010\nBoston College\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [("M.S. Physics", "Stanford University"), ("B.S. Physics", "Boston College")]


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


def test_a_town_named_after_a_college_is_no_institution() -> None:
    text = (
        "EDUCATION\nTexas A&M University, College Station, TX\n"
        "Bachelor of Business Administration, Finance, 2011\n"
    )
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "Texas A&M University"
    # a second institution after the first on one line is no town
    text = (
        "EDUCATION\nTeachers College, Columbia University, New York, NY\nMaster of Arts in Education, 2014\n"
    )
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "Columbia University"


def test_a_named_high_school_is_the_school_not_a_second_certificate() -> None:
    text = "EDUCATION\nHigh School Diploma\nLincoln High School, Springfield, IL\n2005\n"
    got = [(e.degree, e.institution, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("High School Diploma", "Lincoln High School", "secondary")]


def test_applied_science_and_a_verb_before_the_institution() -> None:
    text = (
        "EDUCATION\nUniversity of Toronto | Toronto, ON\n"
        "Bachelor of Applied Science in Mechanical Engineering | 2012 - 2016\n"
    )
    (e,) = extract_education(text, split_sections(text))
    assert (e.field, e.institution) == ("Mechanical Engineering", "University of Toronto")
    text = "EDUCATION\nB.A. History, 2010\nGraduated from Boston College\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "Boston College"


def test_a_qualification_line_under_a_skills_heading() -> None:
    text = (
        "EDUCATION\nB.E, Anna University, Chennai (2008-2012)\n\n"
        "TECHNICAL SKILLS\n\nDiploma in Computer Applications\n\nJava, SQL, MS Office\n"
    )
    got = [(e.degree, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("B.E", "bachelor"), ("Diploma in Computer Applications", "associate")]
    # a degree inside a skill line is no qualification
    text = "EDUCATION\nB.E, Anna University, 2012\n\nSKILLS\nTaught BSc students Java and SQL\n"
    assert [e.degree for e in extract_education(text, split_sections(text))] == ["B.E"]


def test_an_australian_secondary_college_is_a_school() -> None:
    text = "EDUCATION\nBachelor of Arts, Monash University, 2010\nSouth Oakleigh Secondary College, 2006\n"
    got = [(e.institution, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("Monash University", "bachelor"), ("South Oakleigh Secondary College", "secondary")]


@pytest.mark.parametrize(
    ("degree", "level"),
    [
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
def test_degrees_named_in_other_languages(degree: str, level: str) -> None:
    assert degree_level(degree) == level


def test_institutions_named_in_other_languages() -> None:
    text = (
        "EDUCATION\nUniversidad Nacional Autónoma de México — Licenciatura en Derecho, 2008\n"
        "Universitas Indonesia, Magister Hukum, 2012\nPolitechnika Warszawska, M.Sc., 2014\n"
        "Fachhochschule Köln\nBachelor of Engineering, 2011\n"
    )
    got = [(e.degree, e.field, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Licenciatura en Derecho", "Derecho", "Universidad Nacional Autónoma de México"),
        ("Magister Hukum", "Hukum", "Universitas Indonesia"),
        ("M.Sc.", None, "Politechnika Warszawska"),
        ("Bachelor of Engineering", None, "Fachhochschule Köln"),
    ]


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


def test_a_field_on_the_next_line_in_brackets_or_before_a_year() -> None:
    text = "EDUCATION\nBachelor of Technology\n(Computer Science and\nEngineering)\nAnna University, 2012\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.field, e.institution) == ("Computer Science and Engineering", "Anna University")
    text = "EDUCATION\nBachelor of Arts\nPolitical Science 1992\nBoston College\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == ("Bachelor of Arts Political Science", "Political Science")


def test_a_dotted_abbreviation_alone_on_its_line() -> None:
    text = "EDUCATION\nM.S.\nStanford University, 2012\nB.S.\nBoston College, 2010\n"
    got = [(e.degree, e.level, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [("M.S.", "master", "Stanford University"), ("B.S.", "bachelor", "Boston College")]


def test_associate_of_arts_glued_and_some_college() -> None:
    text = (
        "EDUCATION\nAssociate ofArts : Business Administration American International University - City\n\n"
        "Some College (No Degree) : Certified Medical Assistant , 1976\nBryant School - City\n"
    )
    got = [(e.degree, e.level, e.institution) for e in extract_education(text, split_sections(text))]
    assert got[0][:2] == ("Associate ofArts", "associate")
    assert "Some College" not in [g[2] for g in got]
    text = "EDUCATION\nAssociate of Arts in Business, Valley College, 2001\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field, e.institution) == (
        "Associate of Arts in Business",
        "Business",
        "Valley College",
    )


def test_an_institution_line_laid_out_name_dash_place() -> None:
    text = (
        "EDUCATION\n\nPost Graduate Diploma in Embedded Systems\n\nCDAC -  Kochi, Kerala\n\n2006\n\n"
        "masters in journalism\n\namity -  Noida, Uttar Pradesh\n\n2013\n"
    )
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    # a lower-case piece before the dash may be prose, not a name
    assert got == [("Post Graduate Diploma in Embedded Systems", "CDAC"), ("masters in journalism", None)]


def test_a_school_named_for_a_person_or_place_is_school_level() -> None:
    text = "EDUCATION\nLakeside School, Seattle, 2004\nHarvard Business School, 2012\n"
    got = [(e.institution, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("Lakeside School", "secondary"), ("Harvard Business School", None)]


def test_an_abbreviation_in_brackets_after_the_degree_and_its_field_is_that_degree() -> None:
    text = "EDUCATION\nMaster of Science in Computer Science (M.S.), Stanford University, 2010\n"
    got = [(e.degree, e.field, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [("Master of Science in Computer Science", "Computer Science", "Stanford University")]
    text = "EDUCATION\nMBA [Finance], Indian Institute of Management, 2010\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == ("MBA [Finance]", "Finance")


def test_a_degree_of_two_joined_subjects_and_a_subject_in_lower_case_in_a_name() -> None:
    text = "EDUCATION\nBachelor of Arts and Sciences, Biology, Cornell University\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == ("Bachelor of Arts and Sciences, Biology", "Biology")
    text = "EDUCATION\nB.E, Anna University, 2012\n\nT.J Institute of technology, Chennai.\nHSC State Board (2008)\n"
    got = [(e.institution, e.level) for e in extract_education(text, split_sections(text))]
    assert ("T.J Institute of technology", None) in got


def test_a_bachelors_degree_is_never_taken_at_a_high_school() -> None:
    text = "EDUCATION\nBachelor of Laws (LL.B)\n\nAlliance High School, Kikuyu\nA Level, 1972\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert ("Bachelor of Laws (LL.B)", "Alliance High School") not in got
    assert ("A Level", "Alliance High School") in got


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


def test_a_campus_after_its_university_on_the_line_is_no_institution_of_its_own() -> None:
    for text in (
        "EDUCATION\nHillcrest State University, Lakeside Campus\nBachelor of Science in Biology, 2012\n",
        "EDUCATION\nHillcrest State University, Lakeside Campus - Bachelor of Science in Biology, 2012\n",
    ):
        (e,) = extract_education(text, split_sections(text))
        assert (e.degree, e.institution) == ("Bachelor of Science in Biology", "Hillcrest State University")
    # a campus named alone stays the institution
    text = "EDUCATION\nBachelor of Arts, 2010\nNorth Ridge Campus\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "North Ridge Campus"


def test_a_degree_wrapped_over_two_lines_is_one_degree_with_its_whole_field() -> None:
    # the abbreviation on the line where the wrapped degree ends is that degree, not a second one
    text = "EDUCATION\nBachelor of\nEngineering (B.E.)\nHillcrest State University, 2010\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert got == [("Bachelor of Engineering", "Hillcrest State University")]
    # a field's head noun wrapped onto the next line belongs to the field
    text = "EDUCATION\nBachelor of Science in Electrical\nEngineering, Hillcrest State University, 2010\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == ("Bachelor of Science in Electrical Engineering", "Electrical Engineering")
    text = "EDUCATION\nMaster of Business\nAdministration\nHillcrest State University, 2012\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field, e.institution) == (
        "Master of Business Administration",
        "Business Administration",
        "Hillcrest State University",
    )
    # a field that is whole stays so; the next line is another entry's
    text = "EDUCATION\nBachelor of Arts in History\nEducation Abroad Program, Hillcrest State University\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.field == "History"


def test_a_field_cut_at_a_line_break_after_a_connector_or_before_its_head_noun() -> None:
    text = "EDUCATION\nMaster of Science in Mechanical and\nAerospace Engineering, Hillcrest State University, 2010\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.field == "Mechanical and Aerospace Engineering"
    # in capitals as the field is written
    text = "EDUCATION\nBACHELOR OF ENGINEERING in ELECTRONICS & COMMUNICATION\nENGINEERING\n\nHillcrest College\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.field == "ELECTRONICS & COMMUNICATION ENGINEERING"
    # a dangling "in" before a category on the next line is no part of the field, nor a connector before a name
    text = "EDUCATION\nPost Graduate Program in Business Analytics in\nBUSINESS\n\nHillcrest Institute of Management\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field) == ("Post Graduate Program in Business Analytics", "Business Analytics")
    text = "EDUCATION\nMaster of Science in Mechanical and\nHillcrest State University, 2010\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.field, e.institution) == ("Mechanical", "Hillcrest State University")
    # the connector may start the next line instead; prose there is not the field's
    text = "EDUCATION\nMaster of Education in Curriculum\nand Instruction\nHillcrest State University, 2019\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.field, e.institution) == ("Curriculum and Instruction", "Hillcrest State University")
    text = "EDUCATION\nBachelor of Arts in History\nand managed the student newspaper\nHillcrest State University\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.field == "History"


def test_an_institution_known_by_its_acronym_alone_on_the_line_below_the_degree() -> None:
    text = "EDUCATION\n\nB.Tech in Computer Science\n\nHSTU\n\n2012 to 2016\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.institution) == ("B.Tech in Computer Science", "HSTU")
    # a degree, a grade or a roman numeral below is none
    for below in ("MBA", "CGPA", "III"):
        text = f"EDUCATION\n\nB.Tech in Computer Science\n\n{below}\n"
        assert all(e.institution != below for e in extract_education(text, split_sections(text)))


def test_a_training_centre_named_on_its_line_in_an_education_section_is_an_institution() -> None:
    text = "EDUCATION\nBachelor of Laws, Hillcrest University, 1990\n\nRiverside Regional Training Centre, Nairobi\n"
    got = [(e.degree, e.institution, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [
        ("Bachelor of Laws", "Hillcrest University", "bachelor"),
        (None, "Riverside Regional Training Centre", None),
    ]
    # a line that names an institution is read by the institution rules, not as a centre
    text = "EDUCATION\nHillcrest University Medical Center, 2001\n"
    assert [e.institution for e in extract_education(text, split_sections(text))] == [
        "Hillcrest University Medical Center"
    ]


def test_a_name_whose_saint_prefix_ends_the_line_above() -> None:
    text = "EDUCATION\nMaster of Arts in Human Services, St.\nAugustine's University, Raleigh, NC\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "St. Augustine's University"


def test_two_degrees_of_different_levels_on_one_line_are_two_entries() -> None:
    text = "EDUCATION\nB.A., M.A. in English, Hillcrest University, 2012\n"
    got = [(e.degree, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("B.A.", "bachelor"), ("M.A. in English", "master")]
    text = "EDUCATION\nBS/MS in Physics, Hillcrest University, 2010\n"
    got = [(e.degree, e.level) for e in extract_education(text, split_sections(text))]
    assert got == [("BS", "bachelor"), ("MS in Physics", "master")]
    # a tool is no degree
    assert degree_level("MS/Office") is None


def test_a_clause_after_an_institution_in_prose_is_no_part_of_its_name() -> None:
    text = (
        "SUMMARY\nExperienced analyst with an MBA from Hillcrest University and 10 years in banking.\n\n"
        "EXPERIENCE\nAnalyst, Acme, 2010 - 2020\n"
    )
    assert [e.institution for e in extract_education(text, split_sections(text))] == ["Hillcrest University"]
    text = "EDUCATION\nB.S., Hillcrest Institute of Science and Technology, 2010\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "Hillcrest Institute of Science and Technology"


def test_an_institution_in_brackets_after_a_course_and_a_degrees_initials_in_brackets() -> None:
    text = "EDUCATION\nCoursera: Machine Learning (Stanford University), 2019\nB.A. Mathematics, Riverbend College, 2015\n"
    got = [(e.degree, e.institution) for e in extract_education(text, split_sections(text))]
    assert (None, "Stanford University") in got
    assert ("B.A. Mathematics", "Riverbend College") in got
    # a college's university in brackets stays part of the college's name
    text = "EDUCATION\nB.E., Hillcrest Engineering College (Anna University), 2010\n"
    (e,) = extract_education(text, split_sections(text))
    assert e.institution == "Hillcrest Engineering College (Anna University)"
    # the degree's initials are no field; a field's abbreviation is one
    text = "EDUCATION\nDoctor of Medicine (MD), Hillcrest School of Medicine, 2012\nB.E. (CSE), Riverbend College\n"
    got = [(e.degree, e.field) for e in extract_education(text, split_sections(text))]
    assert got == [("Doctor of Medicine (MD)", None), ("B.E. (CSE)", "CSE")]


def test_a_lower_case_field_after_a_degree_that_ends_in_in() -> None:
    text = "EDUCATION\nPost graduate in commerce, Hillcrest University, 2004-05\n"
    (e,) = extract_education(text, split_sections(text))
    assert (e.degree, e.field, e.institution) == (
        "Post graduate in commerce",
        "commerce",
        "Hillcrest University",
    )
