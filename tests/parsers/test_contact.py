"""Contact details: name heuristics, emails, phones (with year-range negatives), links, evidence spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.contact import extract_contact, find_emails, find_links, find_name, find_phones, guess_region
from parsers.sections import split_sections


def _contact(text: str):  # type: ignore[no-untyped-def]
    return extract_contact(text, split_sections(text))


def test_full_header() -> None:
    text = (
        "Priya Sharma\nSenior Data Engineer\n"
        "priya.sharma@example.com | +91 98450 12345 | Bengaluru, Karnataka\n"
        "linkedin.com/in/priya-sharma | https://github.com/psharma\n\nSKILLS\nPython\n"
    )
    c = _contact(text)
    assert c.name is not None and c.name.value == "Priya Sharma"
    assert c.name.evidence is not None and text[c.name.evidence.start : c.name.evidence.end] == "Priya Sharma"
    assert c.email is not None and c.email.value == "priya.sharma@example.com"
    assert c.phone is not None and c.phone.value == "+919845012345"
    assert c.phone.evidence is not None and c.phone.evidence.text == "+91 98450 12345"
    assert c.location is not None and c.location.value == "Bengaluru, Karnataka"
    assert [(link.kind, link.url) for link in c.links] == [
        ("linkedin", "linkedin.com/in/priya-sharma"),
        ("github", "https://github.com/psharma"),
    ]


@pytest.mark.parametrize(
    ("text", "place", "e164"),
    [
        pytest.param("Phone: (415) 555-2671", "San Francisco, CA", "+14155552671", id="us-location"),
        pytest.param("Mobile: 020 7946 0958", "London, UK", "+442079460958", id="uk-location"),
    ],
)
def test_phone_e164_from_location_cue(text: str, place: str, e164: str) -> None:
    assert find_phones(text, region=guess_region(place))[0][0] == e164


def test_phone_without_country_keeps_digits() -> None:
    (value, span, _conf) = find_phones("Tel: 123-345-7890")[0]
    assert value == "1233457890" and span.text == "123-345-7890"


@pytest.mark.parametrize(
    "text",
    ["2015-2019", "Worked 2015 - 2019 at Acme", "12/05/2019", "2001  2005", "Employee #123456", "ZIP 560001"],
)
def test_year_ranges_and_dates_are_never_phones(text: str) -> None:
    assert find_phones(text, region="US") == []


def test_emails_deduplicated_and_lowercased() -> None:
    found = find_emails("Mail: Jane.Doe@Example.com, jane.doe@example.com; other@x.org")
    assert [v for v, _ in found] == ["jane.doe@example.com", "other@x.org"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jane Doe\nSoftware Engineer\n", "Jane Doe"),
        ("RESUME\nJOHN A. SMITH\n123 Main Street\n", "JOHN A. SMITH"),
        ("Curriculum Vitae\nName: Rahul Kumar Verma\n", "Rahul Kumar Verma"),
        ("Carlos Hernández\nTeacher\n", "Carlos Hernández"),
        ("Maria Lopez | maria@x.com | 555-123-4567\n", "Maria Lopez"),
        ("Ann Lee, PhD\nProfessor\n", "Ann Lee"),
        # an honorific is no part of the name
        ("Dr. Amara Obi\nCardiologist\n", "Amara Obi"),
        ("Mrs Anita Rao\nanita@example.org\n", "Anita Rao"),
        ("Drew Barry\nDesigner\n", "Drew Barry"),
        # lower-case particles inside a name
        ("Lucia de la Fuente\nArchitect\n", "Lucia de la Fuente"),
        ("Pieter van Dijk\npieter@example.org\n", "Pieter van Dijk"),
        # five given names on the first line
        ("Amara Nkechi Ifeoma Zainab Obi\n\nhttps://example.org/amara\n", "Amara Nkechi Ifeoma Zainab Obi"),
        # a resume anonymized down to a surname, alone or before a placeholder
        ("Okonkwo\n44 Elm Row\nOkonkwo@example.org\n", "Okonkwo"),
        ("Brannigan XXXX\nMobile: +91-99********\n", "Brannigan"),
        # ... before an initial or a job title
        ("Okafor.V\n12/4 Lake Road,\nChennai - 600001\n", "Okafor"),
        ("Brannigan Software-Firmware Engineer\n24 Elm Road\nMorris Plains, NJ 07950\n", "Brannigan"),
        # a template page's title line: the resume, and its name, start below it
        (
            "Lorna Vance Writes\nGreat resumes get interviews, says our writer.\n"
            "Sales Representative Resume Example\nAda Okafor\n21 Elm Road, Kingston\n",
            "Ada Okafor",
        ),
        pytest.param(
            (
                "Lindenweg 12\n30159 Hannover\nTel.: +49 511 000 000\nFax: +49 511 000 001\nMobile: +49 170 000 0000\n"
                "e-mail: mk@example.org\nweb: example.org\n\nCURRICULUM VITAE\n\nPO Box 4471\nVAT no. 123 456\n"
                "Since 1998\n0. Contents\nPersonal Details:\n\n1.\n\nMarta Keller\nBerlin, 02.05.1970\n"
            ),
            "Marta Keller",
            id="under-a-personal-details-label-further-down",
        ),
        pytest.param(
            "CURRICULUM VITAE\nOBJECTIVE\nTo build reliable systems\n"
            + "Maintained build pipelines\n" * 20
            + "OTHER INFORMATION\nLanguages : English, Tamil\nFather Name : Suresh Iyer\nNationality : Indian\n"
            + "Marital Status : Single\nName : Kavya Iyer\n",
            "Kavya Iyer",
            id="name-label-among-personal-details-at-the-end",
        ),
    ],
)
def test_name_heuristics(text: str, name: str) -> None:
    found = find_name(text, split_sections(text))
    assert found is not None and found.value == name


@pytest.mark.parametrize(
    "text",
    [
        "WORK EXPERIENCE\nBuilt things.\n",
        "Senior Software Engineer\nAcme Corp\n",
        "San Mateo, CA\nAuthorized to work in the US\n",
        "42 Ollerby Street\nClayton\n",
        "Vita\nWorked as a nurse\n",
        "CASHIER\nSummary\nFriendly cashier with 5 years in retail\n",
        "Head of Sales\nAcme Corp\n",
        "LEAN SIX SIGMA BLACK BELT\nSummary\nProcess engineer\n",
        "Title\nWorked as a nurse\n",
        "Java\nSpring, Hibernate\n",
        "Greenfield Valley College Admissions Office\nGreenfield, Iowa\n",
        # a title before a title word: no surname
        "Barista Trainer\nSummary\nFive years behind the counter\n",
        "Firmware.\nEmbedded C\n",
        # an anonymised resume's first line is its title: its first words are no name
        "BENEFIT ADVOCATE SUPERVISOR\nSummary\nTen years in benefits administration\n",
        "RN STAFF NURSE\nSummary\nCaring nurse\n",
        # an employer's line below a work-history heading is never the name
        "SENIOR ACCOUNTANT\nExperience\nSenior Accountant , 01/2019 to Current\nHarbourline Retail – City , State\n",
    ],
)
def test_not_a_name(text: str) -> None:
    assert find_name(text, split_sections(text)) is None


def test_links_kinds() -> None:
    links = find_links("see www.janedoe.dev and https://www.indeed.com/r/jane and github.com/jd")
    assert [link.kind for link in links] == ["portfolio", "other", "github"]


@pytest.mark.parametrize("seed", [0, 1, 2, 5])
def test_name_on_sidebar_pdfs_is_not_a_sidebar_skill(seed: int) -> None:
    """Sidebar layouts put contact details and skill lists before the name; the email and the skill
    taxonomy keep the detector off entries such as "Patient Care" or "UX Design"."""
    synthetic = pytest.importorskip("evaluation.synthetic")
    from parsers.resume import parse_resume

    for spec in synthetic.generate_specs(6, seed):
        resume = parse_resume(synthetic.render_pdf(spec, layout="sidebar"))
        assert resume.contact.name is not None
        assert resume.contact.name.value == spec.name
        ev = resume.contact.name.evidence
        assert ev is not None and resume.text[ev.start : ev.end] == spec.name


@pytest.mark.parametrize(
    ("text", "email", "name"),
    [
        # a clear first-line name stays even when the email names someone else
        pytest.param(
            "Dorrit Quellane\nDigital Media Specialist\ngreg@atlanticstudio.ca\n\nProfile\nGreg Fisher is a designer.\n",
            "greg@atlanticstudio.ca",
            "Dorrit Quellane",
            id="clear-first-line-name-stays",
        ),
        # skill-list entries above the name give way to the line the email agrees with
        pytest.param(
            (
                "Contact\nlina.sato@example.com\n\nSKILLS\nDifferentiated Instruction\nClassroom Management\n\n"
                "Lina Sato\n\nTeacher\n"
            ),
            "lina.sato@example.com",
            "Lina Sato",
            id="skill-list-entries-above-the-name",
        ),
    ],
)
def test_name_email_agreement_only_overrides_a_weak_candidate(text: str, email: str, name: str) -> None:
    found = find_name(text, split_sections(text), email=email)
    assert found is not None and found.value == name


def test_a_line_that_straddles_the_name_search_limit_is_read_whole() -> None:
    # the search stops about 300 characters in; cut there, "Westmoor Hills University, ..." would read as
    # the name "Westmoor Hills"
    filler = "EDUCATION\n\n\n\n" + "".join(
        f"Master of Science in Nursing, May {2000 + i}\n" for i in range(7)
    )
    text = filler + "Westmoor Hills University, Dover, Delaware\n"
    assert text.index("Westmoor") < 300 < text.index("University")
    found = find_name(text, split_sections(text))
    assert found is None or "Westmoor" not in found.value


_NAME_PIECES = [
    "Jane", "DOE", "de", "la", "Dr.", "Mrs", "XXXX", "Okafor", "Name :", "Personal Details:", "University", "Johns",
    "Hopkins", "\n", "\n\n", " ", "1.", "jane@example.org", "CASHIER", "Five", "Given", "Names", "Here", "Vita",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=40))
def test_any_arrangement_of_name_pieces_gives_a_span_into_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    found = find_name(text, split_sections(text), email="jane@example.org")
    if found is not None and found.evidence is not None:
        assert text[found.evidence.start : found.evidence.end] == found.evidence.text == found.value


@pytest.mark.parametrize(
    ("place", "region"),
    [
        ("London, England", "GB"),
        ("MANCHESTER", "GB"),
        ("Leeds, UK", "GB"),
        ("Ukraine", None),
        ("uk based", None),
    ],
)
def test_guess_region_reads_british_places_in_any_case(place: str, region: str | None) -> None:
    assert guess_region(place) == region


def test_location_stays_on_its_line() -> None:
    from parsers.contact import find_location

    text = "Helen Okafor\n12 Park Lane, London\nPhone: 020 7946 0958\n"
    loc = find_location(text, len(text))
    assert loc is not None and loc.value == "Park Lane, London"
    assert loc.evidence is not None and text[loc.evidence.start : loc.evidence.end] == "Park Lane, London"
