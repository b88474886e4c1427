"""Tests for the CSV importer (contract section 3) on SQLite and, when reachable, PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from backend import importer
from backend.db import create_engine, create_sessionmaker
from backend.importer import ImportRejected, import_files, parse_files, read_paths
from backend.jalali import (
    JalaliDateError,
    days_in_month,
    format_jalali_date,
    is_leap_year,
    parse_jalali_date,
)
from backend.models import (
    Base,
    Category,
    DataImport,
    District,
    Municipality,
    Project,
    VatRate,
    VatShare,
)
from nlp.digits import to_ascii_digits
from tests.conftest import need_shared_eval

ROOT = Path(__file__).resolve().parents[2]
EVAL_DATASET = ROOT.parent / "shared/eval/dataset"
SAMPLE = ROOT / "data/sample"
BROKEN = ROOT / "tests/fixtures/broken"

# --------------------------------------------------------------------------- database fixtures


@pytest.fixture
async def engine(empty_db_url: str) -> AsyncIterator[AsyncEngine]:
    """Yield an engine on a fresh, migrated database (each backend, from tests/conftest.py)."""
    engine = create_engine(empty_db_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Return the sessionmaker of the test database."""
    return create_sessionmaker(engine)


@pytest.fixture
def eval_files() -> dict[str, bytes]:
    """Return the evaluation dataset's files, or skip when the shared folder is absent."""
    need_shared_eval()
    return read_paths([EVAL_DATASET])


async def snapshot(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, list[Any]]:
    """Return every row of every table, ordered by primary key (to compare content)."""
    result: dict[str, list[Any]] = {}
    async with sessionmaker() as session:
        for table in Base.metadata.sorted_tables:
            rows = await session.execute(select(table).order_by(*table.primary_key.columns))
            result[table.name] = [tuple(row) for row in rows]
    return result


def counts_of(tables: dict[str, list[Any]]) -> dict[str, int]:
    """Return the number of rows per table of a snapshot."""
    return {name: len(rows) for name, rows in tables.items()}


class StatementLog:
    """Record the SQL verbs an engine executes, to prove a no-op import writes nothing."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.verbs: Counter[str] = Counter()
        self._engine = engine

    def _record(self, *args: Any) -> None:
        statement: str = args[2]
        self.verbs[statement.lstrip().split(None, 1)[0].upper()] += 1

    def __enter__(self) -> StatementLog:
        event.listen(self._engine.sync_engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self._engine.sync_engine, "before_cursor_execute", self._record)


def write_csvs(folder: Path, files: dict[str, str], *, bom: bool = False) -> Path:
    """Write CSV text files into a folder and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(("\ufeff" if bom else "").encode() + content.encode("utf-8"))
    return folder


def rejection(files: dict[str, bytes]) -> list[str]:
    """Return the `file:line: column` prefixes of the problems parse_files finds."""
    return [f"{p.file}:{p.line}: {p.column}" for p in parse_files(files).problems]


def csv_bytes(header: str, *rows: str) -> bytes:
    """Build a CSV file's bytes from a header and rows."""
    return ("\n".join((header, *rows)) + "\n").encode()


MUNICIPALITIES = csv_bytes(
    "slug,name_fa,province_fa,population", "mashhad,مشهد,خراسان رضوی,3400000"
)

# --------------------------------------------------------------------------- 1. full dataset


async def test_eval_dataset_imports_exactly(
    sessionmaker: async_sessionmaker[AsyncSession], eval_files: dict[str, bytes]
) -> None:
    summary = await import_files(sessionmaker, eval_files, origin="cli")

    assert summary.changed and summary.import_id is not None
    expected_sums: Counter[str] = Counter()
    csv_rows: dict[str, int] = {}
    for name in eval_files:
        with (EVAL_DATASET / name).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        csv_rows[name.removesuffix(".csv")] = len(rows)
        if name == "vat_shares.csv":
            for row in rows:
                expected_sums[row["municipality"]] += int(row["amount_rial"])
    for table, n in csv_rows.items():
        assert summary.counts[table] == {"inserted": n, "updated": 0, "unchanged": 0}
    tables = counts_of(await snapshot(sessionmaker))
    for table, n in csv_rows.items():
        assert tables[table] == n, table
    async with sessionmaker() as session:
        query = (
            select(Municipality.slug, func.sum(VatShare.amount_rial))
            .join(VatShare, VatShare.municipality_id == Municipality.id)
            .group_by(Municipality.slug)
        )
        sums = {slug: int(total) for slug, total in (await session.execute(query)).tuples()}
        imports = (await session.execute(select(DataImport))).scalars().all()
    assert sums == dict(expected_sums)
    assert len(imports) == 1 and imports[0].origin == "cli" and not imports[0].is_sample
    assert imports[0].counts == summary.counts


async def test_sample_dataset_imports(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    if not (SAMPLE / "municipalities.csv").is_file():
        pytest.skip("data/sample not present")
    summary = await import_files(
        sessionmaker, read_paths([SAMPLE]), origin="sample", is_sample=True
    )
    assert summary.changed and "faq" in summary.counts


# --------------------------------------------------------------------------- 2. re-import


async def test_reimport_changes_nothing(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    eval_files: dict[str, bytes],
) -> None:
    await import_files(sessionmaker, eval_files, origin="cli")
    before = await snapshot(sessionmaker)

    with StatementLog(engine) as log:
        summary = await import_files(sessionmaker, eval_files, origin="cli")

    assert not summary.changed and summary.import_id is None
    assert all(c["inserted"] == c["updated"] == 0 for c in summary.counts.values())
    assert sum(c["unchanged"] for c in summary.counts.values()) == sum(
        len(rows) for name, rows in before.items() if name != "data_imports"
    )
    assert not log.verbs.keys() & {"INSERT", "UPDATE", "DELETE"}, log.verbs
    assert await snapshot(sessionmaker) == before


# --------------------------------------------------------------------------- 3. broken input

BROKEN_PROBLEMS = {
    "municipalities.csv:3: population",  # "۱۲x"
    "districts.csv:5: municipality",  # unknown municipality "tus"
    "categories.csv:4: slug",  # duplicate of line 2
    "vat_rates.csv:1: source",  # missing column
    "vat_shares.csv:3: amount_rial",  # negative
    "vat_shares.csv:4: month",  # 13
    "vat_shares.csv:5: published_on",  # 1402-07-31
    "projects.csv:3: status",  # "halted"
    "projects.csv:4: district",  # district 9 belongs to mashhad, not neyshabur
    "projects.csv:5: start_date",  # 1404-13-01
    "reports.csv:1: author",  # unknown column
    "budgets.csv:1: -",  # unknown file
}


async def test_broken_fixtures_rejected_with_every_problem_and_nothing_written(
    sessionmaker: async_sessionmaker[AsyncSession], eval_files: dict[str, bytes]
) -> None:
    await import_files(sessionmaker, eval_files, origin="cli")
    before = await snapshot(sessionmaker)

    with pytest.raises(ImportRejected) as caught:
        await import_files(sessionmaker, read_paths([BROKEN]), origin="cli")

    prefixes = [f"{p.file}:{p.line}: {p.column}" for p in caught.value.problems]
    assert len(prefixes) == len(BROKEN_PROBLEMS), "\n".join(map(str, caught.value.problems))
    assert set(prefixes) == BROKEN_PROBLEMS
    assert await snapshot(sessionmaker) == before
    by_prefix = {f"{p.file}:{p.line}: {p.column}": str(p) for p in caught.value.problems}
    assert by_prefix["vat_shares.csv:4: month"] == (
        "vat_shares.csv:4: month: ماه باید بین ۱ تا ۱۲ باشد / month must be between 1 and 12"
    )
    assert "duplicate of line 2" in by_prefix["categories.csv:4: slug"]


async def test_broken_fixtures_rejected_on_empty_database(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    with pytest.raises(ImportRejected) as caught:
        await import_files(sessionmaker, read_paths([BROKEN]), origin="cli")
    assert {f"{p.file}:{p.line}: {p.column}" for p in caught.value.problems} == BROKEN_PROBLEMS
    assert set(counts_of(await snapshot(sessionmaker)).values()) == {0}


# --------------------------------------------------------------------------- 4. normalization


async def test_digits_letters_bom_and_column_order_normalized(
    sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    folder = write_csvs(
        tmp_path / "in",
        {
            "municipalities.csv": "population,name_fa,slug,province_fa\n"
            "۳۴۰۰۰۰۰,مشهد,mashhad,خراسان رضوی\n"
            "٤٦٠٠٠٠,نيشابور,neyshabur,خراسان رضوي\n",
            "categories.csv": "synonyms_fa,slug,name_fa\n"
            '"پل ؛ تقاطع;; زيرگذر ;پل",roads, معابر\u200b و  تقاطع\u200c\u200cها \n',
            "vat_shares.csv": "source,published_on,amount_rial,month,year,municipality\n"
            'سازمان مالياتي,۱۴۰۳-۰۲-۰۹,"۱٬۲۳۴٬۵۶۷",٢,۱۴۰۳,neyshabur\n'
            'سازمان,1403-01-10,"1,000,000",1,1403,mashhad\n',
        },
        bom=True,
    )

    summary = await import_files(sessionmaker, read_paths([folder]), origin="cli")

    assert summary.counts["vat_shares"]["inserted"] == 2
    async with sessionmaker() as session:
        query = select(Municipality.slug, Municipality.name_fa)
        names = dict((await session.execute(query)).tuples().all())
        provinces = set((await session.execute(select(Municipality.province_fa))).scalars())
        populations = set((await session.execute(select(Municipality.population))).scalars())
        category = (await session.execute(select(Category))).scalar_one()
        share = (
            await session.execute(
                select(VatShare).join(Municipality).where(Municipality.slug == "neyshabur")
            )
        ).scalar_one()
    assert names == {"mashhad": "مشهد", "neyshabur": "نیشابور"}
    assert provinces == {"خراسان رضوی"}
    assert populations == {3_400_000, 460_000}
    assert category.name_fa == "معابر و تقاطع\u200cها"
    assert category.synonyms_fa == ["پل", "تقاطع", "زیرگذر"]
    assert (share.year, share.month, share.amount_rial) == (1403, 2, 1_234_567)
    assert share.published_on == date(2024, 4, 28)  # 1403-02-09
    assert share.source == "سازمان مالیاتی"


# --------------------------------------------------------------------------- 5. updates


async def test_changed_row_is_updated_alone(
    sessionmaker: async_sessionmaker[AsyncSession], eval_files: dict[str, bytes]
) -> None:
    await import_files(sessionmaker, eval_files, origin="cli")
    before = await snapshot(sessionmaker)
    shares = eval_files["vat_shares.csv"].decode().splitlines()
    header, first = shares[0].split(","), shares[1].split(",")
    first[header.index("amount_rial")] = "123"
    projects = eval_files["projects.csv"].decode().splitlines()
    project = next(csv.reader([projects[2]]))
    project[projects[0].split(",").index("progress_percent")] = "99"
    changed_files = {
        "vat_shares.csv": csv_bytes(shares[0], ",".join(first), *shares[2:]),
        "projects.csv": csv_bytes(projects[0], *projects[1:2], _csv_line(project), *projects[3:]),
    }

    summary = await import_files(sessionmaker, changed_files, origin="panel")

    assert summary.changed and summary.files == ["vat_shares.csv", "projects.csv"]
    n_shares, n_projects = len(shares) - 1, len(projects) - 1
    assert summary.counts == {
        "vat_shares": {"inserted": 0, "updated": 1, "unchanged": n_shares - 1},
        "projects": {"inserted": 0, "updated": 1, "unchanged": n_projects - 1},
    }
    after = await snapshot(sessionmaker)
    for table in before:
        old, new = before[table], after[table]
        if table == "data_imports":
            assert len(new) == len(old) + 1
            continue
        differing = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        if table in ("vat_shares", "projects"):
            assert len(differing) == 1, table
        else:
            assert not differing, table
    (old_share, new_share) = next(
        (a, b) for a, b in zip(before["vat_shares"], after["vat_shares"], strict=True) if a != b
    )
    assert new_share[0] == old_share[0] and 123 in new_share
    async with sessionmaker() as session:
        stamps = (await session.execute(select(Project.code, Project.updated_at))).tuples().all()
    assert len({stamp for _, stamp in stamps}) == 2  # the edited project alone got a new stamp


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue()


# --------------------------------------------------------------------------- 6. leap years


async def test_leap_esfand(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    good = {
        "vat_rates.csv": csv_bytes(
            "valid_from,vat_rate_percent,municipal_share_percent,source", "1403-12-30,10,33.33,x"
        )
    }
    bad = {
        "vat_rates.csv": csv_bytes(
            "valid_from,vat_rate_percent,municipal_share_percent,source", "1404-12-30,10,30,x"
        )
    }

    await import_files(sessionmaker, good, origin="cli")
    with pytest.raises(ImportRejected) as caught:
        await import_files(sessionmaker, bad, origin="cli")

    async with sessionmaker() as session:
        rate = (await session.execute(select(VatRate))).scalar_one()
    assert rate.valid_from == date(2025, 3, 20)
    assert rate.municipal_share_percent == pytest.approx(33.33)
    assert [f"{p.file}:{p.line}: {p.column}" for p in caught.value.problems] == [
        "vat_rates.csv:2: valid_from"
    ]
    # Re-importing a decimal percent is a no-op (NUMERIC round-trip compares equal).
    assert not (await import_files(sessionmaker, good, origin="cli")).changed


# --------------------------------------------------------------------------- references


async def test_references_resolve_against_database_and_import(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await import_files(sessionmaker, {"municipalities.csv": MUNICIPALITIES}, origin="cli")
    files = {
        "districts.csv": csv_bytes("municipality,code,name_fa", "mashhad,۹,منطقه ۹"),
        "categories.csv": csv_bytes("slug,name_fa,synonyms_fa", "roads,معابر,"),
        "projects.csv": csv_bytes(
            "code,name_fa,municipality,district,category,status,total_budget_rial,start_date,"
            "planned_end_date,progress_percent,lat,lon,description_fa",
            "P-1,تقاطع,mashhad,9,roads,planned,0,1403-01-01,,0,,,",
        ),
        "project_funding.csv": csv_bytes(
            "project_code,year,month,amount_rial,source", "P-1,1403,1,10,x", "P-9,1403,1,10,x"
        ),
    }
    with pytest.raises(ImportRejected) as caught:
        await import_files(sessionmaker, files, origin="cli")
    assert [f"{p.file}:{p.line}: {p.column}" for p in caught.value.problems] == [
        "project_funding.csv:3: project_code"
    ]

    files["project_funding.csv"] = csv_bytes(
        "project_code,year,month,amount_rial,source", "P-1,1403,1,10,x"
    )
    summary = await import_files(sessionmaker, files, origin="cli")
    assert summary.counts["project_funding"]["inserted"] == 1
    async with sessionmaker() as session:
        project = (await session.execute(select(Project))).scalar_one()
        district = (await session.execute(select(District))).scalar_one()
    assert project.district_id == district.id and district.code == "9"
    assert project.description_fa is None and project.planned_end_date is None

    # Later, funding alone refers to the project now in the database.
    more = {
        "project_funding.csv": csv_bytes(
            "project_code,year,month,amount_rial,source", "P-1,1403,2,5,x"
        )
    }
    assert (await import_files(sessionmaker, more, origin="cli")).counts["project_funding"] == {
        "inserted": 1,
        "updated": 0,
        "unchanged": 0,
    }


# --------------------------------------------------------------------------- parsing details (pure)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("1,250,000", True),
        ("۱٬۲۵۰٬۰۰۰", True),
        ("1,25,000", False),
        ("1,250٬000", False),
        ("12x", False),
        ("1.5", False),
        ("", False),
    ],
)
def test_amount_grouping(value: str, ok: bool) -> None:
    files = {
        "vat_shares.csv": csv_bytes(
            "municipality,year,month,amount_rial,published_on,source",
            f'm,1403,1,"{value}",1403-02-01,x',
        )
    }
    problems = rejection(files)
    assert (problems == []) is ok, problems


def test_every_row_problem_reported_with_physical_lines() -> None:
    files = {
        "reports.csv": csv_bytes(
            "code,title_fa,municipality,period_from,period_to,published_on,summary_fa,url",
            'R-1,گزارش,mashhad,1403-04-01,1403-03-31,1403-04-20,"خط یک',
            'خط دو",ftp://example.org',
            "",
            ",,,,,,,",
            "R 2,گزارش,Mashhad,1403-01-01,1403-03-31,1403-04-20,خلاصه,https://example.org",
            "R-3,too,many,values,1,2,3,4,5",
        ),
        "projects.csv": csv_bytes(
            "code,name_fa,municipality,district,category,status,total_budget_rial,start_date,"
            "planned_end_date,progress_percent,lat,lon,description_fa",
            "P-1,نام,mashhad,,roads,planned,0,1403-01-01,1402-01-01,101,36.1,,",
        ),
        "notes.txt": b"",
    }
    assert rejection(files) == [
        "notes.txt:1: -",
        "projects.csv:2: progress_percent",
        "projects.csv:2: planned_end_date",
        "projects.csv:2: lon",
        "reports.csv:2: url",  # a record spanning lines 2-3 is reported on line 2
        "reports.csv:2: period_to",
        "reports.csv:6: code",
        "reports.csv:6: municipality",
        "reports.csv:7: -",
    ]


def test_header_problems() -> None:
    files = {
        "faq.csv": csv_bytes("slug,question_fa,question_fa,extra", "a,b,c,d"),
        "municipalities.csv": b"",
        "vat_rates.csv": b"\xff\xfe\x00",
    }
    assert rejection(files) == [
        "municipalities.csv:1: -",
        "vat_rates.csv:1: -",
        "faq.csv:1: question_fa",
        "faq.csv:1: extra",
        "faq.csv:1: answer_fa",
        "faq.csv:1: source",
    ]


def test_duplicate_composite_key_names_first_line() -> None:
    files = {
        "vat_shares.csv": csv_bytes(
            "municipality,year,month,amount_rial,published_on,source",
            "m,1403,1,1,1403-02-01,x",
            "m,1403,2,1,1403-02-01,x",
            "m,۱۴۰۳,۱,2,1403-02-01,x",
        )
    }
    (problem,) = parse_files(files).problems
    assert str(problem).startswith("vat_shares.csv:4: municipality+year+month: ")
    assert str(problem).endswith("duplicate of line 2")


def test_read_paths(tmp_path: Path) -> None:
    a = write_csvs(tmp_path / "a", {"faq.csv": "x", "notes.md": "ignored"})
    b = write_csvs(tmp_path / "b", {"faq.csv": "y"})
    assert read_paths([a]) == {"faq.csv": b"x"}
    assert read_paths([a / "faq.csv"]) == {"faq.csv": b"x"}
    with pytest.raises(ImportRejected) as caught:
        read_paths(
            [
                a,
                b,
                tmp_path / "missing",
                tmp_path / "a" / "notes.md",
                write_csvs(tmp_path / "c", {}),
            ]
        )
    reasons = [p.reason_en for p in caught.value.problems]
    assert len(reasons) == 3
    assert reasons[0].startswith("given twice") and reasons[1] == "no such file or folder"
    assert reasons[2] == "folder holds no CSV file"
    # A non-CSV file named explicitly is read, then rejected by name during validation.
    assert rejection(read_paths([a / "notes.md"])) == ["notes.md:1: -"]


def test_no_files() -> None:
    assert rejection({}) == ["-:1: -"]


def test_problem_string() -> None:
    problem = importer.ImportProblem("a.csv", 3, "x", "فا", "en")
    assert str(problem) == "a.csv:3: x: فا / en"
    assert str(ImportRejected([problem, problem])).count("\n") == 1


# --------------------------------------------------------------------------- jalali helpers


def test_jalali_parsing_and_formatting() -> None:
    assert parse_jalali_date("۱۴۰۳-۱۲-۳۰") == date(2025, 3, 20)
    assert parse_jalali_date("١٤٠٣-٠١-٠١") == date(2024, 3, 20)
    assert parse_jalali_date(" 1403-1-1 ") == date(2024, 3, 20)
    assert format_jalali_date(date(2025, 3, 20)) == "1403-12-30"
    assert to_ascii_digits("۱۲٣x") == "123x"
    assert is_leap_year(1403) and not is_leap_year(1404)
    assert [days_in_month(1404, m) for m in (1, 6, 7, 11, 12)] == [31, 31, 30, 30, 29]
    for bad in ("1404-12-30", "1402-07-31", "1404-13-01", "1404-00-10", "1404/01/01", "x", "0-1-1"):
        with pytest.raises(JalaliDateError):
            parse_jalali_date(bad)


def test_jalali_round_trip() -> None:
    day = date(2020, 1, 1)
    for _ in range(0, 3000, 7):
        assert parse_jalali_date(format_jalali_date(day)) == day
        day = date.fromordinal(day.toordinal() + 7)
