"""Realistic synthetic resumes: structured ground truth (`ResumeSpec`) and renderers to PDF, DOCX, text,
Markdown and HTML.

Used by the parser tests (the spec is the answer key), the service's demo talent pool, and the bias audit
(`ResumeSpec.with_name` swaps the name and the e-mail that is derived from it, nothing else).

All content is invented: names are combinations of common first and last names, e-mail domains are the
reserved example.* domains, phone numbers are in the ranges set aside for fiction (NANP 555-01xx, UK
020 7946 0xxx), employers and schools are fictional. Generation is deterministic for a given seed and does
not depend on today's date (careers end at REFERENCE_DATE).
"""

from __future__ import annotations

import dataclasses
import html as html_lib
import io
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

YearMonth = tuple[int, int]

# Careers are generated up to this (year, month) so output never depends on the clock.
REFERENCE_DATE: YearMonth = (2025, 6)

DATE_STYLES = ("mon_yyyy", "month_yyyy", "mm/yyyy", "yyyy-mm", "yyyy", "mon_dot_yyyy")
PRESENT_WORDS = ("Present", "Current", "Now", "present")
RANGE_SEPARATORS = (" – ", " - ", " to ", " — ")
LAYOUTS = ("single", "two_column", "sidebar")

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass
class Position:
    """One job held: dates are (year, month); end None means the job is current."""

    title: str
    employer: str
    location: str
    start: YearMonth
    end: YearMonth | None
    bullets: list[str] = field(default_factory=list)


@dataclass
class EducationEntry:
    """One degree: degree is e.g. "Bachelor of Science", field e.g. "Computer Science"."""

    institution: str
    degree: str
    field: str
    start: YearMonth
    end: YearMonth
    level: str = "bachelor"


@dataclass
class ResumeSpec:
    """Everything a resume says, as data; renderers turn it into documents, tests compare against it."""

    name: str
    email: str
    phone: str
    location: str
    summary: str
    positions: list[Position]
    education: list[EducationEntry]
    skills: list[str]
    certifications: list[str]
    languages: list[tuple[str, str]]
    occupation: str
    date_style: str = "mon_yyyy"
    present_word: str = "Present"
    range_separator: str = " – "
    heading_style: int = 0
    links: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """The most recent job title."""
        return self.positions[0].title if self.positions else OCCUPATIONS[self.occupation].label

    def with_name(self, name: str) -> ResumeSpec:
        """A copy with another candidate name (and the e-mail that is made from it); all else unchanged."""
        domain = self.email.split("@", 1)[1] if "@" in self.email else "example.com"
        return dataclasses.replace(self, name=name, email=f"{_email_local(name)}@{domain}")

    def mentioned_skills(self) -> list[str]:
        """Listed skills, then the occupation's skills that appear only in bullets or the summary."""
        text = " ".join([self.summary, *(b for p in self.positions for b in p.bullets)])
        extra = [s for s in OCCUPATIONS[self.occupation].skills if s not in self.skills and s in text]
        return [*self.skills, *extra]

    def to_dict(self) -> dict[str, object]:
        """Plain data (JSON-serializable) for golden files and comparisons."""
        return dataclasses.asdict(self)

    def experience_months(self) -> int:
        """Months worked, overlapping positions merged, up to REFERENCE_DATE for current jobs."""
        spans = sorted((_ordinal(p.start), _ordinal(p.end or REFERENCE_DATE)) for p in self.positions)
        total, cur_start, cur_end = 0, None, None
        for s, e in spans:
            if cur_end is None or s > cur_end:
                if cur_end is not None and cur_start is not None:
                    total += cur_end - cur_start
                cur_start, cur_end = s, e
            else:
                cur_end = max(cur_end, e)
        if cur_end is not None and cur_start is not None:
            total += cur_end - cur_start
        return total


def spec_from_dict(data: dict[str, object]) -> ResumeSpec:
    """Rebuild a ResumeSpec from `to_dict()` output (e.g. a golden *.spec.json file)."""
    d = dict(data)

    def ym(value: Any) -> YearMonth:
        return int(value[0]), int(value[1])

    d["positions"] = [
        Position(**{**p, "start": ym(p["start"]), "end": None if p["end"] is None else ym(p["end"])})  # type: ignore[dict-item]
        for p in d["positions"]  # type: ignore[attr-defined]
    ]
    d["education"] = [
        EducationEntry(**{**e, "start": ym(e["start"]), "end": ym(e["end"])})  # type: ignore[dict-item]
        for e in d["education"]  # type: ignore[attr-defined]
    ]
    d["languages"] = [(str(n), str(level)) for n, level in d["languages"]]  # type: ignore[attr-defined]
    return ResumeSpec(**d)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Occupation:
    """Vocabulary of one occupation: titles (junior to senior), employers, skills and bullet templates."""

    key: str
    label: str
    titles: tuple[tuple[str, ...], ...]  # seniority levels, each a few title variants
    employers: tuple[str, ...]
    skills: tuple[str, ...]
    bullets: tuple[
        str, ...
    ]  # templates: {A|B} a skill (the candidate's own first), {pct} {hipct} {num} {money} {team}
    degrees: tuple[tuple[str, str, str], ...]  # (degree, field, level)
    certifications: tuple[str, ...]
    summary: tuple[str, ...]


OCCUPATIONS: dict[str, Occupation] = {
    o.key: o
    for o in (
        Occupation(
            key="software_engineering",
            label="Software Engineer",
            titles=(
                ("Junior Software Engineer", "Software Developer", "Associate Software Engineer"),
                ("Software Engineer", "Backend Developer", "Full Stack Developer"),
                ("Senior Software Engineer", "Senior Backend Engineer", "Lead Developer"),
                ("Staff Software Engineer", "Engineering Manager", "Principal Engineer"),
            ),
            employers=(
                "Northwind Systems",
                "Bluepeak Software",
                "Crestline Labs",
                "Harborview Technologies",
                "Ironleaf Digital",
                "Quantix Solutions",
                "Silverline Cloud",
                "Tidewater Networks",
            ),
            skills=(
                "Python",
                "Java",
                "TypeScript",
                "JavaScript",
                "SQL",
                "PostgreSQL",
                "Docker",
                "Kubernetes",
                "AWS",
                "Terraform",
                "React",
                "Node.js",
                "Django",
                "Git",
                "Redis",
                "Kafka",
                "gRPC",
                "Linux",
                "CI/CD",
                "Microservices",
                "REST APIs",
                "Go",
            ),
            bullets=(
                "Designed and built {Python|Go|Java|Node.js} microservices handling {num} requests per second",
                "Migrated the monolith to {Kubernetes|Docker|Microservices} on {AWS}, cutting deployment time by {pct}%",
                "Reduced API latency by {pct}% by profiling {Python|Java|Go} services and adding {Redis} caching",
                "Led a team of {team} engineers delivering a customer billing platform in {TypeScript|Java|Python}",
                "Automated infrastructure with {Terraform} and {AWS}, saving {money} a year in cloud costs",
                "Wrote integration tests and set up {CI/CD|Git} pipelines, raising coverage to {hipct}%",
                "Built {REST APIs|gRPC} for the mobile app backed by {PostgreSQL|Redis}",
                "Moved event processing to {Kafka}, handling {num} million messages a day",
                "Rebuilt the customer dashboard in {React|TypeScript|JavaScript}, cutting page load time by {pct}%",
                "Mentored {team} junior developers through code reviews in {Python|Java|Go|TypeScript}",
            ),
            degrees=(
                ("Bachelor of Science", "Computer Science", "bachelor"),
                ("Bachelor of Engineering", "Software Engineering", "bachelor"),
                ("Master of Science", "Computer Science", "master"),
            ),
            certifications=(
                "AWS Certified Solutions Architect – Associate",
                "Certified Kubernetes Administrator (CKA)",
                "Oracle Certified Professional, Java SE 11 Developer",
                "HashiCorp Certified: Terraform Associate",
            ),
            summary=(
                "Software engineer with {years} years of experience building reliable web services in {skill} and {skill2}.",
                "Backend-focused developer with {years} years of experience shipping {skill} systems and {skill2} infrastructure.",
            ),
        ),
        Occupation(
            key="data_science",
            label="Data Scientist",
            titles=(
                ("Data Analyst", "Junior Data Scientist", "Business Intelligence Analyst"),
                ("Data Scientist", "Machine Learning Engineer", "Analytics Engineer"),
                ("Senior Data Scientist", "Senior Machine Learning Engineer"),
                ("Lead Data Scientist", "Head of Data Science", "Principal Data Scientist"),
            ),
            employers=(
                "Datavine Analytics",
                "Meridian Insights",
                "Brightpath Health Data",
                "Solace Retail Group",
                "Vector Lane",
                "Kestrel Financial",
                "Orchid Marketing Science",
                "Granite Insurance",
            ),
            skills=(
                "Python",
                "SQL",
                "Machine Learning",
                "pandas",
                "scikit-learn",
                "TensorFlow",
                "PyTorch",
                "Statistics",
                "A/B Testing",
                "Tableau",
                "Apache Spark",
                "Data Visualization",
                "NumPy",
                "Natural Language Processing",
                "Deep Learning",
                "Airflow",
                "Power BI",
                "Snowflake",
            ),
            bullets=(
                "Built a churn model with {scikit-learn|Machine Learning} in {Python} that lifted retention by {pct}%",
                "Designed and analysed {num} {A/B Testing} experiments with {Statistics|Python}, guiding product decisions",
                "Created {Tableau|Power BI} dashboards for {num} stakeholders, replacing manual Excel reports",
                "Deployed a demand forecasting pipeline in {Python} orchestrated with {Airflow}, cutting stockouts by {pct}%",
                "Cleaned and joined {num} million records with {SQL|pandas|Apache Spark} to build a single customer view",
                "Trained {Deep Learning|PyTorch|TensorFlow} models for {Natural Language Processing}, reaching {hipct}% accuracy",
                "Moved reporting to {Snowflake|SQL} and {Data Visualization} tooling used by {team} teams",
                "Presented {Statistics|Machine Learning} findings to executives, informing a {money} marketing budget",
            ),
            degrees=(
                ("Master of Science", "Data Science", "master"),
                ("Bachelor of Science", "Statistics", "bachelor"),
                ("Master of Science", "Applied Mathematics", "master"),
                ("Doctor of Philosophy", "Physics", "doctorate"),
            ),
            certifications=(
                "Google Professional Data Engineer",
                "Microsoft Certified: Azure Data Scientist Associate",
                "Tableau Desktop Specialist",
            ),
            summary=(
                "Data scientist with {years} years of experience turning data into decisions using {skill} and {skill2}.",
                "Analytics professional with {years} years of experience in {skill}, {skill2} and experiment design.",
            ),
        ),
        Occupation(
            key="nursing",
            label="Registered Nurse",
            titles=(
                ("Nursing Assistant", "Graduate Nurse", "Licensed Practical Nurse"),
                ("Registered Nurse", "Staff Nurse", "ICU Nurse"),
                ("Charge Nurse", "Senior Registered Nurse", "Emergency Department Nurse"),
                ("Nurse Manager", "Clinical Nurse Specialist", "Director of Nursing"),
            ),
            employers=(
                "St. Brigid Medical Center",
                "Lakeside General Hospital",
                "Riverbend Community Clinic",
                "Mercy Valley Health",
                "Hillcrest Children's Hospital",
                "Northgate Care Home",
                "Summit Regional Medical Center",
                "Oakridge Rehabilitation Center",
            ),
            skills=(
                "Patient Care",
                "Medication Administration",
                "Electronic Health Records",
                "Epic",
                "Triage",
                "Wound Care",
                "IV Therapy",
                "Basic Life Support",
                "Infection Control",
                "Care Planning",
                "Patient Education",
                "Vital Signs Monitoring",
                "Phlebotomy",
                "Critical Care",
                "Telemetry",
            ),
            bullets=(
                "Provided {Patient Care} for up to {team} patients per shift on a {num}-bed medical-surgical unit",
                "Handled {Medication Administration} and {IV Therapy} with zero medication errors over {team} years",
                "Documented assessments in {Epic|Electronic Health Records}, improving charting compliance by {pct}%",
                "Performed {Triage} in a Level II emergency department seeing {num} patients a day",
                "Trained {team} new nurses in {Wound Care|Telemetry|Phlebotomy} procedures",
                "Led {Infection Control} audits that lowered hospital-acquired infections by {pct}%",
                "Coordinated {Care Planning} with physicians, therapists and families for complex discharges",
                "Delivered {Patient Education} on diabetes and heart failure to {num} patients a month",
                "Monitored {Vital Signs Monitoring|Telemetry} for {team} {Critical Care} patients per shift",
            ),
            degrees=(
                ("Bachelor of Science in Nursing", "Nursing", "bachelor"),
                ("Associate Degree in Nursing", "Nursing", "associate"),
                ("Master of Science in Nursing", "Nursing Leadership", "master"),
            ),
            certifications=(
                "Registered Nurse (RN) License",
                "Basic Life Support (BLS)",
                "Advanced Cardiovascular Life Support (ACLS)",
                "Pediatric Advanced Life Support (PALS)",
            ),
            summary=(
                "Compassionate registered nurse with {years} years of experience in {skill} and {skill2}.",
                "Nurse with {years} years of acute care experience, skilled in {skill}, {skill2} and patient advocacy.",
            ),
        ),
        Occupation(
            key="finance_accounting",
            label="Accountant",
            titles=(
                ("Staff Accountant", "Accounts Payable Clerk", "Junior Accountant"),
                ("Accountant", "Financial Analyst", "Senior Accountant"),
                ("Accounting Manager", "Senior Financial Analyst", "Controller"),
                ("Finance Director", "Chief Financial Officer", "Corporate Controller"),
            ),
            employers=(
                "Ashford & Lane LLP",
                "Beacon Street Partners",
                "Cobalt Manufacturing",
                "Evergreen Credit Union",
                "Fairmont Logistics",
                "Pioneer Capital Group",
                "Redwood Property Trust",
                "Westbrook Foods",
            ),
            skills=(
                "Financial Reporting",
                "GAAP",
                "Account Reconciliation",
                "QuickBooks",
                "SAP",
                "Microsoft Excel",
                "Budgeting",
                "Forecasting",
                "Accounts Payable",
                "Accounts Receivable",
                "Auditing",
                "Tax Preparation",
                "Variance Analysis",
                "Financial Modeling",
                "Payroll",
                "Oracle NetSuite",
            ),
            bullets=(
                "Prepared monthly {Financial Reporting} under {GAAP} for a {money} revenue business",
                "Closed the books {team} days faster by automating {Account Reconciliation} in {Microsoft Excel|Oracle NetSuite|SAP}",
                "Managed {Accounts Payable} for {num} vendors and cut late payments by {pct}%",
                "Built {Financial Modeling|Forecasting} models in {Microsoft Excel} supporting a {money} capital plan",
                "Led the annual {Auditing} cycle with external auditors, closing with no material findings",
                "Ran {Accounts Receivable} collections on {num} accounts and recovered {money}",
                "Produced {Budgeting} packs and {Variance Analysis} for {team} department heads",
                "Handled {Tax Preparation} and {Payroll} filings for {num} employees in {QuickBooks|Oracle NetSuite}",
            ),
            degrees=(
                ("Bachelor of Science", "Accounting", "bachelor"),
                ("Bachelor of Business Administration", "Finance", "bachelor"),
                ("Master of Business Administration", "Finance", "master"),
            ),
            certifications=(
                "Certified Public Accountant (CPA)",
                "Chartered Financial Analyst (CFA) Level II",
                "Certified Management Accountant (CMA)",
            ),
            summary=(
                "Detail-oriented accountant with {years} years of experience in {skill} and {skill2}.",
                "Finance professional with {years} years of experience leading {skill}, {skill2} and month-end close.",
            ),
        ),
        Occupation(
            key="sales",
            label="Sales Representative",
            titles=(
                ("Sales Development Representative", "Inside Sales Representative", "Sales Associate"),
                ("Account Executive", "Sales Representative", "Territory Sales Manager"),
                ("Senior Account Executive", "Key Account Manager", "Regional Sales Manager"),
                ("Sales Director", "VP of Sales", "Head of Sales"),
            ),
            employers=(
                "Apex Office Supply",
                "BrightWave Media",
                "Cascade Medical Devices",
                "Delta Freight Solutions",
                "Everlane Software",
                "Frontier Telecom",
                "Greenfield Agritech",
                "Horizon Hospitality",
            ),
            skills=(
                "Salesforce",
                "CRM",
                "Lead Generation",
                "Negotiation",
                "Account Management",
                "Cold Calling",
                "Pipeline Management",
                "HubSpot",
                "B2B Sales",
                "Sales Forecasting",
                "Customer Relationship Management",
                "Contract Negotiation",
                "Market Research",
                "Presentation Skills",
            ),
            bullets=(
                "Exceeded quota by {pct}% for {team} consecutive quarters through {Account Management|B2B Sales}",
                "Grew territory revenue from {money} by {pct}% in two years with disciplined {Pipeline Management}",
                "Closed {num} new {B2B Sales} accounts using consultative selling and {Negotiation}",
                "Kept a clean pipeline in {Salesforce|HubSpot|CRM}, improving {Sales Forecasting} accuracy by {pct}%",
                "Managed {team} enterprise accounts worth {money} in annual revenue through {Customer Relationship Management}",
                "Booked {num} qualified meetings a month through {Cold Calling|Lead Generation} and email outreach",
                "Won a {money} multi-year deal after leading {Contract Negotiation} with procurement",
            ),
            degrees=(
                ("Bachelor of Arts", "Communications", "bachelor"),
                ("Bachelor of Business Administration", "Marketing", "bachelor"),
                ("Associate of Arts", "Business", "associate"),
            ),
            certifications=("Salesforce Certified Administrator", "HubSpot Inbound Sales Certification"),
            summary=(
                "Results-driven sales professional with {years} years of experience in {skill} and {skill2}.",
                "Quota-crushing account executive with {years} years of experience in {skill}, {skill2} and closing.",
            ),
        ),
        Occupation(
            key="teaching",
            label="Teacher",
            titles=(
                ("Teaching Assistant", "Student Teacher", "Substitute Teacher"),
                ("Elementary School Teacher", "Middle School Math Teacher", "High School English Teacher"),
                ("Senior Teacher", "Department Head", "Lead Teacher"),
                ("Assistant Principal", "Curriculum Coordinator", "Principal"),
            ),
            employers=(
                "Maplewood Elementary School",
                "Lincoln Park Middle School",
                "Westfield High School",
                "Cedar Grove Academy",
                "Riverside Unified School District",
                "Brookside Charter School",
                "Hawthorne International School",
                "Sunnyvale Learning Center",
            ),
            skills=(
                "Curriculum Development",
                "Lesson Planning",
                "Classroom Management",
                "Differentiated Instruction",
                "Google Classroom",
                "Student Assessment",
                "Special Education",
                "Literacy Instruction",
                "Parent Communication",
                "STEM Education",
                "Educational Technology",
                "Mentoring",
            ),
            bullets=(
                "Taught {num} students a year in grades 6 to 8 using {Differentiated Instruction}",
                "Raised state test pass rates by {pct}% through {Student Assessment} and targeted {Literacy Instruction}",
                "Led {Curriculum Development} for a science unit adopted by {team} teachers across the district",
                "Used {Google Classroom|Educational Technology} to run blended lessons for {num} students",
                "Wrote individualized education plans with the {Special Education} team for {team} students",
                "Kept a calm, structured classroom through consistent {Classroom Management}",
                "Planned weekly lessons ({Lesson Planning}) and held termly {Parent Communication} conferences",
                "Started an after-school {STEM Education} club that grew to {num} members",
            ),
            degrees=(
                ("Bachelor of Arts", "Education", "bachelor"),
                ("Master of Education", "Curriculum and Instruction", "master"),
                ("Bachelor of Science", "Mathematics Education", "bachelor"),
            ),
            certifications=(
                "State Teaching License (Grades K-6)",
                "TESOL Certificate",
                "Google Certified Educator Level 1",
            ),
            summary=(
                "Dedicated teacher with {years} years of classroom experience in {skill} and {skill2}.",
                "Educator with {years} years of experience creating inclusive classrooms through {skill} and {skill2}.",
            ),
        ),
        Occupation(
            key="chef",
            label="Chef",
            titles=(
                ("Line Cook", "Prep Cook", "Commis Chef"),
                ("Chef de Partie", "Sous Chef", "Pastry Chef"),
                ("Head Chef", "Chef de Cuisine", "Kitchen Manager"),
                ("Executive Chef", "Culinary Director"),
            ),
            employers=(
                "The Copper Pot Bistro",
                "Harbor House Grill",
                "Olive & Thyme",
                "Grand Meridian Hotel",
                "Saffron Table",
                "Blue Heron Catering",
                "Riverside Steakhouse",
                "Ember & Ash",
            ),
            skills=(
                "Menu Development",
                "Food Safety",
                "Inventory Management",
                "HACCP",
                "Food Cost Control",
                "Pastry",
                "Butchery",
                "Kitchen Management",
                "ServSafe",
                "Catering",
                "Recipe Development",
                "Staff Training",
                "Sauces",
                "Plating",
            ),
            bullets=(
                "Led {Menu Development} for a {num}-cover restaurant, raising average check by {pct}%",
                "Cut food costs by {pct}% through {Food Cost Control} and tighter {Inventory Management}",
                "Ran the line for up to {num} covers a night with a brigade of {team}, handling {Kitchen Management|Sauces}",
                "Kept {Food Safety} and {HACCP} standards with a perfect health inspection record",
                "Trained {team} cooks in {Butchery|Sauces|Pastry} and {Plating}",
                "Managed {Catering} for banquets and events of up to {num} guests",
                "Developed {team} signature desserts as part of {Recipe Development} for the pastry section",
                "Handled scheduling and {Staff Training} as part of day-to-day {Kitchen Management}",
            ),
            degrees=(
                ("Associate of Applied Science", "Culinary Arts", "associate"),
                ("Diploma", "Professional Cookery", "secondary"),
                ("Bachelor of Science", "Hospitality Management", "bachelor"),
            ),
            certifications=(
                "ServSafe Food Protection Manager",
                "HACCP Level 3 Certificate",
                "Certified Sous Chef (CSC)",
            ),
            summary=(
                "Creative chef with {years} years of kitchen experience in {skill} and {skill2}.",
                "Hands-on kitchen leader with {years} years of experience in {skill}, {skill2} and team building.",
            ),
        ),
        Occupation(
            key="construction",
            label="Construction Manager",
            titles=(
                ("Construction Laborer", "Assistant Site Engineer", "Carpenter"),
                ("Site Supervisor", "Project Engineer", "Foreman"),
                ("Construction Manager", "Senior Project Manager", "Site Manager"),
                ("Director of Construction", "Operations Manager"),
            ),
            employers=(
                "Stonebridge Builders",
                "Keystone Construction Co.",
                "Ridgeway Civil Works",
                "Blackrock Contracting",
                "Summit Homes",
                "Titan Infrastructure",
                "Oakline Developments",
                "Granite State Builders",
            ),
            skills=(
                "Project Management",
                "AutoCAD",
                "Blueprint Reading",
                "OSHA Compliance",
                "Cost Estimating",
                "Construction Scheduling",
                "Procore",
                "Site Supervision",
                "Concrete",
                "Quality Control",
                "Microsoft Project",
                "Subcontractor Management",
                "Building Codes",
                "Safety Management",
            ),
            bullets=(
                "Managed {num} residential units from groundwork to handover using {Project Management} best practice",
                "Delivered a {money} commercial build {team} weeks ahead of schedule through tight {Construction Scheduling}",
                "Ran daily {Site Supervision} for crews of up to {num} workers with zero lost-time incidents",
                "Produced {Cost Estimating} packages from {Blueprint Reading} for bids worth {money}",
                "Reduced rework by {pct}% with a {Quality Control} program and {Safety Management} checklists",
                "Coordinated {team} subcontractors ({Subcontractor Management}) and tracked progress in {Procore|Microsoft Project}",
                "Kept every site in line with {OSHA Compliance} and local {Building Codes}",
                "Drafted site layouts and as-built drawings in {AutoCAD} for {num} {Concrete} pours",
            ),
            degrees=(
                ("Bachelor of Science", "Construction Management", "bachelor"),
                ("Bachelor of Engineering", "Civil Engineering", "bachelor"),
                ("Associate of Applied Science", "Building Technology", "associate"),
            ),
            certifications=(
                "OSHA 30-Hour Construction",
                "Project Management Professional (PMP)",
                "LEED Green Associate",
            ),
            summary=(
                "Construction manager with {years} years of experience in {skill} and {skill2} on commercial projects.",
                "Site leader with {years} years of experience delivering builds safely through {skill} and {skill2}.",
            ),
        ),
        Occupation(
            key="human_resources",
            label="HR Specialist",
            titles=(
                ("HR Assistant", "Recruiting Coordinator", "HR Administrator"),
                ("HR Generalist", "Talent Acquisition Specialist", "HR Business Partner"),
                ("Senior HR Business Partner", "HR Manager", "Talent Acquisition Lead"),
                ("Director of Human Resources", "Head of People", "VP People Operations"),
            ),
            employers=(
                "Allied Workforce Group",
                "Bramble & Co.",
                "Crescent Healthcare",
                "Dunmore Logistics",
                "Elmstead Bank",
                "Foxglove Retail",
                "Greystone Engineering",
                "Hearthside Hotels",
            ),
            skills=(
                "Recruiting",
                "Onboarding",
                "Employee Relations",
                "Workday",
                "Payroll",
                "Benefits Administration",
                "HRIS",
                "Performance Management",
                "Talent Acquisition",
                "Employment Law",
                "Compensation",
                "Training and Development",
                "ADP",
                "Succession Planning",
            ),
            bullets=(
                "Hired {num} employees a year across {team} departments through structured {Recruiting|Talent Acquisition}",
                "Rolled out a new {Onboarding} program for {num} staff, cutting time to productivity by {pct}%",
                "Handled {Employee Relations} cases and investigations in line with {Employment Law}",
                "Migrated HR records to {Workday|HRIS}, improving data accuracy by {pct}%",
                "Managed {Payroll} and {Benefits Administration} in {ADP|Workday} for a workforce of {num}",
                "Redesigned {Performance Management} reviews, lifting engagement scores by {pct}%",
                "Built {Succession Planning} and {Training and Development} paths for {team} leadership roles",
                "Benchmarked {Compensation} bands for {num} roles against market data",
            ),
            degrees=(
                ("Bachelor of Arts", "Psychology", "bachelor"),
                ("Bachelor of Science", "Human Resource Management", "bachelor"),
                ("Master of Arts", "Industrial-Organizational Psychology", "master"),
            ),
            certifications=(
                "SHRM Certified Professional (SHRM-CP)",
                "Professional in Human Resources (PHR)",
                "CIPD Level 5",
            ),
            summary=(
                "People-focused HR professional with {years} years of experience in {skill} and {skill2}.",
                "HR business partner with {years} years of experience in {skill}, {skill2} and culture building.",
            ),
        ),
        Occupation(
            key="design",
            label="Designer",
            titles=(
                ("Junior Graphic Designer", "Design Intern", "Production Artist"),
                ("Graphic Designer", "UX Designer", "Product Designer"),
                ("Senior Product Designer", "Senior UX Designer", "Art Director"),
                ("Design Lead", "Head of Design", "Creative Director"),
            ),
            employers=(
                "Pixel & Pine Studio",
                "Lumen Creative",
                "Northstar Brands",
                "Monarch Publishing",
                "Studio Halcyon",
                "Verve Interactive",
                "Paperkite Agency",
                "Canvas Commerce",
            ),
            skills=(
                "Figma",
                "Adobe Photoshop",
                "Adobe Illustrator",
                "User Research",
                "Wireframing",
                "Prototyping",
                "Typography",
                "UX Design",
                "Sketch",
                "Adobe InDesign",
                "Design Systems",
                "Usability Testing",
                "Brand Identity",
                "HTML",
                "CSS",
            ),
            bullets=(
                "Redesigned the checkout flow in {Figma|Sketch}, raising conversion by {pct}%",
                "Built a {Design Systems} library of {num} components adopted by {team} product teams",
                "Ran {User Research} and {Usability Testing} sessions with {num} customers to shape the mobile roadmap",
                "Produced {Wireframing} and {Prototyping} deliverables for {team} feature launches",
                "Created {Brand Identity} guidelines and {Adobe Illustrator|Adobe Photoshop} assets for {num} clients",
                "Laid out a {num}-page annual report in {Adobe InDesign} with a new {Typography} system",
                "Shipped {UX Design} work for a redesign used by {num} monthly users, handing off {HTML} and {CSS} specs",
            ),
            degrees=(
                ("Bachelor of Fine Arts", "Graphic Design", "bachelor"),
                ("Bachelor of Arts", "Visual Communication", "bachelor"),
                ("Master of Fine Arts", "Interaction Design", "master"),
            ),
            certifications=(
                "Google UX Design Certificate",
                "Adobe Certified Professional in Visual Design",
                "Nielsen Norman Group UX Certification",
            ),
            summary=(
                "Designer with {years} years of experience in {skill} and {skill2} for digital products.",
                "Product designer with {years} years of experience turning research into interfaces with {skill} and {skill2}.",
            ),
        ),
    )
}

_FIRST_NAMES = (
    "Emily", "James", "Aisha", "Carlos", "Mei", "Oluwaseun", "Priya", "Daniel", "Sofia", "Liam", "Fatima",
    "Noah", "Hannah", "Mateo", "Grace", "Kwame", "Yuki", "Elena", "Omar", "Chloe", "Rahul", "Isabella",
    "Ethan", "Zoë", "Tomás", "Amara", "Lucas", "Nadia", "Benjamin", "Ingrid", "Diego", "Leah", "Samuel",
    "Anjali", "Owen", "Camila", "Hiroshi", "Maya", "Patrick", "Renée", "Tariq", "Julia", "Andrei",
    "Siobhán", "Victor", "Lina", "Marcus", "Ava", "Jamal", "Keiko",
)  # fmt: skip
_LAST_NAMES = (
    "Johnson", "Okafor", "Nguyen", "García", "Chen", "Patel", "Kowalski", "Murphy", "Haddad", "Silva",
    "Andersson", "Kim", "Rossi", "Mensah", "Tanaka", "Ivanova", "O'Brien", "Hernández", "Schmidt", "Cohen",
    "Dubois", "Wright", "Khan", "Santos", "Novak", "Fischer", "Adeyemi", "Lopez", "Brennan", "Sato",
    "Walker", "Mbeki", "Larsen", "Costa", "Ahmed", "Bianchi", "Park", "Moreau", "Reyes", "Campbell",
)  # fmt: skip
_LOCATIONS = (
    ("Austin, TX", "512", "us"), ("Denver, CO", "303", "us"), ("Chicago, IL", "312", "us"),
    ("Seattle, WA", "206", "us"), ("Boston, MA", "617", "us"), ("Atlanta, GA", "404", "us"),
    ("Phoenix, AZ", "602", "us"), ("Portland, OR", "503", "us"), ("Raleigh, NC", "919", "us"),
    ("Minneapolis, MN", "612", "us"), ("Toronto, ON", "416", "us"), ("London, UK", "20", "uk"),
    ("Manchester, UK", "161", "uk"), ("San Diego, CA", "619", "us"), ("Columbus, OH", "614", "us"),
)  # fmt: skip
_SCHOOLS = (
    "University of Westbrook", "Eastlake State University", "Northfield College", "Pacific Coast University",
    "Greenvale Institute of Technology", "Riverside Community College", "Kingsbridge University",
    "Lakeshore University", "Central Plains State University", "Harrowgate College",
)  # fmt: skip
_LANGUAGES = (
    "Spanish", "French", "German", "Mandarin", "Portuguese", "Arabic", "Hindi", "Japanese", "Italian",
    "Korean", "Polish", "Yoruba", "Tagalog",
)  # fmt: skip
_LEVELS = ("Native", "Fluent", "Professional working proficiency", "Conversational", "Basic", "C1", "B2")
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")

_HEADINGS = (
    {"summary": "SUMMARY", "experience": "EXPERIENCE", "education": "EDUCATION", "skills": "SKILLS",
     "certifications": "CERTIFICATIONS", "languages": "LANGUAGES"},
    {"summary": "Professional Summary", "experience": "Work Experience", "education": "Education",
     "skills": "Technical Skills", "certifications": "Certifications", "languages": "Languages"},
    {"summary": "Profile", "experience": "Professional Experience", "education": "Education and Training",
     "skills": "Core Skills", "certifications": "Licenses & Certifications", "languages": "Languages"},
    {"summary": "About Me", "experience": "Employment History", "education": "Academic Background",
     "skills": "Key Skills", "certifications": "Certificates", "languages": "Language Skills"},
)  # fmt: skip


def _ordinal(ym: YearMonth) -> int:
    return ym[0] * 12 + ym[1] - 1


def _from_ordinal(n: int) -> YearMonth:
    return n // 12, n % 12 + 1


def _ascii_fold(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _email_local(name: str) -> str:
    parts = [re.sub(r"[^a-z]", "", _ascii_fold(p).lower()) for p in name.split()]
    parts = [p for p in parts if p]
    return ".".join(parts) or "candidate"


def format_date(ym: YearMonth, style: str) -> str:
    """A (year, month) as written on resumes in the given DATE_STYLES style."""
    year, month = ym
    if style == "month_yyyy":
        return f"{_MONTHS[month - 1]} {year}"
    if style == "mm/yyyy":
        return f"{month:02d}/{year}"
    if style == "yyyy-mm":
        return f"{year}-{month:02d}"
    if style == "yyyy":
        return str(year)
    if style == "mon_dot_yyyy":
        abbr = _MONTHS[month - 1][:3]
        return f"{abbr}. {year}" if month != 5 else f"May {year}"
    return f"{_MONTHS[month - 1][:3]} {year}"


def format_range(spec: ResumeSpec, start: YearMonth, end: YearMonth | None) -> str:
    """'Jan 2019 – Present' in the spec's date style, separator and word for 'present'."""
    tail = spec.present_word if end is None else format_date(end, spec.date_style)
    return f"{format_date(start, spec.date_style)}{spec.range_separator}{tail}"


def _phone(rng: random.Random, area: str, region: str) -> str:
    line = rng.randint(100, 199)
    if region == "uk":
        # Ofcom's drama range: 020 7946 0000-0999 (London), 0161 496 0000-0999 (Manchester).
        if area == "20":
            return rng.choice((f"+44 20 7946 0{line % 100:03d}", f"020 7946 0{line % 100:03d}"))
        return rng.choice((f"+44 161 496 0{line % 100:03d}", f"0161 496 0{line % 100:03d}"))
    return rng.choice(
        (
            f"({area}) 555-0{line:03d}",
            f"{area}-555-0{line:03d}",
            f"+1 {area} 555 0{line:03d}",
            f"{area}.555.0{line:03d}",
        )
    )


_SLOT_RE = re.compile(r"\{([^{}]+)\}")


_NUMBER_SLOTS = frozenset({"num", "pct", "hipct", "money", "team"})


def _fits(template: str, skills: Sequence[str]) -> bool:
    own = set(skills)
    slots = [m for m in _SLOT_RE.findall(template) if m not in _NUMBER_SLOTS]
    return all(any(o in own for o in slot.split("|")) for slot in slots)


def _fill(template: str, rng: random.Random, skills: Sequence[str]) -> str:
    """Fill a bullet template: {num} {pct} {hipct} {money} {team} are numbers; {A|B|C} is a skill,
    preferring one the candidate lists."""
    own = set(skills)
    used: set[str] = set()

    def slot(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "num":
            return str(rng.choice((8, 12, 25, 40, 60, 120, 250, 500, 1200)))
        if key == "pct":
            return str(rng.choice((12, 15, 18, 20, 22, 25, 30, 35, 40, 45)))
        if key == "hipct":
            return str(rng.randint(85, 97))
        if key == "money":
            return rng.choice(("$250K", "$1.2M", "$3.5M", "$600K", "$12M", "$80K", "$400K"))
        if key == "team":
            return str(rng.randint(3, 9))
        options = [o for o in key.split("|") if o not in used]
        mine = [o for o in options if o in own]
        choice = rng.choice(mine or options or key.split("|"))
        used.add(choice)
        return choice

    return _SLOT_RE.sub(slot, template)


def _make_spec(rng: random.Random, occ: Occupation, used_names: set[str]) -> ResumeSpec:
    for _ in range(50):
        name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
        if name not in used_names:
            break
    used_names.add(name)
    location, area, region = rng.choice(_LOCATIONS)
    skills = rng.sample(list(occ.skills), k=min(len(occ.skills), rng.randint(7, 11)))

    n_positions = rng.choice((2, 3, 3, 4, 4, 5))
    seniority_top = min(len(occ.titles) - 1, n_positions - 1 + rng.randint(-1, 1))
    end: YearMonth | None = (
        None if rng.random() < 0.7 else _from_ordinal(_ordinal(REFERENCE_DATE) - rng.randint(1, 14))
    )
    cursor = _ordinal(end or REFERENCE_DATE)
    positions: list[Position] = []
    employers = rng.sample(list(occ.employers), k=min(n_positions, len(occ.employers)))
    for i in range(n_positions):
        length = rng.randint(10, 54)
        start_ord = cursor - length
        level = max(0, seniority_top - i)
        title = rng.choice(occ.titles[level])
        n_bullets = rng.randint(2, 5)
        # Prefer templates whose skill slots the candidate's own skills can fill.
        fits = [t for t in occ.bullets if _fits(t, skills)]
        rest = [t for t in occ.bullets if t not in fits]
        rng.shuffle(fits)
        rng.shuffle(rest)
        templates = (fits + rest)[:n_bullets]
        # Bullets mention the candidate's own skills so the skill evidence is in the text.
        bullets = [_fill(t, rng, skills) for t in templates]
        loc = location if rng.random() < 0.7 else rng.choice(_LOCATIONS)[0]
        positions.append(
            Position(
                title=title,
                employer=employers[i % len(employers)],
                location=loc,
                start=_from_ordinal(start_ord),
                end=end if i == 0 else _from_ordinal(cursor),
                bullets=bullets,
            )
        )
        gap = rng.randint(3, 14) if rng.random() < 0.2 else rng.randint(0, 1)
        cursor = start_ord - gap
        end = _from_ordinal(cursor)

    first_start = positions[-1].start
    degree, fld, level_name = rng.choice(occ.degrees)
    years = {"doctorate": 5, "master": 2, "associate": 2, "secondary": 1}.get(level_name, 4)
    grad_year = first_start[0] - rng.choice((0, 0, 1))
    education = []
    if level_name in ("master", "doctorate"):
        bachelor_end = grad_year - years
        education.append(
            EducationEntry(
                institution=rng.choice(_SCHOOLS),
                degree=degree,
                field=fld,
                start=(grad_year - years, 9),
                end=(grad_year, 5),
                level=level_name,
            )
        )
        education.append(
            EducationEntry(
                institution=rng.choice(_SCHOOLS),
                degree="Bachelor of Science"
                if "Science" in degree or level_name == "doctorate"
                else "Bachelor of Arts",
                field=next((d[1] for d in occ.degrees if d[2] == "bachelor"), fld),
                start=(bachelor_end - 4, 9),
                end=(bachelor_end, 5),
                level="bachelor",
            )
        )
    else:
        education.append(
            EducationEntry(
                institution=rng.choice(_SCHOOLS),
                degree=degree,
                field=fld,
                start=(grad_year - years, 9),
                end=(grad_year, 5),
                level=level_name,
            )
        )

    certifications = rng.sample(list(occ.certifications), k=rng.choice((0, 1, 1, 2)))
    languages = [("English", rng.choice(("Native", "Fluent", "Native")))]
    for lang in rng.sample(list(_LANGUAGES), k=rng.choice((0, 1, 1, 2))):
        languages.append((lang, rng.choice(_LEVELS)))
    spec = ResumeSpec(
        name=name,
        email=f"{_email_local(name)}@{rng.choice(_EMAIL_DOMAINS)}",
        phone=_phone(rng, area, region),
        location=location,
        summary="",
        positions=positions,
        education=education,
        skills=skills,
        certifications=certifications,
        languages=languages,
        occupation=occ.key,
        date_style=rng.choice(DATE_STYLES),
        present_word=rng.choice(PRESENT_WORDS),
        range_separator=rng.choice(RANGE_SEPARATORS),
        heading_style=rng.randrange(len(_HEADINGS)),
        links=[f"https://www.linkedin.com/in/{_email_local(name).replace('.', '-')}"]
        if rng.random() < 0.5
        else [],
    )
    years_exp = max(1, round(spec.experience_months() / 12))
    spec.summary = rng.choice(occ.summary).format(years=years_exp, skill=skills[0], skill2=skills[1])
    return spec


def generate_specs(n: int, seed: int = 0, occupations: Sequence[str] | None = None) -> list[ResumeSpec]:
    """n resumes, deterministic for a seed, spread evenly over the occupations (all of OCCUPATIONS by default)."""
    keys = list(occupations) if occupations else list(OCCUPATIONS)
    unknown = [k for k in keys if k not in OCCUPATIONS]
    if unknown:
        raise ValueError(f"unknown occupations {unknown}; known: {', '.join(OCCUPATIONS)}")
    rng = random.Random(seed)
    used: set[str] = set()
    order: list[str] = []
    while len(order) < n:
        batch = keys[:]
        rng.shuffle(batch)
        order.extend(batch)
    return [_make_spec(rng, OCCUPATIONS[key], used) for key in order[:n]]


# --- text-like renderers --------------------------------------------------------------------------------


def _headings(spec: ResumeSpec) -> dict[str, str]:
    return _HEADINGS[spec.heading_style % len(_HEADINGS)]


def _contact_parts(spec: ResumeSpec) -> list[str]:
    return [spec.email, spec.phone, spec.location, *spec.links]


def _education_line(spec: ResumeSpec, ed: EducationEntry) -> str:
    degree = ed.degree if ed.degree.endswith(ed.field) else f"{ed.degree} in {ed.field}"
    dates = f"{ed.start[0]}{spec.range_separator}{ed.end[0]}" if spec.heading_style % 2 else str(ed.end[0])
    return f"{degree}, {ed.institution}, {dates}"


def _languages_line(spec: ResumeSpec) -> str:
    return ", ".join(f"{name} ({level})" for name, level in spec.languages)


def _position_lines(spec: ResumeSpec, pos: Position) -> tuple[str, str]:
    dates = format_range(spec, pos.start, pos.end)
    if spec.heading_style % 2:
        return f"{pos.title}, {pos.employer}", f"{pos.location} | {dates}"
    return f"{pos.title} at {pos.employer}, {pos.location}", dates


def render_text(spec: ResumeSpec) -> str:
    """Plain-text resume."""
    h = _headings(spec)
    out = [
        spec.name,
        spec.headline,
        " | ".join(_contact_parts(spec)),
        "",
        h["summary"],
        spec.summary,
        "",
        h["experience"],
    ]
    for pos in spec.positions:
        head, dates = _position_lines(spec, pos)
        out += [head, dates, *(f"• {b}" for b in pos.bullets), ""]
    out.append(h["education"])
    out += [_education_line(spec, ed) for ed in spec.education]
    out += ["", h["skills"], ", ".join(spec.skills)]
    if spec.certifications:
        out += ["", h["certifications"], *spec.certifications]
    out += ["", h["languages"], _languages_line(spec)]
    return "\n".join(out) + "\n"


def render_markdown(spec: ResumeSpec) -> str:
    """Markdown resume (headings, emphasis, links, bullet lists)."""
    h = _headings(spec)
    contact = [
        f"[{spec.email}](mailto:{spec.email})",
        spec.phone,
        spec.location,
        *(f"<{u}>" for u in spec.links),
    ]
    out = [
        f"# {spec.name}",
        "",
        f"**{spec.headline}**",
        "",
        " · ".join(contact),
        "",
        f"## {h['summary']}",
        "",
        spec.summary,
        "",
    ]
    out += [f"## {h['experience']}", ""]
    for pos in spec.positions:
        out += [
            f"### {pos.title} — {pos.employer}",
            "",
            f"*{format_range(spec, pos.start, pos.end)}* | {pos.location}",
            "",
        ]
        out += [f"- {b}" for b in pos.bullets] + [""]
    out += [f"## {h['education']}", ""] + [f"- {_education_line(spec, ed)}" for ed in spec.education] + [""]
    out += [f"## {h['skills']}", "", ", ".join(spec.skills), ""]
    if spec.certifications:
        out += [f"## {h['certifications']}", ""] + [f"- {c}" for c in spec.certifications] + [""]
    out += [f"## {h['languages']}", "", _languages_line(spec), ""]
    return "\n".join(out)


def render_html(spec: ResumeSpec) -> str:
    """HTML resume with a style sheet and a script (both must not reach the extracted text)."""
    e = html_lib.escape
    h = _headings(spec)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(spec.name)} – Resume</title>",
        "<style>body{font-family:sans-serif;max-width:48em} h2{border-bottom:1px solid #ccc}</style>",
        "<script>window.analytics = {track: function () { return 'not resume text'; }};</script>",
        "</head><body>",
        f"<header><h1>{e(spec.name)}</h1><p class='headline'>{e(spec.headline)}</p>",
        "<p class='contact'>"
        + " | ".join(
            [f"<a href='mailto:{e(spec.email)}'>{e(spec.email)}</a>", e(spec.phone), e(spec.location)]
            + [f"<a href='{e(u)}'>{e(u)}</a>" for u in spec.links]
        )
        + "</p></header>",
        f"<section><h2>{e(h['summary'])}</h2><p>{e(spec.summary)}</p></section>",
        f"<section><h2>{e(h['experience'])}</h2>",
    ]
    for pos in spec.positions:
        parts.append(
            f"<article><h3>{e(pos.title)} – {e(pos.employer)}</h3>"
            f"<div class='meta'><span>{e(format_range(spec, pos.start, pos.end))}</span> | <span>{e(pos.location)}</span></div>"
            "<ul>" + "".join(f"<li>{e(b)}</li>" for b in pos.bullets) + "</ul></article>"
        )
    parts.append("</section>")
    parts.append(f"<section><h2>{e(h['education'])}</h2><ul>")
    parts += [f"<li>{e(_education_line(spec, ed))}</li>" for ed in spec.education]
    parts.append(
        f"</ul></section><section><h2>{e(h['skills'])}</h2><p>{e(', '.join(spec.skills))}</p></section>"
    )
    if spec.certifications:
        parts.append(f"<section><h2>{e(h['certifications'])}</h2><ul>")
        parts += [f"<li>{e(c)}</li>" for c in spec.certifications]
        parts.append("</ul></section>")
    parts.append(f"<section><h2>{e(h['languages'])}</h2><p>{e(_languages_line(spec))}</p></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# --- PDF (reportlab) --------------------------------------------------------------------------------------


def _pdf_styles() -> dict[str, object]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName="Helvetica", fontSize=9.5, leading=12.5)
    return {
        "name": ParagraphStyle("name", parent=base, fontName="Helvetica-Bold", fontSize=20, leading=24),
        "headline": ParagraphStyle("headline", parent=base, fontSize=11.5, leading=15, textColor=HexColor("#444444")),
        "contact": ParagraphStyle("contact", parent=base, fontSize=9, leading=12),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName="Helvetica-Bold", fontSize=11.5, leading=15, spaceBefore=9, spaceAfter=3,
            textColor=HexColor("#1F3A5F"),
        ),
        "job": ParagraphStyle("job", parent=base, fontName="Helvetica-Bold", spaceBefore=6),
        "dates": ParagraphStyle("dates", parent=base, fontName="Helvetica-Oblique", textColor=HexColor("#555555")),
        "body": base,
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=11, bulletIndent=2),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
    }  # fmt: skip


def _p(text: str, style: object) -> object:
    from reportlab.platypus import Paragraph

    return Paragraph(html_lib.escape(text), style)  # type: ignore[arg-type]


def _experience_flowables(
    spec: ResumeSpec, st: dict[str, object], width: float | None = None
) -> list[object]:
    """Experience section; with a width (single-column layout, even heading styles) each job's title line
    carries its dates right-aligned on the same line, as many real resumes do."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    h = _headings(spec)
    out: list[object] = [_p(h["experience"], st["h2"])]
    for pos in spec.positions:
        if width and spec.heading_style % 2 == 0:
            dates = format_range(spec, pos.start, pos.end)
            right = ParagraphStyle("dates_right", parent=st["dates"], alignment=2)  # type: ignore[arg-type]
            row = [[_p(f"{pos.title} at {pos.employer}, {pos.location}", st["job"]), _p(dates, right)]]
            table = Table(row, colWidths=[width * 0.68, width * 0.32])
            table.setStyle(
                TableStyle(
                    [
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ]
                )
            )
            out.append(table)
        else:
            head, dates = _position_lines(spec, pos)
            out += [_p(head, st["job"]), _p(dates, st["dates"])]
        out += [Paragraph(html_lib.escape(b), st["bullet"], bulletText="•") for b in pos.bullets]  # type: ignore[arg-type]
    return out


def _side_flowables(spec: ResumeSpec, st: dict[str, object], *, with_contact: bool) -> list[object]:
    h = _headings(spec)
    out: list[object] = []
    if with_contact:
        out += [_p("Contact", st["h2"])] + [_p(c, st["small"]) for c in _contact_parts(spec)]
    out += [_p(h["skills"], st["h2"])] + [_p(s, st["small"]) for s in spec.skills]
    out += [_p(h["education"], st["h2"])]
    for ed in spec.education:
        degree = ed.degree if ed.degree.endswith(ed.field) else f"{ed.degree} in {ed.field}"
        out += [_p(degree, st["small"]), _p(f"{ed.institution}, {ed.end[0]}", st["small"])]
    if spec.certifications:
        out += [_p(h["certifications"], st["h2"])] + [_p(c, st["small"]) for c in spec.certifications]
    out += [_p(h["languages"], st["h2"])] + [_p(f"{n} ({lvl})", st["small"]) for n, lvl in spec.languages]
    return out


def render_pdf(spec: ResumeSpec, layout: str = "single") -> bytes:
    """PDF resume (reportlab). layout: "single" column, "two_column" (skills, education, languages left;
    experience right; name and contact full width on top) or "sidebar" (narrow shaded left column with
    contact, skills, education and languages; summary and experience right). Output of more than one page
    carries a running header (name and headline) and a "Page n of m" footer on every page.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    data, pages = _build_pdf(spec, layout, total_pages=None)
    if pages > 1:
        data, _ = _build_pdf(spec, layout, total_pages=pages)
    return data


def _build_pdf(spec: ResumeSpec, layout: str, total_pages: int | None) -> tuple[bytes, int]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate

    st = _pdf_styles()
    h = _headings(spec)
    width, height = LETTER
    margin = 48
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=LETTER,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title="Resume",
        author="",
        creator="shortlist synthetic",
        invariant=1,
    )

    def decorate(canvas: object, document: object) -> None:
        c = canvas
        if layout == "sidebar":
            c.saveState()  # type: ignore[attr-defined]
            c.setFillColor(HexColor("#EEF2F6"))  # type: ignore[attr-defined]
            c.rect(0, 0, margin + 170, height, stroke=0, fill=1)  # type: ignore[attr-defined]
            c.restoreState()  # type: ignore[attr-defined]
        if total_pages:
            page = c.getPageNumber()  # type: ignore[attr-defined]
            c.saveState()  # type: ignore[attr-defined]
            c.setFont("Helvetica", 8)  # type: ignore[attr-defined]
            c.setFillColor(HexColor("#666666"))  # type: ignore[attr-defined]
            c.drawString(margin, height - 28, f"{spec.name} – {spec.headline}")  # type: ignore[attr-defined]
            c.drawRightString(width - margin, 24, f"Page {page} of {total_pages}")  # type: ignore[attr-defined]
            c.restoreState()  # type: ignore[attr-defined]

    inner_w = width - 2 * margin
    full = Frame(margin, margin, inner_w, height - 2 * margin, id="full", leftPadding=0, rightPadding=0)
    story: list[object] = []
    header = [_p(spec.name, st["name"]), _p(spec.headline, st["headline"])]
    if layout == "single":
        story += header
        story.append(_p(" | ".join(_contact_parts(spec)), st["contact"]))
        story += [_p(h["summary"], st["h2"]), _p(spec.summary, st["body"])]
        story += _experience_flowables(spec, st, width=inner_w)
        story += [_p(h["education"], st["h2"])] + [
            _p(_education_line(spec, ed), st["body"]) for ed in spec.education
        ]
        story += [_p(h["skills"], st["h2"]), _p(", ".join(spec.skills), st["body"])]
        if spec.certifications:
            story += [_p(h["certifications"], st["h2"])] + [_p(c, st["body"]) for c in spec.certifications]
        story += [_p(h["languages"], st["h2"]), _p(_languages_line(spec), st["body"])]
        doc.addPageTemplates([PageTemplate(id="page", frames=[full], onPage=decorate)])
    elif layout == "two_column":
        header_h = 118
        gutter = 26
        left_w = 190
        top = height - margin
        head = Frame(margin, top - header_h, inner_w, header_h, id="head", leftPadding=0, rightPadding=0)
        col_h = height - 2 * margin - header_h
        left = Frame(margin, margin, left_w, col_h, id="left", leftPadding=0, rightPadding=0)
        right = Frame(
            margin + left_w + gutter,
            margin,
            inner_w - left_w - gutter,
            col_h,
            id="right",
            leftPadding=0,
            rightPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate(id="first", frames=[head, left, right], onPage=decorate),
                PageTemplate(id="later", frames=[full], onPage=decorate),
            ]
        )
        story += header
        story.append(_p(" | ".join(_contact_parts(spec)), st["contact"]))
        story.append(_p(spec.summary, st["body"]))
        story += [NextPageTemplate("later"), FrameBreak()]
        story += _side_flowables(spec, st, with_contact=False)
        story.append(FrameBreak())
        story += _experience_flowables(spec, st)
    else:  # sidebar
        side_w = 150
        gutter = 40
        side = Frame(
            margin - 10, margin, side_w, height - 2 * margin, id="side", leftPadding=0, rightPadding=0
        )
        main = Frame(
            margin + side_w + gutter - 10,
            margin,
            inner_w - side_w - gutter + 10,
            height - 2 * margin,
            id="main",
            leftPadding=0,
            rightPadding=0,
        )
        later = Frame(
            margin + side_w + gutter - 10,
            margin,
            inner_w - side_w - gutter + 10,
            height - 2 * margin,
            id="later",
            leftPadding=0,
            rightPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate(id="first", frames=[side, main], onPage=decorate),
                PageTemplate(id="later", frames=[later], onPage=decorate),
            ]
        )
        story += _side_flowables(spec, st, with_contact=True)
        story += [NextPageTemplate("later"), FrameBreak()]
        story += header
        story += [_p(h["summary"], st["h2"]), _p(spec.summary, st["body"])]
        story += _experience_flowables(spec, st)
    doc.build(story)  # type: ignore[arg-type]
    return buf.getvalue(), doc.page


# --- DOCX (python-docx) --------------------------------------------------------------------------------

_TEXTBOX_XML = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>5000000</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="page"><wp:posOffset>600000</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="900000"/>
<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>
<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="900000"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>
<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>
<v:shape id="tb{shape_id}" type="#_x0000_t202" style="position:absolute;width:157pt;height:71pt"><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent>
</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def _textbox_run(lines: Sequence[str], shape_id: int) -> object:
    from docx.oxml import parse_xml

    paragraphs = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{html_lib.escape(line)}</w:t></w:r></w:p>" for line in lines
    )
    return parse_xml(_TEXTBOX_XML.replace("{paragraphs}", paragraphs).replace("{shape_id}", str(shape_id)))


def render_docx(
    spec: ResumeSpec, with_table: bool = False, *, with_header: bool = False, with_textbox: bool = False
) -> bytes:
    """DOCX resume (python-docx).

    with_table: skills in a 3-column table and each position in a 2-column table row (dates | details).
    with_header: contact details in the page header and "Page n" text in the footer.
    with_textbox: the headline and contact details in a floating text box (DrawingML with a VML fallback,
    the way Word writes it), anchored in the first paragraph.
    """
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches, Pt

    h = _headings(spec)
    document = Document()
    document.core_properties.author = ""
    document.core_properties.title = "Resume"
    section = document.sections[0]
    contact = " | ".join(_contact_parts(spec))
    if with_header:
        section.header.paragraphs[0].text = contact
        section.footer.paragraphs[0].text = "Curriculum vitae – page 1"
    name_par = document.add_heading(spec.name, level=0)
    if with_textbox:
        name_par._p.append(_textbox_run([spec.headline, contact], shape_id=1))
    else:
        document.add_paragraph(spec.headline)
        if not with_header:
            document.add_paragraph(contact)
    document.add_heading(h["summary"], level=1)
    document.add_paragraph(spec.summary)
    document.add_heading(h["experience"], level=1)
    if with_table:
        table = document.add_table(rows=0, cols=2)
        for pos in spec.positions:
            cells = table.add_row().cells
            cells[0].text = format_range(spec, pos.start, pos.end)
            cells[1].text = f"{pos.title}, {pos.employer}, {pos.location}"
            for b in pos.bullets:
                cells[1].add_paragraph(b, style="List Bullet")
    else:
        tab_pos = Inches(6.9)  # letter width minus the 0.8 in margins set below
        for pos in spec.positions:
            head, dates = _position_lines(spec, pos)
            par = document.add_paragraph()
            par.paragraph_format.tab_stops.add_tab_stop(tab_pos, WD_TAB_ALIGNMENT.RIGHT)
            run = par.add_run(head)
            run.bold = True
            par.add_run("\t" + dates)
            for b in pos.bullets:
                document.add_paragraph(b, style="List Bullet")
    document.add_heading(h["education"], level=1)
    for ed in spec.education:
        document.add_paragraph(_education_line(spec, ed))
    document.add_heading(h["skills"], level=1)
    if with_table:
        cols = 3
        table = document.add_table(rows=0, cols=cols)
        for i in range(0, len(spec.skills), cols):
            cells = table.add_row().cells
            for j, skill in enumerate(spec.skills[i : i + cols]):
                cells[j].text = skill
    else:
        document.add_paragraph(", ".join(spec.skills))
    if spec.certifications:
        document.add_heading(h["certifications"], level=1)
        for c in spec.certifications:
            document.add_paragraph(c, style="List Bullet")
    document.add_heading(h["languages"], level=1)
    document.add_paragraph(_languages_line(spec))
    for par in document.paragraphs:
        for run in par.runs:
            if run.font.size is None and par.style is not None and par.style.name == "Normal":
                run.font.size = Pt(10.5)
    section.left_margin = section.right_margin = Inches(0.8)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
