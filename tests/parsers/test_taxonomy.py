"""Integrity of the shipped skills taxonomy and the loader's lookups."""

from __future__ import annotations

import re

import pytest

from parsers.taxonomy import SkillEntry, load_taxonomy, normalize, tokenize

TYPES = {"technology", "knowledge", "skill", "language", "soft"}


@pytest.fixture(scope="module")
def tx():
    return load_taxonomy()


def test_loader_is_cached(tx) -> None:
    assert load_taxonomy() is tx


def test_ids_unique_and_types_known(tx) -> None:
    ids = [e.id for e in tx]
    assert len(ids) == len(set(ids)) == len(tx)
    assert {e.type for e in tx} <= TYPES


def test_related_ids_exist_with_credit_in_range(tx) -> None:
    for entry in tx:
        for rid, credit in entry.related.items():
            assert rid in tx, (entry.id, rid)
            assert rid != entry.id
            assert 0.0 < credit <= 1.0


def test_esco_uris_look_right(tx) -> None:
    pattern = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-zA-Z-]+$")
    uris = [e.esco_uri for e in tx if e.esco_uri]
    assert uris, "some skills carry an ESCO URI"
    for uri in uris:
        assert pattern.match(uri), uri


def test_aliases_are_normalized_and_owned_once(tx) -> None:
    owner: dict[str, str] = {}
    for entry in tx:
        assert entry.aliases, entry.id
        for alias in entry.aliases:
            assert alias == alias.lower() == " ".join(alias.split())
            assert alias not in owner, (alias, owner.get(alias), entry.id)
            owner[alias] = entry.id


def test_attribution_in_metadata(tx) -> None:
    sources = " ".join(tx.meta["sources"])
    assert "ESCO" in sources and "O*NET" in sources and "CC BY 4.0" in sources


@pytest.mark.parametrize(
    ("surface", "skill_id"),
    [
        ("Python", "python"),
        ("python3", "python"),
        ("MS Excel", "excel"),
        ("Microsoft Excel", "excel"),
        ("ReactJS", "react"),
        ("React.js", "react"),
        ("Oracle 10g", "oracle-database"),
        ("Oracle", "oracle-database"),
        ("C++", "cpp"),
        ("C#", "csharp"),
        (".NET", "dotnet"),
        ("Node.js", "nodejs"),
        ("CI/CD", "ci-cd"),
        ("PL/SQL", "plsql"),
        ("Postgres", "postgresql"),
        ("EMR", "ehr"),
        ("phlebotomy", "phlebotomy"),
        ("GAAP", "gaap"),
        ("bank reconciliations", "reconciliation"),
        ("Salesforce", "salesforce"),
        ("lesson planning", "lesson-planning"),
        ("classroom management", "classroom-management"),
        ("menu planning", "menu-planning"),
        ("ServSafe", "food-safety"),
        ("AutoCAD", "autocad"),
        ("OSHA", "osha"),
        ("payroll", "payroll"),
        ("onboarding", "onboarding"),
        ("Drupal 6", "drupal"),
        ("Structured query language SQL", "sql"),
        # qualifier words around a skill's name
        ("Kotlin scripting", "kotlin"),
        ("Haskell programming", "haskell"),
        ("Django frameworks", "django"),
        ("Basic Linux", "linux"),
        ("Advanced Python", "python"),
        ("Microsoft Power Point", "powerpoint"),
        ("Microsoft SQL Server 2012", "sql-server"),
        ("knowledge of Git", "git"),
        ("Jenkins tools", "jenkins"),
        ("JUnit tests", "junit"),
        ("Agile model", "agile"),
        ("Scrum methodology", "scrum"),
        ("Agile Methodologies", "agile"),
        # "test" for "testing" after a kind of test
        ("Regression Test", "regression-testing"),
        ("Unit Tests", "unit-testing"),
        # a list of versions or releases after the name
        ("Windows 98/2000/XP/Vista/7", "windows"),
        ("Windows 2000 and XP", "windows"),
        ("Microsoft SQL Server 2008 R2", "sql-server"),
        ("Excel 2003/2007", "excel"),
        ("Informatica 8.6/9.0", "informatica"),
        ("JBoss 4x", "jboss"),
        ("Oracle 9i/10g", "oracle-database"),
        ("QTP v8.0", "qtp"),
        # a version written on to the name
        ("WebLogic8.1", "weblogic"),
        ("Oracle9i", "oracle-database"),
        ("EJB1.1 / 2.0 / 3.0", "j2ee"),
        ("Linux64", "linux"),
        ("Crystal Reports9.0", "crystal-reports"),
        # an ESCO label that is a release of a curated product names the product
        ("Oracle 8i", "oracle-database"),
    ],
)
def test_lookup(tx, surface: str, skill_id: str) -> None:
    entry = tx.lookup(surface)
    assert entry is not None, surface
    assert entry.id == skill_id


def test_curated_names_name_their_own_skill(tx) -> None:
    # one skill, one id: no curated skill's name is read as another skill, and no two curated names hold the
    # same words ("Swing (Java)" beside "Java Swing")
    others = {e.id: tx.lookup(e.name) for e in tx if e.source == "curated"}
    assert {k: v.id for k, v in others.items() if v is not None and v.id != k} == {}
    by_words: dict[frozenset[str], list[str]] = {}
    for e in tx:
        if e.source == "curated":
            by_words.setdefault(
                frozenset(normalize(e.name.replace("(", " ").replace(")", " ")).split()), []
            ).append(e.id)
    assert [ids for ids in by_words.values() if len(ids) > 1] == []
    assert tx.lookup("Swing").id == tx.lookup("Java Swing").id == "swing"


def test_lookup_unknown_and_empty(tx) -> None:
    assert tx.lookup("") is None
    assert tx.lookup("   ") is None
    assert tx.lookup("zxqv frobnicate") is None
    # a qualifier alone, or a vendor with a word that is no skill, names nothing
    assert tx.lookup("Microsoft") is None
    assert tx.lookup("tools") is None
    assert tx.lookup("Microsoft Ireland") is None
    # joiners without a version after them are no version list
    assert tx.lookup("Sales") is not None
    assert tx.lookup("Sales and") is None
    assert tx.lookup("SQL/Server") is None
    # "3D" is no release: Swift 3D (a graphics program) is not the Swift language
    swift_3d = tx.lookup("Swift 3D")
    assert swift_3d is not None and swift_3d.id != "swift"


def test_build_leaves_a_release_of_another_skill_to_that_skill() -> None:
    from parsers.taxonomy_build import Builder, _version_of_other

    b = Builder(blocked=set(), guarded=set())
    b.add_skill("oracle-database", "Oracle Database", "technology", "curated")
    b.claim("Oracle", "oracle-database", 0, curated=True)
    b.add_skill("swift", "Swift", "technology", "curated")
    b.claim("Swift", "swift", 0, curated=True)
    assert _version_of_other(b, ["oracle", "8i"], "esco:database-management-systems")
    assert not _version_of_other(b, ["oracle", "8i"], "oracle-database")  # its own release
    assert not _version_of_other(b, ["oracle", "lite"], "esco:database-management-systems")  # no version
    assert not _version_of_other(b, ["swift", "3d"], "esco:graphics-editor-software")  # "3D" is no release


def test_get_related_parents(tx) -> None:
    py = tx.get("python")
    assert isinstance(py, SkillEntry) and py.name == "Python" and py.type == "technology"
    assert tx.related("python")["pandas"] > 0
    assert tx.related("pandas")["python"] > 0
    assert tx.related("postgresql")["mysql"] > 0
    assert tx.related("sql")["postgresql"] > 0
    assert "programming languages" in tx.parents("python")
    assert tx.get("no-such-skill") is None
    assert tx.related("no-such-skill") == {}


def test_languages_are_language_type(tx) -> None:
    spanish = tx.lookup("Spanish")
    assert spanish is not None and spanish.type == "language"


def test_tokenize_keeps_skill_punctuation() -> None:
    assert [t for t, _, _ in tokenize("C++, C#, .NET and Node.js; CI/CD.")] == [
        "c",
        "+",
        "+",
        "c",
        "#",
        ".",
        "net",
        "and",
        "node",
        ".",
        "js",
        "ci",
        "/",
        "cd",
    ]
    text = "Used React."
    assert [(text[a:b]) for _, a, b in tokenize(text)] == ["Used", "React"]
