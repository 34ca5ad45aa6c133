"""Work history: positions in common layouts, overlaps merged, gaps, months."""

from __future__ import annotations

from datetime import date

import pytest

from models.evidence import Span
from models.resume import PartialDate, WorkItem
from parsers.experience import (
    extract_experience,
    find_gaps,
    find_headline,
    total_months,
    without_own_name,
)
from parsers.sections import split_sections
from parsers.titles import looks_like_title

TODAY = date(2024, 6, 1)


def _work(text: str) -> list[WorkItem]:
    return extract_experience(text, split_sections(text), today=TODAY)


def _rows(text: str, fields: str) -> list[object]:
    """The named fields of each position read from text, as a tuple (a bare value when one field is named)."""
    names = fields.split()
    rows: list[object] = []
    for w in _work(text):
        row = tuple(getattr(w, n) for n in names)
        rows.append(row if len(row) > 1 else row[0])
    return rows


def _headline(text: str) -> str | None:
    h = find_headline(text, split_sections(text), name_end=8)
    return h.value if h else None


# The fields of every position read from a layout, in order.
@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            (
                "WORK EXPERIENCE\n\nSoftware Engineer\n\nInfosys Limited - Pune, Maharashtra\n\n"
                "September 2014 to Present\n\nResponsibilities:\n* Wrote code\n"
            ),
            "title employer location",
            [("Software Engineer", "Infosys Limited", "Pune, Maharashtra")],
            id="indeed-layout-title-then-company-then-dates",
        ),
        pytest.param(
            "Career History\n2004-2007\nBay Journal\nEditor\nEdited news.\n2007-Present\nDaily Mail\nDeputy Editor\n",
            "title employer",
            [("Editor", "Bay Journal"), ("Deputy Editor", "Daily Mail")],
            id="date-first-layout",
        ),
        pytest.param(
            (
                "PROFESSIONAL EXPERIENCE\nNestle, Norwalk, CT | Mar 2008\nPresent\nDigital Marketing Executive\n"
                "• Devise plans\n"
            ),
            "title employer location current",
            [("Digital Marketing Executive", "Nestle", "Norwalk, CT", True)],
            id="wrapped-range-and-title-after-date",
        ),
        pytest.param(
            "Experience\nMar 2015 - Jun 2017\nCompany: Zen Softech\nDesignation: Java Developer\nDid work.\n",
            "title employer",
            [("Java Developer", "Zen Softech")],
            id="labelled-lines",
        ),
        pytest.param(
            (
                "SUMMARY\nSenior Analyst at Deloitte Consulting since 2019.\n\n"
                "EXPERIENCE\nSenior Analyst, Deloitte Consulting\nJan 2019 - Present\n• Audits\n"
            ),
            "title employer current",
            [("Senior Analyst", "Deloitte Consulting", True)],
            id="prose-mention-does-not-duplicate-a-dated-position",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Software developer / FXHome, Royaume-Uni\nJan 2015 - Dec 2016\n• Video tools\n\n"
                "Project Manager / Technology Lead\nMar 2012 - Dec 2014\n• Delivery\n\n"
                "Marsden Neurology Associates ,Port Ferncastle, MD\nCounselor\nJun 2010 - Feb 2012\n• Intake\n"
            ),
            "title employer",
            [
                ("Software developer", "FXHome"),
                ("Project Manager / Technology Lead", None),
                ("Counselor", "Marsden Neurology Associates"),
            ],
            id="header-separators-slash-and-spaced-comma",
        ),
        # Indeed: "Employer -  City, State -"; the employer may share its name with a product
        pytest.param(
            "WORK EXPERIENCE\n\nSenior Engineer\n\nMongoDB -  Gurgaon, Haryana -\n\nJanuary 2016 to Present\n\n• Ops\n",
            "title employer",
            [("Senior Engineer", "MongoDB")],
            id="product-named-employer-before-a-place",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Graphic Designer at Canvas Commerce, Minneapolis, MN\nSeptember 2019 - September 2020\n"
                "• Laid out a 1200-page annual report in Adobe InDesign with a new\nTypography system\n\n"
                "Junior Graphic Designer at Northstar Brands, Chicago, IL\nMarch 2013 - October 2016\n• Posters\n"
            ),
            "title employer",
            [("Graphic Designer", "Canvas Commerce"), ("Junior Graphic Designer", "Northstar Brands")],
            id="employer-after-at-beats-a-wrapped-bullet-line",
        ),
        pytest.param(
            (
                "EXPERIENCE\n2016 - 2018\n\nSystems Designer & Lead Mobile Developer, MIT Mobile Experience Lab.\n"
                "Built prototypes for partners.\n"
            ),
            "title employer",
            [("Systems Designer & Lead Mobile Developer", "MIT Mobile Experience Lab")],
            id="header-line-ending-with-a-period",
        ),
        pytest.param(
            "EXPERIENCE\nSpecial Police Officer during Panchayat elections, State Police\nJune 2011 - July 2013\n• Duty\n",
            "title employer",
            [("Special Police Officer", "State Police")],
            id="title-qualifiers",
        ),
        pytest.param(
            "EXPERIENCE\nManager of Member Services, Riverbend Credit Union, Dayton, OH, 2011 - 2014\n• Led a team\n",
            "title employer",
            [("Manager of Member Services", "Riverbend Credit Union")],
            id="a-title-of-a-field-is-a-title-not-an-employer",
        ),
        pytest.param(
            "EXPERIENCE\nAdjunct Lecturer: Lakeshore Community College\nSeattle WA\n2016 - 2019\n• Taught\n",
            "title employer",
            [("Adjunct Lecturer", "Lakeshore Community College")],
            id="title-then-colon-then-employer",
        ),
        pytest.param(
            "EXPERIENCE\nMusic Teacher Maple Grove Middle School, Fresno, CA\nAug 2018 - Jun 2020\n• Band\n",
            "title employer",
            [("Music Teacher", "Maple Grove Middle School")],
            id="title-run-into-a-school-name-is-split",
        ),
        pytest.param(
            (
                "EXPERIENCE\nReading Specialist (Summer Literacy Program), Pine Hill Academy\nJune 2019 - Aug 2019\n"
                "• Tutoring\n\nNight Shift Supervisor (NSS), Delta Freight Lines\nJan 2015 - May 2019\n• Loads\n"
            ),
            "title",
            ["Reading Specialist", "Night Shift Supervisor (NSS)"],
            id="a-bracketed-qualifier-leaves-the-title",
        ),
        pytest.param(
            "WORK EXPERIENCE\n\nField Technician\n\nRTX -\n\nMarch 2012 to June 2015\n\n* Repairs\n",
            "title employer",
            [("Field Technician", "RTX")],
            id="a-three-letter-employer-on-its-own-line",
        ),
        pytest.param(
            "EXPERIENCE\nMar 2016\nJun 2018\nStore Clerk, Riverside Pantry, Geelong\nRestocked shelves.\n",
            "title employer",
            [("Store Clerk", "Riverside Pantry")],
            id="title-employer-city-keeps-the-employer",
        ),
        pytest.param(
            "EXPERIENCE\nSite Engineer\nNorthgate Builders; Denver, CO (2012 - 2016)\n• Pours\n",
            "title employer",
            [("Site Engineer", "Northgate Builders")],
            id="semicolon-separates-employer-and-place",
        ),
        pytest.param(
            "EXPERIENCE\nBluefin Optics Corporation (2009)\n• Lens testing\n",
            "employer",
            ["Bluefin Optics Corporation"],
            id="a-lone-year-beside-a-registered-company-keeps-it",
        ),
        pytest.param(
            (
                "EXPERIENCE\nInside Sales Rep\n\nKettle Foods -\n\nMay 2014 to June 2016\n\n* Calls\n\n"
                "Associate Counsel\n\nHarlow & Finch LLP -\n\nJuly 2016 to Present\n\n* Contracts\n"
            ),
            "title employer",
            [("Inside Sales Rep", "Kettle Foods"), ("Associate Counsel", "Harlow & Finch LLP")],
            id="more-title-words",
        ),
        pytest.param(
            (
                "EXPERIENCE\n2001-2005: Staff Accountant under the Finance Director, Orbit Mills\n"
                "2005-2010: FIELD SUPERVISOR mainly in the northern region\n"
            ),
            "title",
            ["Staff Accountant", "FIELD SUPERVISOR"],
            id="title-qualifier-clauses-are-cut",
        ),
        pytest.param(
            "EXPERIENCE\nNetwork Technology Analyst (NTA)\nBrightline Systems - Austin, TX\nMay 2012 - June 2015\n",
            "title employer",
            [("Network Technology Analyst (NTA)", "Brightline Systems")],
            id="a-title-with-a-bracketed-abbreviation-stays-a-title",
        ),
        pytest.param(
            "WORK EXPERIENCE\nCompany 2: Quarry Robotics Inc\nDesignation: Staff Engineer\n",
            "title employer",
            [("Staff Engineer", "Quarry Robotics Inc")],
            id="numbered-company-label",
        ),
        pytest.param(
            (
                "EXPERIENCE\n4/02 to 6/05\nHollis & Reed, P.C.\n12 Elm Street\n\n"
                "Senior Paralegal. Drafted motions and prepared exhibits for trial.\n"
            ),
            "title",
            ["Senior Paralegal"],
            id="a-description-that-opens-with-the-title",
        ),
        pytest.param(
            "WORK EXPERIENCE\n\nCloud Platform Support\n\nNimbus Systems -  Pune, Maharashtra -\n\nMay 2015 to Present\n",
            "title employer",
            [("Cloud Platform Support", "Nimbus Systems")],
            id="the-title-slot-of-the-export-layout-without-a-title-word",
        ),
        pytest.param(
            "EXPERIENCE\nMar. 2010 to date: Managing Director, Elmwood Capital Partners, Leeds\n• Strategy\n",
            "title employer",
            [("Managing Director", "Elmwood Capital Partners")],
            id="managing-titles-are-titles",
        ),
        pytest.param(
            "PROFESSIONAL SUMMARY\nCurrent Employer: Halden Logistics Pvt Ltd\nPresent Position: Fleet Planner\n",
            "title employer",
            [("Fleet Planner", "Halden Logistics Pvt Ltd")],
            id="current-employer-and-present-position-labels",
        ),
        pytest.param(
            "EXPERIENCE\nBlue Heron Insurance Group\nApril to June 2005\nAnalyst Programmer\nBatch fixes.\n",
            "employer start end",
            [
                (
                    "Blue Heron Insurance Group",
                    PartialDate(year=2005, month=4),
                    PartialDate(year=2005, month=6),
                )
            ],
            id="consulting-assignments-dated-by-months-of-one-year",
        ),
        pytest.param(
            (
                "EXPERIENCE\nSignal Network Theory\n\n"
                "Software Engineering Intern, May 2007 to August 2007\nPinecrest Instruments Corporation, Boise, Idaho\n"
                "• Tested firmware\n"
            ),
            "title employer",
            [("Software Engineering Intern", "Pinecrest Instruments Corporation")],
            id="a-registered-company-under-the-dates-beats-a-stray-line-above",
        ),
        pytest.param(
            (
                "EXPERIENCE\nCashier | Maple Market | June 2015 - May 2017\nSupervisor | Dana Holt | 555.201.3344 | dh@mail.com\n"
                "Hours | 40/Week\n"
            ),
            "title employer",
            [("Cashier", "Maple Market")],
            id="referee-and-hours-lines-are-no-headers",
        ),
        pytest.param(
            "EXPERIENCE\nParalegal, Reno, Nevada\nFayetteville, North Carolina\nMay 2010 - June 2012\n• Filing\n",
            "employer",
            [None],
            id="a-second-place-is-no-employer",
        ),
        pytest.param(
            "EXPERIENCE\nParalegal, Reno, Nevada\nMay 2010 - June 2012\n• Filing\n",
            "title employer location",
            [("Paralegal", None, "Reno, Nevada")],
            id="city-and-state-after-a-title-are-the-place",
        ),
        pytest.param(
            "EXPERIENCE\nIntake Counselor, Brookside Family Center, Dayton, OH\nMay 2010 - June 2012\n",
            "title employer",
            [("Intake Counselor", "Brookside Family Center")],
            id="a-center-is-an-organisation",
        ),
        pytest.param(
            "EXPERIENCE\n1988-90: FIELD OFFICER, NORTHERN WATER BOARD, in Alice Springs\n• Surveys\n",
            "title employer",
            [("FIELD OFFICER", "NORTHERN WATER BOARD")],
            id="employer-then-in-place",
        ),
        pytest.param(
            (
                "EXPERIENCE\nData Engineer\nOrbit Labs\nJanuary 2016 to Present\n"
                "• Built internal tools for the finance team (Budget Tracker, Invoice\nManager, Report Builder).\n"
                "Lab Assistant\nLakeside University\nJuly 2014 to December 2015\n• Ran assays.\n"
            ),
            "title employer",
            [("Data Engineer", "Orbit Labs"), ("Lab Assistant", "Lakeside University")],
            id="a-wrapped-bullet-end-is-no-header-line",
        ),
        pytest.param(
            (
                "EXPERIENCE\nCompany Name March 2009 to May 2014 Claims Adjuster\nCity , State\n"
                "Settled claims.\nCertified Fraud Examiner.\n\n"
                "Company Name June 2001 to February 2009 Fitness Instructor\nCity , State\nTaught classes.\n"
            ),
            "title",
            ["Claims Adjuster", "Fitness Instructor"],
            id="a-title-on-the-date-line-beats-the-line-above",
        ),
        # the space the PDF lost after "of" is put back
        pytest.param(
            "EXPERIENCE\nVP ofFinance/Operations\nSeptember 2013 to Current Company Name - City , State\n",
            "title",
            ["VP of Finance/Operations"],
            id="upper-case-abbreviation-then-lower-case-is-kept",
        ),
        pytest.param(
            "EXPERIENCE\nLine Cook\nMarch 2008 to July 2008 Harbor Grill \u00e2\u20ac\u201c Portland , OR\n• Prep\n",
            "title employer",
            [("Line Cook", "Harbor Grill")],
            id="mojibake-en-dash-separates-employer-and-place",
        ),
        pytest.param(
            (
                "EXPERIENCE\nSecond Grade Teacher, Meadowbrook Elementary School, Springfield, IL, 1981\n"
                "Reading Specialist, Oak Hollow Middle School, Springfield, IL, 1979\n\nAWARDS\nx\n"
            ),
            "title employer",
            [
                ("Second Grade Teacher", "Meadowbrook Elementary School"),
                ("Reading Specialist", "Oak Hollow Middle School"),
            ],
            id="long-title-employer-place-lines-dated-by-one-year",
        ),
        pytest.param(
            "EXPERIENCE\nManager 07/1994 to 01/1997 Company Name City , State\n\nSold parts.\n",
            "title employer",
            [("Manager", "Company Name")],
            id="the-company-name-placeholder-ends-before-the-place",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Harbor Freight Co, Tacoma, WA\n"
                "Shift Supervisor\n"
                "2015 - 2018\n"
                "Coached new cashiers in the returns desk routine\n"
                "Kestrel Works Ltd\n"
                "2012 - 2015\n"
                "Marketing content writer\n"
            ),
            "title employer",
            [("Shift Supervisor", "Harbor Freight Co"), ("Marketing content writer", "Kestrel Works Ltd")],
            id="duty-lines-are-no-titles",
        ),
        pytest.param(
            "ACADEMIC APPOINTMENTS\nLakeshore College\n2012-present: Associate Professor, with tenure\n",
            "title employer",
            [("Associate Professor", "Lakeshore College")],
            id="title-ends-before-a-clause-after-a-comma",
        ),
        pytest.param(
            "EXPERIENCE\nQuarry Lane Books—Store Manager\nMarch 2014 - June 2019\n",
            "title employer",
            [("Store Manager", "Quarry Lane Books")],
            id="closed-up-em-dash-separates-header-fields",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Field Coordinator\n"
                "Harvest Relief Fund - Kampala, Uganda -\n"
                "May 2014 to June 2016\n\n"
                "Data Entry Operator\n"
                "Northline Traders - Jaipur, Jaipur -\n"
                "May 2012 to April 2014\n\n"
                "Tutor\n"
                "London, England\n"
                "2010 - 2011\n"
            ),
            "title employer location",
            [
                ("Field Coordinator", "Harvest Relief Fund", "Kampala, Uganda"),
                ("Data Entry Operator", "Northline Traders", "Jaipur, Jaipur"),
                ("Tutor", None, "London, England"),
            ],
            id="city-before-a-country-or-repeated-is-a-place-not-the-employer",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "TEXAS INSTRUMENTS\n"
                "Test Engineer\n"
                "July 1996 to October 1999\n\n"
                "Kauri Australia Holdings\n"
                "Analyst\n"
                "2000 - 2004\n\n"
                "Zenfold Labs, New York\n"
                "Developer\n"
                "2004 - 2008\n"
            ),
            "title employer location",
            [
                ("Test Engineer", "TEXAS INSTRUMENTS", None),
                ("Analyst", "Kauri Australia Holdings", None),
                ("Developer", "Zenfold Labs", "New York"),
            ],
            id="a-name-holding-a-place-word-is-no-place",
        ),
        pytest.param(
            "EXPERIENCE\nSales Engineer\nKessler Pumps [http://www.kessler-pumps.example]\n2001 - 2006\n",
            "title employer",
            [("Sales Engineer", "Kessler Pumps")],
            id="web-address-after-the-employer-is-dropped",
        ),
        pytest.param(
            (
                "PROFESSIONAL EXPERIENCE\n\nFleet Coordinator\nBrightline Logistics\nJanuary 2019 - Present\n"
                "Denver, CO\n\n- Ran routes\n"
            ),
            "title employer",
            [("Fleet Coordinator", "Brightline Logistics")],
            id="state-code-co-after-the-dates-is-no-registered-company",
        ),
        pytest.param(
            (
                "EMPLOYMENT HISTORY\n"
                "Harlow Partners (2018-2020): Senior Consultant\n"
                "ACCOUNT MANAGER (8/01 to 5/05) eTrellis, Austin, TX\n"
            ),
            "title employer",
            [("Senior Consultant", "Harlow Partners"), ("ACCOUNT MANAGER", "eTrellis")],
            id="bracketed-dates-then-colon-and-camel-case-employer",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Senior Engineer, Acme Systems Ltd, Project Management Consultants (2015 - 2019)\n"
                "Team Lead - Trained Support Engineer (2012 - 2015)\n"
            ),
            "title employer",
            [("Senior Engineer", "Acme Systems Ltd"), ("Team Lead", None)],
            id="verb-led-or-firm-pieces-of-a-header-line-are-no-further-roles",
        ),
        pytest.param(
            (
                "Educational Experience\n"
                "Middle School English Teacher, Calder Middle School, Calder, Nebraska, 1990-1995\n"
                "Taught English 7 and 8\n"
                "Co-coordinated Winter Arts Night for Calder Middle School\n"
                "High School English Teacher, Orrin High School, Orrin, Nebraska, 1985-1990\n"
                "Taught English 10, 11 and 12\n"
            ),
            "title employer location",
            [
                ("Middle School English Teacher", "Calder Middle School", "Calder, Nebraska"),
                ("High School English Teacher", "Orrin High School", "Orrin, Nebraska"),
            ],
            id="an-organisation-on-the-title-and-date-line-is-the-employer",
        ),
        pytest.param(
            (
                "Web Development Experience\n"
                "ABC CHARITY, Sometown Chapter -- Sometown, OH\n"
                "Web Developer, Summers 2009-2011\n"
                "Volunteered as a Web developer for a new animal shelter.\n"
            ),
            "title employer",
            [("Web Developer", "ABC CHARITY")],
            id="seasons-on-the-date-line-are-no-employer",
        ),
        pytest.param(
            (
                "Career Experience/Job History\n"
                "2007-Present\n"
                "Tobin Motors  Automobile Engineer\n\n"
                "Tested various automotive parts for their perfect functioning.\n\n"
                "2005-2007\n"
                "Pike Ford Auto Shop\n"
                "Automobile Engineer\n\n"
                "Scrutinized durability of the vehicles brought to the base.\n"
            ),
            "title employer",
            [("Automobile Engineer", "Tobin Motors"), ("Automobile Engineer", "Pike Ford Auto Shop")],
            id="a-block-with-nothing-above-its-date-reads-date-first",
        ),
        pytest.param(
            (
                "PROFESSIONAL EXPERIENCE\n"
                "Teach for America, Miami, FL\n"
                "English Teacher\n"
                "Designed and implemented lesson plans to increase English comprehension\n"
            ),
            "title employer start confidence",
            [("English Teacher", "Teach for America", None, 0.35)],
            id="employer-and-place-line-over-an-undated-title",
        ),
        pytest.param(
            "EXPERIENCE\nSenior Analyst, Harbor Group, Children Toys, Inc. (2003 - 2005)\n",
            "title employer location",
            [("Senior Analyst", "Harbor Group", None)],
            id="a-registered-firm-after-an-employer-is-no-place",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Machinist\n"
                "1974 to 1980\n"
                "Wendle Machine and Tool, Ferndell, NJ\n"
                "- General machine work using large horizontal mills\n"
            ),
            "title employer location",
            [("Machinist", "Wendle Machine and Tool", "Ferndell, NJ")],
            id="employer-and-place-on-the-line-under-the-dates",
        ),
        pytest.param(
            (
                "Experience\n"
                "XYZ ASSOCIATES, Sometown, NY — PR firm serving small businesses in the greater NY area\n"
                "Social Media Manager, 2008 to Present\n"
                "- Partner with technology companies\n"
            ),
            "title employer location",
            [("Social Media Manager", "XYZ ASSOCIATES", "Sometown, NY")],
            id="header-line-running-on-into-a-remark-after-a-long-dash",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Police Dispatcher (NYS Dept. Of Public Safety)\n1990 - 1995\n- Dispatched units\n"
                "i2 Technologies Limited, Bangalore (Project Trainee) (Jan 2004 - Jun 2004)\n"
                "Software Engineer (Infosys Limited), Pune\nJan 2010 - Mar 2012\n"
                "Technology Analyst (TA), Infosys Ltd 2012 - 2014\n"
                "Senior Consultant (Contract), Deloitte 2014 - 2016\n"
            ),
            "title employer location",
            [
                ("Police Dispatcher", "NYS Dept. Of Public Safety", None),
                ("Project Trainee", "i2 Technologies Limited", "Bangalore"),
                ("Software Engineer", "Infosys Limited", "Pune"),
                ("Technology Analyst (TA)", "Infosys Ltd", None),  # an acronym stays with its title
                ("Senior Consultant", "Deloitte", None),  # a qualifier is no employer (the title drops it)
            ],
            id="a-bracket-naming-the-employer-title-or-place-is-its-own-fragment",
        ),
        pytest.param(
            (
                "PROFESSIONAL EXPERIENCE\n"
                "Principal, Larkfield-Oak Vale High School, Harlow County Public Schools, Larkfield, MD, 1995 to Present\n"
                "Assistant Principal, Ansel Brook High School; Dunmore County Public Schools, Baltimore, MD, 1988 to 1991\n"
                "Teacher, Pellham School, Baltimore, MD, 1980 to 1988\n"
            ),
            "employer",
            ["Harlow County Public Schools", "Dunmore County Public Schools", "Pellham School"],
            id="the-school-district-named-after-the-school-is-the-employer",
        ),
        pytest.param(
            (
                "WORK EXPERIENCE\nCompany\tDesignation\tDuration\n"
                "Infosys Limited\tSystems Engineer\tJun 2012 - Aug 2015\n"
                "Wipro Technologies\tProject Engineer\tSep 2015 - Present\n"
            ),
            "title employer location",
            [("Systems Engineer", "Infosys Limited", None), ("Project Engineer", "Wipro Technologies", None)],
            id="flattened-table",
        ),
        pytest.param(
            (
                "EXPERIENCE\n1. Infosys Ltd - Technology Analyst (Jan 2010 - Dec 2015)\n"
                "2. TCS - Systems Engineer (Jan 2006 - Dec 2009)\n"
            ),
            "title employer",
            [("Technology Analyst", "Infosys Ltd"), ("Systems Engineer", "TCS")],
            id="numbered-entries",
        ),
        pytest.param(
            "EXPERIENCE\nGreen Valley Hospital: Staff Nurse, 2015 - 2019\nCity Clinic: Nurse Assistant, 2012 - 2015\n",
            "title employer",
            [("Staff Nurse", "Green Valley Hospital"), ("Nurse Assistant", "City Clinic")],
            id="employer-colon-title",
        ),
        pytest.param(
            (
                "EXPERIENCE\nOrganization: Larsen & Toubro Ltd\nDesignation: Site Engineer\nDuration: Jun 2010 to May 2014\n\n"
                "Organization: Tata Projects\nDesignation: Senior Site Engineer\nDuration: Jun 2014 to Present\n"
            ),
            "title employer",
            [("Site Engineer", "Larsen & Toubro Ltd"), ("Senior Site Engineer", "Tata Projects")],
            id="labelled-blocks-one-after-another",
        ),
        pytest.param(
            "EXPERIENCE\nSenior Engineer • Acme Corp • 2015 – 2018\nEngineer • Beta Inc • 2012 – 2014\n",
            "title employer",
            [("Senior Engineer", "Acme Corp"), ("Engineer", "Beta Inc")],
            id="bullet-separators",
        ),
        pytest.param(
            "Experience\nCompany Name - City, ST\nSenior Designer                                   Jan 2019 - Present\n",
            "title employer location",
            [("Senior Designer", None, "City, ST")],
            id="placeholder-company",
        ),
        pytest.param(
            (
                "EMPLOYMENT HISTORY\n2016 - 2019    Front Desk Manager\n               Fabrikam Hotels, Denver, CO\n"
                "2013 - 2016    Receptionist\n               Alpine Ski House, Aspen, CO\n"
            ),
            "title employer location",
            [
                ("Front Desk Manager", "Fabrikam Hotels", "Denver, CO"),
                ("Receptionist", "Alpine Ski House", "Aspen, CO"),
            ],
            id="indented-continuations",
        ),
        pytest.param(
            (
                "PROFESSIONAL EXPERIENCE\nNORTHWIND TRADERS\nRegional Sales Manager\nJanuary 2017 – Present\n- Led the region\n"
                "Sales Representative\nMarch 2013 – December 2016\n- Sold\n"
            ),
            "title employer",
            [("Regional Sales Manager", "NORTHWIND TRADERS"), ("Sales Representative", "NORTHWIND TRADERS")],
            id="an-employer-line-heads-the-titles-under-it",
        ),
        pytest.param(
            (
                "EXPERIENCE\n• Staff Accountant, Morgan & Finch LLP, Chicago, IL\n  2015 - 2019\n  Prepared audits\n"
                "• Audit Associate, Deloitte, Chicago, IL\n  2012 - 2015\n"
            ),
            "title employer location",
            [
                ("Staff Accountant", "Morgan & Finch LLP", "Chicago, IL"),
                ("Audit Associate", "Deloitte", "Chicago, IL"),
            ],
            id="list-items-that-read-as-whole-headers",
        ),
        pytest.param(
            (
                "EXPERIENCE\nAir Canada\nSeptember 2007 - November 2007\nAnalyst Programmer\n- Documented an XML tool\n"
                "Flight Attendant, Air India, Mumbai India\n2003 - 2006\n"
            ),
            "title employer location",
            [("Analyst Programmer", "Air Canada", None), ("Flight Attendant", "Air India", "Mumbai India")],
            id="a-name-ending-in-a-country-is-an-employer-not-a-place",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Analyst, Fabrikam Systems\n"
                "Jan 2019 - Dec 2021\n"
                "Consulting Group projects for retail clients.\n"
                "SENIOR ENGINEER, CONTOSO LTD\n"
                "2015 - 2018\n"
                "RESPONSIBILITIES\n"
            ),
            "employer",
            ["Fabrikam Systems", "CONTOSO LTD"],
            id="a-complete-employer-is-not-joined-to-the-line-below",
        ),
        pytest.param(
            "EXPERIENCE\nAndroid Support Lead,\nAT&T Developer Program\n06/07-01/12\n• Led the support team\n",
            "title employer",
            [("Android Support Lead", "AT&T Developer Program")],
            id="a-title-word-inside-a-unit-name-does-not-split-off-an-employer",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Analyst, Fabrikam Systems\n"
                "Jan 2019 - Dec 2021\n"
                "\n"
                "EDUCATION\n"
                "Special Recognition Award for Outstanding Yearbook Editor, 1985\n"
                "Coding Specialist\n"
                "High School Diploma\n"
                "1997\n"
            ),
            "title employer",
            [("Analyst", "Fabrikam Systems"), ("Coding Specialist", None)],
            id="an-award-or-a-degree-under-education-is-no-position-or-employer",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Director ofNursing Services Jan 2010 to Dec 2012\n"
                "Company Name - City , State\n"
                "StaffNurse Nov 2008 to May 2010\n"
                "Company Name - City , State\n"
                "Customer Service Advocate Jan 2015 to Current\n"
                "Company Name - City , State\n"
            ),
            "title",
            ["Director of Nursing Services", "Staff Nurse", "Customer Service Advocate"],
            id="spaces-a-pdf-lost-before-a-capital-are-put-back-in-titles",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Staff Nurse\n"
                "May 2008 to May 2010 Company Name - City , State\n"
                "Supervised duties ofCertified Nursing Assistants.\n"
                "\n"
                "Private Nurse\n"
                "May 2007 to September 2007 Company Name - City , State\n"
                "Embedded Developer\n"
                "May 2005 to September 2006 Company Name - City , State\n"
            ),
            "title",
            ["Staff Nurse", "Private Nurse", "Embedded Developer"],
            id="a-past-verb-then-its-object-is-a-duty-not-a-title",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "2010-2015: Executive Secretary of the Northern Rail Safety Conference (NRSC)\n"
                "Ran the secretariat.\n"
                "2004-2010: Director of Nursing Services, Lakeside Memorial Hospital\n"
                "Led the nursing staff.\n"
                "2001-2004: Manager of Member Relations, Orchard Credit Union\n"
            ),
            "title employer",
            [
                ("Executive Secretary", "Northern Rail Safety Conference (NRSC)"),
                ("Director of Nursing Services", "Lakeside Memorial Hospital"),
                ("Manager of Member Relations", "Orchard Credit Union"),
            ],
            id="a-title-of-an-institution-names-the-employer-a-title-of-a-function-stays-whole",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Harbour Lights Software, Inc. (became Brightwave, Inc.), Leeds\n"
                "Software Engineer - May 2015 to April 2019\n"
                "Wrote firmware.\n"
                "Kestrel Analytics Services/Moorland Data Group; York (2011-2015)\n"
                "Data Analyst\n"
                "Fenwick Mills / Upland Textile Works, Halifax\n"
                "Mill Supervisor - 2008 to 2011\n"
                "Ran the night shift.\n"
                "AOL/Time Warner Inc., New York\n"
                "Music Producer - 2006 to 2008\n"
            ),
            "employer location confidence",
            [
                ("Harbour Lights Software, Inc.", "Leeds", 0.8),
                ("Kestrel Analytics Services", "York", 0.6),
                ("Fenwick Mills", None, 0.65),
                ("AOL/Time Warner Inc.", "New York", 0.8),
                ("Brightwave, Inc.", None, 0.25),
                ("Moorland Data Group", None, 0.25),
                ("Upland Textile Works", None, 0.25),
            ],
            id="an-employer-named-under-two-names-gives-both",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Vice-President\n"
                "Northwind Traders Ltd\n"
                "March 2011 - May 2014\n"
                "Ran the sales team.\n"
                "\n"
                "Executive Sous-Chef, The Copper Pot, Bristol\n"
                "June 2008 - February 2011\n"
                "Ran the kitchen.\n"
                "\n"
                "Co-Owner\n"
                "Harbour Bakes\n"
                "May 2005 - May 2008\n"
            ),
            "title employer",
            [
                ("Vice-President", "Northwind Traders Ltd"),
                ("Executive Sous-Chef", "The Copper Pot"),
                ("Co-Owner", "Harbour Bakes"),
            ],
            id="a-title-word-after-a-hyphenated-prefix-is-a-title-word",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Owner/Manager Brightwater Garden Centre, Ely, 2001-2004\n"
                "Ran the shop.\n"
                "Warehouse Lead Rep/Driver, Fenwick Mills, Halifax, 1998-2001\n"
                "Drove.\n"
            ),
            "title employer",
            [
                ("Owner/Manager", "Brightwater Garden Centre"),
                ("Warehouse Lead Rep/Driver", "Fenwick Mills"),
                ("Manager", None),
                ("Driver", None),
            ],
            id="titles-joined-by-a-slash-before-the-employer-split-off-as-a-title",
        ),
        pytest.param(
            (
                "Professional Experience\n"
                "Accountant Apr 2012 to Current\n"
                "Company Name – City , State\n"
                "\n"
                "Reconciled the general ledger accounts and closed the books each month.\n"
                "Clerk Jan 2010 to Mar 2012\n"
                "Company Name - City , State\n"
                "\n"
                "Filed invoices and answered supplier calls for the accounts team.\n"
            ),
            "title employer location",
            [("Accountant", "Company Name", "City , State"), ("Clerk", "Company Name", "City , State")],
            id="a-place-after-a-dash-is-no-labelled-employer",
        ),
        pytest.param(
            (
                "Work History\n"
                "Fundraising Director , 06/2018 to 11/2018\n"
                "City , State\n"
                "Raised funds for the annual appeal and wrote the donor letters.\n"
                "Field Coordinator , 12/2016 to 05/2018\n"
                "City, ST\n"
                "Knocked on doors and trained the volunteers of three counties.\n"
            ),
            "title employer location",
            [("Fundraising Director", None, "City , State"), ("Field Coordinator", None, "City, ST")],
            id="a-template-place-holder-is-a-place-not-an-employer",
        ),
        pytest.param(
            (
                "Experience\n"
                "Teacher Aug 2012 to Oct 2013\n"
                "Company Name - City , State\n"
                "Taught English to three classes of the ninth grade.\n"
                "Managed budget\n"
                "Librarian Aug 2010 to Jul 2012\n"
                "Harbourview Public Library - Salem, OR\n"
                "Ran the reading club and the summer programme for the children of the town.\n"
                "Highly competitive\n"
                "Sales Associate 05/2008 to 06/2010\n"
                "Northwind Traders – Reno, NV\n"
            ),
            "title employer",
            [
                ("Teacher", "Company Name"),
                ("Librarian", "Harbourview Public Library"),
                ("Sales Associate", "Northwind Traders"),
            ],
            id="an-employer-under-the-dates-before-a-line-above-the-title",
        ),
        pytest.param(
            (
                "Experience\n"
                "Blackwood Morrow Abernathy\n"
                "Tampa, Florida\n"
                "Paralegal (2013\n"
                "present)\n"
                "Corwin Hale Pemberton\n"
                "Tampa, Florida\n"
                "Legal Secretary (2006\n"
                "2013)\n"
            ),
            "title employer",
            [("Paralegal", "Blackwood Morrow Abernathy"), ("Legal Secretary", "Corwin Hale Pemberton")],
            id="an-employer-over-its-place-above-the-title-keeps-it",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "DIRECTOR OF MERCHANDISING, Northwind Traders, 2016 - 2018\n"
                "Ran the buying team.\n"
                "Lakeside Builders; Boston, MA (2011-2015)\n"
                "DIRECTOR OF FINANCE / PROGRAM MANAGEMENT\n"
                "Ran the finance office and the programme office of the firm for four years.\n"
            ),
            "title employer",
            [
                ("DIRECTOR OF MERCHANDISING", "Northwind Traders"),
                ("DIRECTOR OF FINANCE", "Lakeside Builders"),
            ],
            id="a-capitals-title-of-a-field-is-not-cut-at-of",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Systems Analyst - Department Manager\n"
                "November 1998 to July 1999 Harbourline Retail - Reno, NV\n"
                "Ran the time clock project for the whole department.\n"
                "Software Developer\n"
                "Freelance Software Developer\n"
                "San Mateo, CA\n"
                "January 2016 to Present\n"
                "Wrote web applications for small firms in the bay area.\n"
                "Assistant, Brightwater LLC Caregiver, Lawrence, KS\n"
                "Summer 2011\n"
            ),
            "title employer",
            [
                ("Systems Analyst", "Harbourline Retail"),
                ("Software Developer", None),
                ("Assistant", "Brightwater LLC Caregiver"),
                ("Freelance Software Developer", None),
            ],
            id="an-organisation-word-inside-a-title-names-no-employer",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Project Leader, 1989 - 1990\n"
                "Ran the switch team of six.\n"
                "Installed and customised Tandem Switch Systems\n"
                "Support Analyst, 1987 - 1989\n"
                "Answered the help desk.\n"
            ),
            "title employer",
            [("Project Leader", None), ("Support Analyst", None)],
            id="a-duty-led-by-a-past-verb-is-no-employer",
        ),
        pytest.param(
            (
                "EXPERIENCE\n"
                "Business Systems Analyst II 09/2014 to Current\n"
                "Northwind Traders - Reno, NV\n"
                "Wrote the specifications of the order system for the regional teams.\n"
                "Solar Panel Installer , 08/2012 to 03/2014\n"
                "Harbourline Energy - Salem, OR\n"
                "Fitted panels on the roofs of houses in three counties of the state.\n"
                "Community Organizer , 01/2010 to 07/2012\n"
                "Harbourline Trust - Salem, OR\n"
                "Ran the tenants meetings of the housing estates in the north of the city every month.\n"
                "Company Name - Warehouse Stocker\n"
                "City , State 02/2008 - 12/2009\n"
                "Unloaded the trucks and stocked the shelves of the store every night.\n"
            ),
            "title employer",
            [
                ("Business Systems Analyst II", "Northwind Traders"),
                ("Solar Panel Installer", "Harbourline Energy"),
                ("Community Organizer", "Harbourline Trust"),
                ("Warehouse Stocker", None),
            ],
            id="grades-trade-nouns-and-a-title-after-a-template-label-are-titles",
        ),
        pytest.param(
            (
                "Experience\n"
                "Server , 09/2003 to 06/2005\n"
                "City , State Company Name /\n"
                "Served the tables and mixed the drinks at the bar of the hotel.\n"
                "Project Leader/\n"
                "Harbourline Systems, 1995 - 1996\n"
                "Led the switch conversion project for the regional banks.\n"
            ),
            "title employer",
            [("Server", "Company Name"), ("Project Leader", "Harbourline Systems")],
            id="a-slash-left-at-the-end-of-a-header-piece-is-no-part-of-it",
        ),
    ],
)
def test_positions(text: str, fields: str, want: list[object]) -> None:
    assert _rows(text, fields) == want


# The fields of the positions read, in any order (a set, as the cases were written).
@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            (
                "WORK EXPERIENCE\n\n"
                "Software Engineer, Infotech Solutions, Pune\n"
                "• Built things\n\n"
                "Quality Analyst\n\n"
                "Acme Technologies Pvt Ltd - Mumbai, Maharashtra -\n\n"
                "• Tested things\n"
            ),
            "title employer",
            {("Software Engineer", "Infotech Solutions"), ("Quality Analyst", "Acme Technologies Pvt Ltd")},
            id="undated-headers-in-an-experience-section",
        ),
        pytest.param(
            (
                "OBJECTIVE\nSeeking a position as a Web Developer at AT Tech utilizing my skills.\n\n"
                "SUMMARY\nFour years of experience as help desk technician.\n"
            ),
            "title employer",
            {("help desk technician", None)},
            id="a-wished-position-is-not-a-position-held",
        ),
        pytest.param(
            (
                "OBJECTIVE\nInterested in a position as Data Analyst at Northwind Traders.\n"
                "Targeting a role as Senior Data Analyst with Harbourline Ltd.\n\n"
                "SUMMARY\nFour years of experience as help desk technician.\n"
            ),
            "title employer",
            {("help desk technician", None)},
            id="every-wish-the-objectives-reader-knows-is-no-position-held",
        ),
        pytest.param(
            (
                "SUMMARY\nServed as a liaison between families and staff.\nServed as backup for the VP of Sales.\n"
                "EXPERIENCE\nShift Lead\nOrchard Foods - Salem, OR\nMay 2012 - June 2015\nEvaluated and trained new employees.\n"
            ),
            "title",
            {"Shift Lead"},
            id="prose-roles-stop-at-a-preposition-and-employees-are-no-title",
        ),
    ],
)
def test_positions_as_a_set(text: str, fields: str, want: set[object]) -> None:
    assert set(_rows(text, fields)) == want


# The headline read under the name (None: no headline).
@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param(
            "Jane Doe\nSENIOR BUYER PROFILE: RETAIL / FASHION\n\nSKILLS\nx\n",
            "SENIOR BUYER PROFILE",
            id="headline-cut-at-a-colon",
        ),
        pytest.param(
            "Jane Doe\nStore Manager• Inventory Control\n\nSKILLS\nx\n",
            "Store Manager",
            id="headline-cut-at-a-bullet",
        ),
        pytest.param(
            "Jane Doe\nPharmacy Technician Resume\n\nSKILLS\nx\n",
            "Pharmacy Technician",
            id="headline-without-the-document-label",
        ),
        pytest.param(
            "Jane Doe\nVoice and Accent Trainer :Masters in journalism\n\nSKILLS\nx\n",
            "Voice and Accent Trainer",
            id="headline-cut-at-a-spaced-colon",
        ),
        pytest.param(
            "Jane Doe\nTraining and Professional Development:\n\nSKILLS\nx\n",
            None,
            id="a-label-line-is-no-headline",
        ),
    ],
)
def test_headline_read(text: str, want: str | None) -> None:
    assert _headline(text) == want


# Positions that must be among those read (others may be read too).
@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            (
                "EXPERIENCE\nNorthwind Traders - Austin, TX\nMay 2010 to Present\n"
                "• Promoted from Junior Accountant to Senior Accountant in March 2013\n"
            ),
            "title",
            {"Junior Accountant", "Senior Accountant"},
            id="promotions-name-both-titles",
        ),
    ],
)
def test_positions_include(text: str, fields: str, want: set[object]) -> None:
    assert want <= set(_rows(text, fields))


def test_title_at_employer_with_location() -> None:
    text = (
        "EXPERIENCE\n"
        "Senior Data Engineer at Acme Analytics, Austin, TX\n"
        "Jan 2021 - Present\n"
        "• Built the ingestion platform\n"
        "• Cut costs by 30%\n\n"
        "Data Analyst, Beta Corp\n"
        "Mar 2018 – Dec 2020\n"
        "• Reports\n"
    )
    w = _work(text)
    assert [(x.title, x.employer, x.location) for x in w] == [
        ("Senior Data Engineer", "Acme Analytics", "Austin, TX"),
        ("Data Analyst", "Beta Corp", None),
    ]
    assert w[0].current and w[0].end is None and w[0].start == PartialDate(year=2021, month=1)
    assert w[0].description == ["Built the ingestion platform", "Cut costs by 30%"]
    assert w[0].months == 42  # Jan 2021 .. Jun 2024
    assert w[1].months == 34  # Mar 2018 .. Dec 2020 inclusive
    assert w[0].title_evidence is not None and w[0].title_evidence.text == "Senior Data Engineer"
    assert w[0].dates_evidence is not None and w[0].dates_evidence.text == "Jan 2021 - Present"


def test_lone_year_inside_a_sentence_is_not_a_position() -> None:
    text = "Experience\nData Analyst, Acme Corp\n2019 - 2021\n• Won the best analyst award in 2020 for the team\n"
    assert len(_work(text)) == 1


def test_overlaps_merged_not_summed() -> None:
    items = [
        WorkItem(start=PartialDate(year=2018, month=1), end=PartialDate(year=2019, month=12)),  # 24
        WorkItem(start=PartialDate(year=2019, month=1), end=PartialDate(year=2020, month=6)),  # overlaps 12
        WorkItem(start=PartialDate(year=2021, month=1), end=None, current=True),  # Jan 2021 .. Jun 2024 = 42
    ]
    assert total_months(items, today=TODAY) == 30 + 42
    gaps = find_gaps(items, today=TODAY)
    assert [(g.start.iso(), g.end.iso(), g.months) for g in gaps] == [("2020-07", "2020-12", 6)]


def test_small_gaps_are_not_reported() -> None:
    items = [
        WorkItem(start=PartialDate(year=2018, month=1), end=PartialDate(year=2018, month=12)),
        WorkItem(start=PartialDate(year=2019, month=3), end=PartialDate(year=2019, month=12)),
    ]
    assert find_gaps(items, today=TODAY) == []  # Jan-Feb 2019: 2 months < 3
    assert [g.months for g in find_gaps(items, today=TODAY, min_gap=2)] == [2]


def test_headline() -> None:
    text = "Jane Doe\nSoftware Engineer - Disney\nPune, Maharashtra\n\nSKILLS\nPython\n"
    secs = split_sections(text)
    h = find_headline(text, secs, name_end=8)
    assert h is not None and h.value == "Software Engineer"
    assert (
        find_headline(
            "Jane Doe\nPune, Maharashtra\n\nSKILLS\nx\n",
            split_sections("Jane Doe\nPune, Maharashtra\n\nSKILLS\nx\n"),
            8,
        )
        is None
    )


def test_positions_stated_in_prose_or_labels_have_no_dates_and_low_confidence() -> None:
    text = (
        "Jane Roe\n"
        "SUMMARY\n"
        "Associate Software Engineer at Oracle India Pvt Ltd, building billing systems.\n"
        "Nine years of experience as a record producer.\n"
        "Past Organization: Tata Consultancy Services as SAP CRM functional consultant\n\n"
        "EXPERIENCE\n"
        "Position: Technical Support Engineer\n"
        "Company: Microsoft Corporation, Bangalore\n"
        "• Handled escalations\n"
    )
    w = _work(text)
    got = {(x.title, x.employer) for x in w}
    assert ("Associate Software Engineer", "Oracle India Pvt Ltd") in got
    assert ("record producer", None) in got
    assert ("SAP CRM functional consultant", "Tata Consultancy Services") in got
    assert ("Technical Support Engineer", "Microsoft Corporation") in got
    for x in w:
        assert x.start is None and x.end is None and x.months is None
        assert x.confidence <= 0.45
        assert x.title_evidence is None or text[x.title_evidence.start : x.title_evidence.end] == x.title
    assert total_months(w, today=TODAY) == 0


def test_years_or_expertise_as_a_title_in_prose() -> None:
    text = (
        "Jane Roe\nSUMMARY\n"
        "Versatile consultant with five years of expertise as an Education Consultant and 10+ years as a "
        "Teacher.\n"
    )
    got = {(x.title, x.employer) for x in _work(text)}
    assert {("Education Consultant", None), ("Teacher", None)} <= got
    more = "Jane Roe\nSUMMARY\nServed in multiple roles as DevOps Architect.\nJoined as a Graduate Trainee.\n"
    assert {("DevOps Architect", None), ("Graduate Trainee", None)} <= {
        (x.title, x.employer) for x in _work(more)
    }
    assert all(x.start is None and x.confidence <= 0.45 for x in _work(text))


def test_a_registered_name_inside_a_dated_block_is_an_employer() -> None:
    text = (
        "EXPERIENCE\n"
        "HR Director, Acme Foods, Newark, NJ\n"
        "Jan 2001 - Dec 2006\n"
        "- Led HR for 4,000 staff.\n\n"
        "Automatic Data Processing, Inc.\n"
        "Global provider of integrated computing services.\n"
        "- Initech Holdings, Inc. acquired the unit.\n"
    )
    w = _work(text)
    assert [(x.title, x.employer) for x in w] == [
        ("HR Director", "Acme Foods"),
        (None, "Automatic Data Processing, Inc."),
    ]
    assert w[1].start is None and w[1].confidence <= 0.25


def test_labelled_dated_blocks_keep_each_label_for_its_field() -> None:
    text = (
        "EMPLOYMENT HISTORY\n"
        "Since: September 1st 2014 Until: Currently\n"
        "Company: Grupo Andino S.A.\n"
        "Position held: Legal Concessions Manager\n"
        "Since: October 1st 2012 Until: August 31st 2014\n"
        "Company: Grupo Andino S.A.\n"
        "Position held: Director for Legal Services\n"
    )
    got = [(x.title, x.employer, x.start.iso() if x.start else None) for x in _work(text)]
    assert got == [
        ("Legal Concessions Manager", "Grupo Andino S.A.", "2014-09"),
        ("Director for Legal Services", "Grupo Andino S.A.", "2012-10"),
    ]


def test_a_firm_named_by_its_partners_stays_one_employer() -> None:
    text = (
        "EXPERIENCE\n"
        "Paralegal, Kellow, Drayson & Penfold, PA\n"
        "Jan 2010 - Dec 2012\n"
        "- Drafted pleadings.\n\n"
        "Director, Sales & Marketing\n"
        "Acme Foods Inc.\n"
        "Jan 2013 - Present\n"
    )
    got = [(x.title, x.employer) for x in _work(text)]
    assert ("Paralegal", "Kellow, Drayson & Penfold") in got
    assert not any(e == "Cohen" for _t, e in got)
    assert any(t and t.startswith("Director") for t, _e in got)


def test_summary_opening_with_title_and_years_is_a_headline_not_a_position() -> None:
    text = (
        "Jane Roe\n\nSUMMARY\nSenior software engineer with more than 9 years of experience in C and C++.\n"
    )
    secs = split_sections(text)
    assert _work(text) == []
    h = find_headline(text, secs, name_end=8)
    assert h is not None and h.value == "Senior software engineer" and h.confidence == 0.5


def test_worked_for_an_employer_in_prose() -> None:
    text = (
        "EXPERIENCE\n"
        "• Worked for National Informatics Centre from Apr 2014 to Oct 2015\n"
        "• 21 months of experience in ADFC as Phone Banker.\n"
        "• Experience in Shared Services and Agile delivery.\n"
    )
    got = {(x.title, x.employer) for x in _work(text)}
    assert ("Phone Banker", "ADFC") in got
    assert any(e == "National Informatics Centre" for _t, e in got)
    assert not any(e == "Shared Services" for _t, e in got)


def test_prose_organisations_cut_short_are_not_employers() -> None:
    text = (
        "SUMMARY\nServed as end-to-end consultant for Fortune 500 customers.\n"
        "Trusted Financial Executive with CFO- and CIO-level responsibilities.\n"
        "Promoted to Production Director at Form:Media in 2001.\n"
        "Role: Sole Android developer within a larger team of designers\n"
    )
    got = {(x.title, x.employer) for x in _work(text)}
    assert not any(e in {"Fortune", "Form", "CFO- and CIO-level"} for _t, e in got)
    assert ("Sole Android developer", None) in got


def test_a_lone_year_beside_a_name_without_a_title_names_no_employer() -> None:
    text = (
        "EXPERIENCE\nBarista, Copper Kettle Cafe\nMarch 2015 - June 2016\n• Coffee\n\n"
        "Harbor Lights Collective (2012)\n\nIntroduction to Pottery (2011)\n"
    )
    got = [(x.title, x.employer) for x in _work(text)]
    assert ("Barista", "Copper Kettle Cafe") in got
    assert not any(e in {"Harbor Lights Collective", "Introduction to Pottery"} for _t, e in got)


def test_worked_or_served_as_a_title_in_prose() -> None:
    text = (
        "SUMMARY\nFor six years I have been working as a payroll clerk on a large retail account.\n"
        "Served as Program Coordinator for the regional food drive.\n"
        "I hope to work as a pilot one day.\n"
    )
    titles = {x.title for x in _work(text)}
    assert {"payroll clerk", "Program Coordinator"} <= titles
    assert "pilot" not in titles


def test_a_head_count_is_not_a_title() -> None:
    text = "EXPERIENCE\nTeam Size: 12 (Manager, 3 leads) - Orbital Freight\nMay 2012 - June 2015\n"
    assert all(not (w.title or "").startswith("12") for w in _work(text))


def test_a_role_label_beats_a_project_name_in_the_title_slot() -> None:
    text = (
        "WORK EXPERIENCE\nLedger Order Manager & Ledger Order System\nAcme Corp -\nMarch 2011 to October 2011\n"
        "Client: Harbor Bank\nRole: Data Analyst, testing and bug fixing.\n"
    )
    (w,) = _work(text)
    assert w.title == "Data Analyst"
    assert w.title_evidence is not None and w.title_evidence.text == w.title


@pytest.mark.parametrize(
    ("summary", "want"),
    [
        pytest.param(
            "Confident and capable Intervention Specialist with experience in special education.",
            "Intervention Specialist",
            id="confident-and-capable",
        ),
        pytest.param(
            "Demonstrated software architect with incredible ability to lead projects.",
            "software architect",
            id="demonstrated",
        ),
        pytest.param(
            "I am a competent analyst programmer with a solid expertise in IT.",
            "analyst programmer",
            id="i-am-a-competent",
        ),
        pytest.param(
            "Senior/lead software engineer, specializing in iOS apps.",
            "Senior/lead software engineer",
            id="title-then-specializing",
        ),
        # praise that names no title, or a sentence that does not open with praise, gives none
        pytest.param(
            "Dedicated and motivated with strong skills in Excel.", None, id="praise-naming-no-title"
        ),
        pytest.param("Managed the design team who built a new store layout.", None, id="verb-led-sentence"),
        pytest.param("Experienced volunteers with a passion for service.", None, id="praise-of-others"),
    ],
)
def test_a_summary_praising_the_candidate_as_a_title_gives_the_headline(
    summary: str, want: str | None
) -> None:
    assert _headline(f"Jane Doe\n12 Main St\n\nPROFESSIONAL SUMMARY\n{summary}\n\nSKILLS\nx\n") == want


def test_a_wish_is_no_headline() -> None:
    assert _headline("Jane Doe\nDesire the Position of Head Librarian\n\nSKILLS\nx\n") is None


def test_project_field_lines_give_no_employer() -> None:
    text = (
        "EXPERIENCE\nJune 2004\nApril 2009\nTest Engineer\nEnvironment: Windows XP, Oracle/ Java, VPN connectivity\n"
        "• Wrote test plans\n"
    )
    (w,) = _work(text)
    assert w.title == "Test Engineer" and w.employer is None


def test_a_title_line_after_the_dates_is_no_employer_of_the_position_above() -> None:
    text = (
        "EXPERIENCE\nOwner and Manager- Two retail stores,\nDayton, OH 1980 - 1987\n"
        "Credit Risk Analyst\nLakeshore Mills\nDayton, OH 1974 - 1980\n"
    )
    w = _work(text)
    assert w[0].employer != "Credit Risk Analyst"
    assert (w[1].title, w[1].employer) == ("Credit Risk Analyst", "Lakeshore Mills")


def test_dates_inside_a_title_are_cut_off() -> None:
    text = "EXPERIENCE\nChrome Works, 1990 to 1998\nFloor Supervisor, 1994 to 1996\n"
    titles = [w.title for w in _work(text) if w.title]
    assert titles and all(not any(ch.isdigit() for ch in t) for t in titles)


def test_an_experience_label_is_no_title() -> None:
    text = "EXPERIENCE\n2016\nProfessional Experience: Branding\nHarbor Studio\n"
    assert all(w.title is None or "Experience" not in w.title for w in _work(text))


def test_a_prose_title_ends_before_a_participle_clause() -> None:
    text = "SUMMARY\nWorked as a team member performing cashier duties at a busy store.\n"
    assert "team member" in {w.title for w in _work(text)}


def test_a_bracketed_remark_after_the_dates_of_a_long_line() -> None:
    text = (
        "EXPERIENCE\nHarbor Port Authority, Marine Systems Section, Tacoma, Washington\n"
        "Electrical Engineering Student Trainee (Co-Op) - May 1991 to September 1995 (alternating quarters)\n"
        "• Wiring\n"
    )
    (w,) = _work(text)
    assert w.title == "Electrical Engineering Student Trainee" and w.start == PartialDate(year=1991, month=5)


def test_role_lines_inside_a_dated_block_are_further_roles() -> None:
    text = (
        "EXPERIENCE\n\n"
        "Northwind Traders - Leeds -\n\n"
        "May 2015 to June 2019\n\n"
        "Brand Strategist - Retail Division\n"
        "* Planned seasonal campaigns\n\n"
        "Pricing Analyst - Wholesale Team\n"
        "* Modelled margins for 300 stores\n"
        "Customer Insight\n"
        "Reporting Manager: monthly packs.\n"
    )
    w = _work(text)
    # the line right under the dates titles the dated position; the later role line is a further role
    assert (w[0].title, w[0].employer) == ("Brand Strategist", "Northwind Traders")
    assert w[0].start == PartialDate(year=2015, month=5)
    assert [(x.title, x.employer, x.start, x.confidence) for x in w[1:]] == [
        ("Pricing Analyst", "Wholesale Team", None, 0.25)
    ]  # a topic line without a title word and a field line with a colon are no roles


def test_sub_role_needs_a_clear_multiword_title_at_the_line_start() -> None:
    text = (
        "WORK HISTORY\n"
        "Acme Foods Ltd, Bristol\n"
        "2012 - 2016\n"
        "Supervisor\n"
        "Delivered training to new starters\n"
        "Quality Assurance Lead\n"
        "Cashier\n"
    )
    w = _work(text)
    assert (w[0].title, w[0].employer) == ("Supervisor", "Acme Foods Ltd")
    # a later one-word title line may be a column or a topic; a verb-led line is a duty
    assert [x.title for x in w[1:]] == ["Quality Assurance Lead"]


def test_capitalized_header_line_ending_in_a_period_is_no_sentence() -> None:
    text = (
        "EMPLOYMENT HISTORY\n"
        "GRANITE CASTINGS LIMITED, NORTH BAY 400 001, CANADA.\n"
        "(A Certified Supplier)\n"
        "Duration: 4 Years (March 2010\n"
        "2014)\n"
        "Position: Plant Manager\n"
        "Ran the melt shop and the finishing lines for three product families.\n"
    )
    (w,) = _work(text)
    assert (w.title, w.employer) == ("Plant Manager", "GRANITE CASTINGS LIMITED")
    assert w.start == PartialDate(year=2010, month=3)


def test_ist_agent_nouns_are_title_words() -> None:
    assert looks_like_title("Range Conservationist") == 1.0
    assert looks_like_title("Senior Epidemiologists") == 1.0
    assert looks_like_title("Safety Checklist") == 0.0 and looks_like_title("Insist") == 0.0
    text = "EXPERIENCE\nMarsh Valley Trust, Ogden, UT\nWetland Conservationist\nJune 2011 - May 2014\n"
    (w,) = _work(text)
    assert (w.title, w.employer) == ("Wetland Conservationist", "Marsh Valley Trust")


def test_plural_title_head_names_a_firm_or_group_not_a_title() -> None:
    assert looks_like_title("Landscape Architects") == 1.0  # the lexicon alone still reads it as a title
    text = (
        "EXPERIENCE\n"
        "Drafter\n"
        "Orrin Bell Architects - Boise, ID -\n"
        "2016 - 2019\n\n"
        "Liaison for the Directors of Field Operations\n"
    )
    (w,) = _work(text)
    assert (w.title, w.employer, w.location) == ("Drafter", "Orrin Bell Architects", "Boise, ID")


def test_sub_roles_are_title_cased_and_not_led_by_a_verb() -> None:
    text = (
        "EXPERIENCE\n"
        "Marlow Outfitters - Leeds -\n"
        "May 2015 to June 2019\n"
        "Store Supervisor\n"
        "* Opened the store\n"
        "Natural leader\n"
        "Promoted to Assistant Manager\n"
        "Reported to Regional Director\n"
        "Visual Merchandising Coordinator\n"
    )
    w = _work(text)
    assert (w[0].title, w[0].employer) == ("Store Supervisor", "Marlow Outfitters")
    # the promotion names a title (prose rule); the strength phrase and the reporting line name none
    assert [x.title for x in w[1:]] == ["Visual Merchandising Coordinator", "Assistant Manager"]


def test_compound_title_parts_are_further_roles_of_the_position() -> None:
    text = (
        "EMPLOYMENT\n"
        "Paralegal/Bookkeeper/Office Manager, Dunmore & Pike, PA (1999 - 2004)\n"
        "- Managed the office\n"
        "Owner and Manager, Two Rivers Books\n"
        "2005 - 2010\n"
        "Sales and Marketing Manager, Keel Foods\n"
        "2010 - 2012\n"
    )
    w = _work(text)
    dated = [x for x in w if x.start is not None]
    assert [(x.title, x.employer) for x in dated] == [
        ("Paralegal/Bookkeeper/Office Manager", "Dunmore & Pike, PA"),
        ("Owner and Manager", "Two Rivers Books"),
        ("Sales and Marketing Manager", "Keel Foods"),
    ]
    # each further part is a role of its own, undated and weak (months and title matching are unchanged);
    # "Sales" of "Sales and Marketing Manager" is no title, so that one stays whole
    extra = [(x.title, x.confidence, x.start, x.months) for x in w if x.start is None]
    assert extra == [
        ("Bookkeeper", 0.25, None, None),
        ("Office Manager", 0.25, None, None),
        ("Manager", 0.25, None, None),
    ]
    assert total_months(w, today=TODAY) == total_months(dated, today=TODAY)


def test_other_title_pieces_of_the_header_line_are_further_roles() -> None:
    text = (
        "WORK EXPERIENCE\n"
        "Sr. Program Manager / Product Owner, Architect, Consultant\n"
        "Northwind Traders - Hyderabad, Telangana -\n"
        "February 2005 to Present\n"
        "Marketing Specialist – Hardware Programs Lead\n"
        "Contoso - Pune, Maharashtra -\n"
        "June 2001 to January 2005\n"
    )
    w = _work(text)
    assert [(x.title, x.employer) for x in w if x.start is not None] == [
        ("Sr. Program Manager / Product Owner", "Northwind Traders"),
        ("Marketing Specialist", "Contoso"),
    ]
    assert [x.title for x in w if x.start is None] == [
        "Product Owner",
        "Architect",
        "Consultant",
        "Hardware Programs Lead",
    ]


def test_template_placeholder_dates_anchor_positions_without_dates() -> None:
    text = (
        "Professional Experience:\n"
        "Administrative Assistant, July 20XX to Present\n"
        "QRS Training Institute\n\n"
        "• Handled the task of assigning students to academic counselors\n"
        "Administrative Secretary, July 20XX to August 20XX\n"
        "Prism Language Institute\n\n"
        "• Handled tasks related to student registrations\n"
    )
    w = _work(text)
    assert [(x.title, x.employer, x.start, x.end, x.months) for x in w] == [
        ("Administrative Assistant", "QRS Training Institute", None, None, None),
        ("Administrative Secretary", "Prism Language Institute", None, None, None),
    ]
    assert w[0].current and not w[1].current
    assert w[0].dates_evidence is not None and w[0].dates_evidence.text == "July 20XX to Present"
    assert total_months(w, today=TODAY) == 0 and find_gaps(w, today=TODAY) == []


def test_a_role_line_inside_a_block_may_name_two_roles() -> None:
    text = (
        "WORK EXPERIENCE\n\nMarketing Specialist\n\nOracle -  Bengaluru, Karnataka -\n\nJune 2009 to July 2012\n\n"
        "Marketing Specialist – Hardware Programs Lead\n"
        "* Designed and executed campaigns\n"
        "Business Analyst - Channel Support Specialist\n"
        "* Ran partner reports\n"
    )
    w = _work(text)
    assert (w[0].title, w[0].employer) == ("Marketing Specialist", "Oracle")
    assert [(x.title, x.confidence) for x in w[1:]] == [
        ("Hardware Programs Lead", 0.25),
        ("Business Analyst", 0.25),
        ("Channel Support Specialist", 0.25),
    ]


def test_post_label_and_a_space_lost_after_a_dot() -> None:
    text = (
        "EXPERIENCE\n"
        "Post: Immigration Attorney\nOrganisation: Refugee Law Centre\n2010 - 2014\n\n"
        "Capgemini\nSr.Consultant\nJan 2015 - Dec 2018\n"
        "Post-Graduate Diploma in Law\n"
    )
    w = _work(text)
    assert [(x.title, x.employer) for x in w] == [
        ("Immigration Attorney", "Refugee Law Centre"),
        ("Sr.Consultant", "Capgemini"),
    ]
    assert looks_like_title("Sr.Consultant") == 1.0


def test_a_dated_sentence_gives_its_title_to_the_position_read_from_it() -> None:
    text = (
        "EXPERIENCE\nWorking as Senior Analyst at Genpact since March 2016.\n"
        "Worked as Analyst at WNS Global Services from June 2012 to February 2016.\n"
    )
    w = _work(text)
    assert [(x.title, x.employer, x.start) for x in w] == [
        ("Senior Analyst", "Genpact", PartialDate(year=2016, month=3)),
        ("Analyst", "WNS Global Services", PartialDate(year=2012, month=6)),
    ]
    assert w[0].title_evidence is not None and w[0].title_evidence.text == "Senior Analyst"


def test_course_codes_and_wrapped_sentence_ends_are_no_title_or_employer() -> None:
    text = (
        "TEACHING EXPERIENCE\nInstructor, COMP 1120 Composition (2001 - 2004)\n"
        "Instructor, PE 1615 Jujutsu (1998 - 2001)\n\n"
        "WORK EXPERIENCE\nSoftware Development Director\n\nOracle Inc -\n\nJanuary 1998 to Present\n\n"
        "98 with Oracle Inc.\nGrowth Path:\n\nSenior Development Manager\n\nOracle Inc -\n\nDecember 2011 to March 2015\n"
    )
    w = _work(text)
    assert [x.title for x in w[:2]] == ["Instructor", "Instructor"]
    assert all(x.employer != "98 with Oracle Inc." for x in w)
    assert ("Senior Development Manager", "Oracle Inc") in [(x.title, x.employer) for x in w]


def test_a_name_with_a_lone_year_over_its_place_is_an_employer() -> None:
    text = (
        "Volunteer Work and Job History:\n"
        "McDonald's Fast Food Restaurant (2007)\nPhiladelphia, PA\n"
        "Beacon Program, summer (2006)\nPhiladelphia, PA\n"
        "Operating Systems (1998)\n- Coursework in kernels\n"
    )
    w = _work(text)
    assert [(x.employer, x.location) for x in w[:2]] == [
        ("McDonald's Fast Food Restaurant", "Philadelphia, PA"),
        ("Beacon Program", "Philadelphia, PA"),
    ]
    assert len(w) == 3 and w[2].employer is None  # a course beside a year names no employer


def test_the_candidates_own_name_is_no_employer() -> None:
    items = [
        WorkItem(title="Director of Field Operations", employer="Brisa Varnholt"),
        WorkItem(title=None, employer="Brisa  Varnholt"),
        WorkItem(title="Analyst", employer="Varnholt Holdings"),
    ]
    out = without_own_name(items, "Brisa Varnholt")
    assert [(w.title, w.employer) for w in out] == [
        ("Director of Field Operations", None),
        (None, None),
        ("Analyst", "Varnholt Holdings"),
    ]
    assert without_own_name(items, None) == items


def test_an_employer_the_name_reader_took_for_the_name_stays() -> None:
    text = "Senior Accountant , 01/2019 to Current\nHarbourline Retail – City , State\nSales Lead\nHarbourline Retail\n"
    at = text.index("Harbourline")
    again = text.rindex("Harbourline")
    items = [
        WorkItem(
            title="Senior Accountant",
            employer="Harbourline Retail",
            employer_evidence=Span.of(text, at, at + 18),
        ),
        WorkItem(
            title="Sales Lead",
            employer="Harbourline Retail",
            employer_evidence=Span.of(text, again, again + 18),
        ),
    ]
    out = without_own_name(items, "Harbourline Retail", name_at=at)
    assert [w.employer for w in out] == ["Harbourline Retail", None]


def test_an_employer_wrapped_onto_the_next_line_is_read_whole() -> None:
    text = (
        "EXPERIENCE\n"
        "Manager of Staffing and HR Operations, Harbor\n"
        "Systems, Aberdeen, MO, 2000 to 2001\n"
        "Led recruiting for two plants.\n"
        "Chief Attorney (1973-78), Office of the Commissioner of\n"
        "Securities, Madison, Wisconsin\n"
        "Argued appeals before the state courts.\n"
        "1984-85: LEGAL OFFICER AND ACTING REGISTRAR, NORTHERN\n"
        "EQUAL OPPORTUNITY BOARD. My primary function was to advise the board.\n"
    )
    employers = [w.employer for w in _work(text) if w.employer]
    assert employers == [
        "Harbor Systems",
        "Office of the Commissioner of Securities",
        "NORTHERN EQUAL OPPORTUNITY BOARD",
    ]


def test_a_position_set_out_under_education_is_read_at_lower_confidence() -> None:
    text = (
        "EXPERIENCE\n"
        "Analyst, Fabrikam Systems\n"
        "Jan 2019 - Dec 2021\n"
        "\n"
        "EDUCATION\n"
        "Bachelor of Arts in Music\n"
        "Riverside State University | Aug 2012 - May 2016\n"
        "\n"
        "Director of Merchandising, Northwind Traders\n"
        "Dec 2016 - Dec 2018\n"
        "Oversaw sales of all merchandise.\n"
        "Certificate for Reading Recovery Teacher Leader\n"
        "2017 - 2018\n"
    )
    items = _work(text)
    assert [(w.title, w.employer) for w in items] == [
        ("Analyst", "Fabrikam Systems"),
        ("Director of Merchandising", "Northwind Traders"),
    ]
    assert items[1].confidence < items[0].confidence
    assert items[1].start == PartialDate(year=2016, month=12)


def test_a_capital_inside_a_name_that_is_no_title_word_stays() -> None:
    assert looks_like_title("SharePoint Developer") == 1.0
    assert looks_like_title("InfoTech") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        # a role line inside a block whose title splits from its institution: one fragment, no employer fragment
        "Jane Roe\n\nEXPERIENCE\nSenior Accountant, Jan 2019 - Present\nLakeview Foods, Leeds\nDid things.\n"
        "Project Manager of Harbour Conference\nRan the audit project.\n",
        # a title that opens with "of" and holds another "of" later
        "\n\n / of University Senior \n 2012 University Engineer",
        "EDUCATION\nof Science Fellow of the Society, 2010 - 2012\n",
    ],
)
def test_odd_header_lines_parse_without_error(text: str) -> None:
    assert isinstance(_work(text), list)


@pytest.mark.parametrize(
    ("line", "title", "employer"),
    [
        (
            "Executive Secretary of the Northern Rail Safety Conference, 2010 - 2015",
            "Executive Secretary",
            "Northern Rail Safety Conference",
        ),
        ("President of the Student Association, 2010 - 2012", "President", "Student Association"),
        # a lone head noun names no institution
        ("President of the Company, 2010 - 2012", "President of the Company", None),
    ],
)
def test_title_of_an_institution_on_the_dates_line(line: str, title: str, employer: str | None) -> None:
    text = f"Jane Roe\n\nEXPERIENCE\n{line}\nRan the board.\n"
    (w,) = _work(text)
    assert (w.title, w.employer) == (title, employer)
    assert w.title_evidence is not None and text[w.title_evidence.start : w.title_evidence.end] == title


def test_owner_named_with_a_capital_company_is_a_co_employer() -> None:
    text = (
        "Jane Roe\n\nEXPERIENCE\nData Analyst, Jan 2019 - Present\nNorthwind Labs, an Acme Company, Leeds\n"
    )
    assert _rows(text, "title employer") == [("Data Analyst", "Northwind Labs"), (None, "Acme")]


def test_a_count_of_years_on_the_line_above_leaves_the_dates_of_a_position() -> None:
    text = "EXPERIENCE\nTotal Experience: 5 years\n06-12 to 08-15\nSales Clerk, Acme Corp\n"
    ((title, start, end),) = _rows(text, "title start end")
    assert title == "Sales Clerk"
    assert (start, end) == (PartialDate(year=2012, month=6), PartialDate(year=2015, month=8))


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe\nWorked as Sales  Manager at Acme Corp",
        "Jane Doe\nWorked as Sales\tManager at Acme Corp",
        "S  Manager at Ac",
    ],
)
def test_a_prose_title_with_a_wide_gap_between_its_words_parses(text: str) -> None:
    items = [w for w in _work(text) if w.title]
    assert items, "no position read"
    if text.startswith("Jane Doe"):
        assert ("Sales Manager", "Acme Corp") in [(w.title, w.employer) for w in items]
    for w in items:
        assert w.title is not None and w.title_evidence is not None
        # the value reads with single spaces; its evidence covers the words as written
        assert "  " not in w.title and "\t" not in w.title
        assert w.title_evidence.text.split() == w.title.split()
        assert text[w.title_evidence.start : w.title_evidence.end] == w.title_evidence.text


@pytest.mark.parametrize(
    ("summary", "title", "written"),
    [
        (
            "Dedicated and energetic Reading  Specialist with a calm manner.",
            "Reading Specialist",
            "Reading  Specialist",
        ),
        (
            "Lead\tcarpenter with 9 years of experience in timber framing.",
            "Lead carpenter",
            "Lead\tcarpenter",
        ),
    ],
)
def test_a_summary_title_with_a_wide_gap_between_its_words_reads_single_spaced(
    summary: str, title: str, written: str
) -> None:
    text = f"Jane Doe\nSUMMARY\n{summary}\n"
    h = find_headline(text, split_sections(text), name_end=8)
    assert h is not None and h.evidence is not None
    assert (h.value, h.evidence.text) == (title, written)
    assert text[h.evidence.start : h.evidence.end] == written


@pytest.mark.parametrize(
    "header",
    [
        "Carpenter\nSelf-employed in Leeds\nJan 2010 - Dec 2014",
        "Photographer - Self-employed in Leeds - 2010 - 2014",
    ],
)
def test_self_employed_is_no_past_verb_opening_a_duty(header: str) -> None:
    # "Self-employed in Leeds" ends in "-ed" and a lower-case word follows, as a duty ("Managed budgets") does;
    # the hyphenated word is no verb, so the piece stays the employer
    ((title, employer),) = _rows(f"Jane Roe\n\nEXPERIENCE\n{header}\nBuilt sheds.\n", "title employer")
    assert title in {"Carpenter", "Photographer"}
    assert employer is not None and employer.startswith("Self-employed")


@pytest.mark.parametrize("label", ["Total Experience: 5 years", "Overall Experience: 7 years"])
def test_a_labelled_total_of_experience_is_no_employer(label: str) -> None:
    text = f"EXPERIENCE\n{label}\n06-12 to 08-15\nSales Clerk, Acme Corp\n"
    assert _rows(text, "title employer") == [("Sales Clerk", "Acme Corp")]
