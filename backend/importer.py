"""CSV import (contract section 3): validate all files and rows, then upsert in one transaction.

The flow is `read_paths` (or an upload's `{name: bytes}`) → `validate` → `apply`; `import_files`
runs the last two as one unit of work and commits. `parse_files` is the pure, database-free part.

Decisions worth knowing:

- Every column of a file's header is required, including the ones whose *values* may be empty
  (`district`, `planned_end_date`, `lat`, `lon`, `description_fa`, `synonyms_fa`): a file that
  silently lacked `district` would otherwise wipe that column on re-import.
- Amounts (`amount_rial`, `total_budget_rial`, `population`) accept thousands separators `,` or
  `٬` when the grouping is valid (`1,250,000`); an unquoted `,` splits the field, so that case is
  reported as a wrong number of values.
- Percentages allow at most 3 decimals (the column is NUMERIC(6,3)); more would be rounded by the
  database and the row would then look "changed" on every re-import.
- Years (and the years of dates) must lie in 1300..1499 so that a Gregorian date typed by mistake
  (2024-03-01) is rejected instead of landing six centuries in the future.
- Codes (`code`, `project_code`, district codes) are `[A-Za-z0-9_-]+` with digits normalized to
  ASCII, because project codes travel in Telegram deep links (`/start p_<code>`), which allow
  nothing else; slugs are `[a-z0-9-]+`.
- A no-op import (nothing inserted or updated) writes nothing at all, not even a `DataImport` row,
  so "last updated" keeps meaning "the data last changed".
- Concurrency: two imports racing on the same natural keys are not serialized; the loser fails on a
  unique constraint and its transaction rolls back whole (nothing partial is ever written). On
  updates the last committer wins. Imports are rare staff actions, so no table lock is taken.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from sqlalchemy import Table, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.clock import utcnow
from backend.jalali import JalaliDateError, parse_jalali_date
from backend.models import (
    PROJECT_STATUSES,
    Base,
    Category,
    DataImport,
    District,
    Faq,
    Municipality,
    Project,
    ProjectFunding,
    Report,
    VatRate,
    VatShare,
)
from nlp.digits import to_ascii_digits, to_persian_digits

__all__ = [
    "FILE_NAMES",
    "ImportProblem",
    "ImportRejected",
    "ImportSummary",
    "ParsedFiles",
    "ValidatedImport",
    "apply",
    "import_files",
    "parse_files",
    "read_paths",
    "validate",
]

WHOLE_FILE = 1  # whole-file problems are reported on the header line
NO_COLUMN = "-"
MIN_YEAR, MAX_YEAR = 1300, 1499
MAX_BIGINT = 2**63 - 1


# --------------------------------------------------------------------------- problems and results


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One reason an import was rejected, at a physical CSV line (header = line 1)."""

    file: str
    line: int
    column: str
    reason_fa: str
    reason_en: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.reason_fa} / {self.reason_en}"


class ImportRejected(Exception):
    """The import was refused and nothing was written; `problems` lists every reason."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an applied import did, per table: `{"inserted", "updated", "unchanged"}` counts."""

    counts: dict[str, dict[str, int]]
    files: list[str]
    changed: bool
    import_id: int | None = None  # the DataImport row, when something changed


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """The typed values of one CSV row (only the columns that parsed), with its line number."""

    line: int
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ParsedFiles:
    """The database-free result of reading the files: rows by table, and the problems found."""

    tables: dict[str, list[ParsedRow]]
    files: list[str]
    problems: list[ImportProblem]


@dataclass(frozen=True, slots=True)
class ValidatedImport:
    """Rows that passed every check, by table in dependency order, ready for `apply`."""

    tables: Mapping[str, Sequence[Mapping[str, Any]]]
    files: Sequence[str]

    @property
    def row_counts(self) -> dict[str, int]:
        """Return the number of rows per table."""
        return {table: len(rows) for table, rows in self.tables.items()}


class _Invalid(ValueError):
    def __init__(self, reason_fa: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_fa = reason_fa
        self.reason_en = reason_en


# --------------------------------------------------------------------------- normalization

# Arabic letters read as their Persian forms; copy-paste junk (zero-width spaces, BOMs, bidi
# marks) vanishes; no-break spaces become spaces. ZWNJ is meaningful in Persian and kept.
_TEXT_MAP: dict[int, str | None] = {
    ord("ي"): "ی",
    ord("ى"): "ی",
    ord("ك"): "ک",
    0x00A0: " ",
    0x200B: None,
    0x200E: None,
    0x200F: None,
    0x061C: None,
    0x2060: None,
    0xFEFF: None,
    **{code: None for code in range(0x202A, 0x202F)},
    **{code: None for code in range(0x2066, 0x206A)},
}
_ZWNJ = "\u200c"
_ZWNJ_RUN = re.compile("[ \u200c]*\u200c[ \u200c]*")


def _zwnj_run(match: re.Match[str]) -> str:
    # A ZWNJ next to a space is noise; a run of ZWNJs is one ZWNJ.
    return " " if " " in match.group() else _ZWNJ


def _clean_line(text: str) -> str:
    text = " ".join(text.split())
    if _ZWNJ in text:
        text = _ZWNJ_RUN.sub(_zwnj_run, text).strip(" " + _ZWNJ)
    return text


_TEXT_JUNK = re.compile("[" + "".join(chr(code) for code in _TEXT_MAP) + "]")


def normalize_text(text: str, *, multiline: bool = False) -> str:
    """Normalize one text field: Persian letters, no invisible junk, tidy spaces (and lines)."""
    if _TEXT_JUNK.search(text):  # translate() is slow per character; most text needs none
        text = text.translate(_TEXT_MAP)
    if not multiline:
        return _clean_line(text)
    lines = [
        _clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return "\n".join(lines).strip("\n")


def _shown(raw: str) -> str:
    raw = raw.strip()
    return raw if len(raw) <= 40 else raw[:39] + "…"


def _fa(text: str) -> str:
    return to_persian_digits(text)


# --------------------------------------------------------------------------- column parsers

Parser = Callable[[str], Any]


def _text(max_length: int | None = None, *, multiline: bool = False) -> Parser:
    def parse(raw: str) -> str:
        value = normalize_text(raw, multiline=multiline)
        if not value:
            raise _Invalid("مقدار خالی است", "value is empty")
        if max_length is not None and len(value) > max_length:
            raise _Invalid(
                _fa(f"متن بلندتر از {max_length} نویسه است"),
                f"text is longer than {max_length} characters",
            )
        return value

    return parse


_SLUG = re.compile(r"[a-z0-9-]+")
_CODE = re.compile(r"[A-Za-z0-9_-]+")


def _slug(raw: str) -> str:
    value = to_ascii_digits(raw.strip())
    if not _SLUG.fullmatch(value):
        raise _Invalid(
            f"«{_shown(raw)}» شناسهٔ معتبر نیست (فقط حروف کوچک لاتین، رقم و خط تیره)",
            f'"{_shown(raw)}" is not a valid slug (lowercase a-z, 0-9 and "-" only)',
        )
    if len(value) > 64:
        raise _Invalid("شناسه بلندتر از ۶۴ نویسه است", "slug is longer than 64 characters")
    return value


def _code(max_length: int) -> Parser:
    def parse(raw: str) -> str:
        value = to_ascii_digits(raw.strip())
        if not _CODE.fullmatch(value):
            raise _Invalid(
                f"«{_shown(raw)}» کد معتبر نیست (فقط حروف لاتین، رقم، - و _)",
                f'"{_shown(raw)}" is not a valid code (A-Z, a-z, 0-9, "-" and "_" only)',
            )
        if len(value) > max_length:
            raise _Invalid(
                _fa(f"کد بلندتر از {max_length} نویسه است"),
                f"code is longer than {max_length} characters",
            )
        return value

    return parse


_INTEGER = re.compile(r"[+-]?[0-9]+")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:([,٬])[0-9]{3})(?:\1[0-9]{3})*")


def _whole(
    low: int, high: int, *, grouping: bool = False, range_fa: str = "", range_en: str = ""
) -> Parser:
    def parse(raw: str) -> int:
        text = to_ascii_digits(raw.strip())
        if text.isascii() and text.isdigit():
            value = int(text)
        elif _INTEGER.fullmatch(text):
            value = int(text)
        elif grouping and _GROUPED.fullmatch(text):
            value = int(text.replace(",", "").replace("٬", ""))
        else:
            raise _Invalid(
                f"«{_shown(raw)}» عدد صحیح نیست", f'"{_shown(raw)}" is not a whole number'
            )
        if value < 0 and low >= 0:
            raise _Invalid("عدد نباید منفی باشد", f"must not be negative, got {value}")
        if not low <= value <= high:
            raise _Invalid(
                range_fa or _fa(f"عدد باید بین {low} تا {high} باشد"),
                range_en or f"must be between {low} and {high}, got {value}",
            )
        return value

    return parse


_amount = _whole(
    0, MAX_BIGINT, grouping=True, range_fa="عدد بیش از حد بزرگ است", range_en="number is too large"
)
_population = _whole(
    1,
    MAX_BIGINT,
    grouping=True,
    range_fa="جمعیت باید عدد مثبت باشد",
    range_en="population must be positive",
)
_year = _whole(
    MIN_YEAR,
    MAX_YEAR,
    range_fa=_fa(f"سال شمسی باید بین {MIN_YEAR} تا {MAX_YEAR} باشد"),
    range_en=f"Jalali year must be between {MIN_YEAR} and {MAX_YEAR}",
)
_month = _whole(
    1, 12, range_fa="ماه باید بین ۱ تا ۱۲ باشد", range_en="month must be between 1 and 12"
)
_progress = _whole(
    0,
    100,
    range_fa="درصد پیشرفت باید بین ۰ تا ۱۰۰ باشد",
    range_en="progress must be between 0 and 100",
)

_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.([0-9]+))?")


def _decimal(raw: str) -> tuple[float, int]:
    text = to_ascii_digits(raw.strip()).replace("٫", ".")
    match = _DECIMAL.fullmatch(text)
    if match is None:
        raise _Invalid(f"«{_shown(raw)}» عدد نیست", f'"{_shown(raw)}" is not a number')
    return float(Decimal(text)), len(match.group(1) or "")


def _percent(raw: str) -> float:
    value, decimals = _decimal(raw)
    if decimals > 3:
        raise _Invalid("درصد حداکثر سه رقم اعشار دارد", "a percentage has at most 3 decimals")
    if not 0 <= value <= 100:
        raise _Invalid("درصد باید بین ۰ تا ۱۰۰ باشد", "percentage must be between 0 and 100")
    return value


def _coordinate(limit: int, name_fa: str, name_en: str) -> Parser:
    def parse(raw: str) -> float:
        value, _ = _decimal(raw)
        if not -limit <= value <= limit:
            raise _Invalid(
                _fa(f"{name_fa} باید بین {-limit} تا {limit} باشد"),
                f"{name_en} must be between {-limit} and {limit}",
            )
        return value

    return parse


def _jalali_date(raw: str) -> date:
    try:
        value = parse_jalali_date(raw)
    except JalaliDateError as exc:
        raise _Invalid(
            f"«{_shown(raw)}»: {exc.reason_fa}", f'"{_shown(raw)}": {exc.reason_en}'
        ) from exc
    year = int(to_ascii_digits(raw.strip())[:4])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Invalid(
            _fa(f"سال شمسی باید بین {MIN_YEAR} تا {MAX_YEAR} باشد (تاریخ میلادی نوشته شده؟)"),
            f"Jalali year must be between {MIN_YEAR} and {MAX_YEAR} (a Gregorian date?)",
        )
    return value


def _status(raw: str) -> str:
    value = raw.strip().lower()
    if value not in PROJECT_STATUSES:
        allowed = ", ".join(PROJECT_STATUSES)
        raise _Invalid(
            f"وضعیت «{_shown(raw)}» معتبر نیست؛ یکی از {allowed}",
            f'status "{_shown(raw)}" is not one of {allowed}',
        )
    return value


def _synonyms(raw: str) -> list[str]:
    result: list[str] = []
    for part in re.split("[;؛]", raw):
        synonym = normalize_text(part)
        if synonym and synonym not in result:
            result.append(synonym)
    return result


def _url(raw: str) -> str:
    value = raw.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise _Invalid(
            f"«{_shown(raw)}» نشانی http یا https معتبر نیست",
            f'"{_shown(raw)}" is not a valid http(s) URL',
        )
    if len(value) > 500:
        raise _Invalid("نشانی بلندتر از ۵۰۰ نویسه است", "URL is longer than 500 characters")
    return value


# --------------------------------------------------------------------------- file specifications

_REQUIRED: Any = object()


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    parse: Parser
    empty: Any = _REQUIRED  # the value of an empty cell, or _REQUIRED when it must not be empty


RowCheck = Callable[[Mapping[str, Any]], Iterable[tuple[str, str, str]]]


@dataclass(frozen=True, slots=True)
class _FileSpec:
    table: str
    columns: tuple[_Column, ...]
    key: tuple[str, ...]
    checks: tuple[RowCheck, ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.table}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _dates_in_order(first: str, second: str) -> RowCheck:
    def check(values: Mapping[str, Any]) -> Iterable[tuple[str, str, str]]:
        if values.get(first) is not None and values.get(second) is not None:
            if values[second] < values[first]:
                yield (
                    second,
                    f"{second} نباید پیش از {first} باشد",
                    f"{second} must not be before {first}",
                )

    return check


def _lat_lon_together(values: Mapping[str, Any]) -> Iterable[tuple[str, str, str]]:
    # A map pin needs both coordinates; half a coordinate is a typo, not data.
    if "lat" in values and "lon" in values and (values["lat"] is None) != (values["lon"] is None):
        missing = "lat" if values["lat"] is None else "lon"
        yield (missing, "lat و lon باید با هم پر یا با هم خالی باشند", "lat and lon go together")


_SOURCE = _Column("source", _text(multiline=True))

SPECS: tuple[_FileSpec, ...] = (
    _FileSpec(
        "municipalities",
        (
            _Column("slug", _slug),
            _Column("name_fa", _text(200)),
            _Column("province_fa", _text(200)),
            _Column("population", _population),
        ),
        key=("slug",),
    ),
    _FileSpec(
        "districts",
        (
            _Column("municipality", _slug),
            _Column("code", _code(32)),
            _Column("name_fa", _text(200)),
        ),
        key=("municipality", "code"),
    ),
    _FileSpec(
        "categories",
        (
            _Column("slug", _slug),
            _Column("name_fa", _text(200)),
            _Column("synonyms_fa", _synonyms, []),
        ),
        key=("slug",),
    ),
    _FileSpec(
        "vat_rates",
        (
            _Column("valid_from", _jalali_date),
            _Column("vat_rate_percent", _percent),
            _Column("municipal_share_percent", _percent),
            _SOURCE,
        ),
        key=("valid_from",),
    ),
    _FileSpec(
        "vat_shares",
        (
            _Column("municipality", _slug),
            _Column("year", _year),
            _Column("month", _month),
            _Column("amount_rial", _amount),
            _Column("published_on", _jalali_date),
            _SOURCE,
        ),
        key=("municipality", "year", "month"),
    ),
    _FileSpec(
        "projects",
        (
            _Column("code", _code(64)),
            _Column("name_fa", _text(300)),
            _Column("municipality", _slug),
            _Column("district", _code(32), None),
            _Column("category", _slug),
            _Column("status", _status),
            _Column("total_budget_rial", _amount),
            _Column("start_date", _jalali_date),
            _Column("planned_end_date", _jalali_date, None),
            _Column("progress_percent", _progress),
            _Column("lat", _coordinate(90, "عرض جغرافیایی", "latitude"), None),
            _Column("lon", _coordinate(180, "طول جغرافیایی", "longitude"), None),
            _Column("description_fa", _text(multiline=True), None),
        ),
        key=("code",),
        checks=(_dates_in_order("start_date", "planned_end_date"), _lat_lon_together),
    ),
    _FileSpec(
        "project_funding",
        (
            _Column("project_code", _code(64)),
            _Column("year", _year),
            _Column("month", _month),
            _Column("amount_rial", _amount),
            _SOURCE,
        ),
        key=("project_code", "year", "month"),
    ),
    _FileSpec(
        "reports",
        (
            _Column("code", _code(64)),
            _Column("title_fa", _text(300)),
            _Column("municipality", _slug),
            _Column("period_from", _jalali_date),
            _Column("period_to", _jalali_date),
            _Column("published_on", _jalali_date),
            _Column("summary_fa", _text(multiline=True)),
            _Column("url", _url),
        ),
        key=("code",),
        checks=(_dates_in_order("period_from", "period_to"),),
    ),
    _FileSpec(
        "faq",
        (
            _Column("slug", _slug),
            _Column("question_fa", _text(multiline=True)),
            _Column("answer_fa", _text(multiline=True)),
            _SOURCE,
        ),
        key=("slug",),
    ),
)

_SPEC_BY_FILE = {spec.file: spec for spec in SPECS}
FILE_NAMES: tuple[str, ...] = tuple(spec.file for spec in SPECS)  # in dependency order


# --------------------------------------------------------------------------- reading and parsing


def read_paths(paths: Sequence[Path]) -> dict[str, bytes]:
    """Read the `.csv` files of the given files and folders, by file name (names checked later)."""
    problems: list[ImportProblem] = []
    files: dict[str, bytes] = {}
    origins: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            # Folders may carry a README or notes; only .csv files are data.
            entries = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv"
            )
            if not entries:
                problems.append(
                    ImportProblem(
                        str(path),
                        WHOLE_FILE,
                        NO_COLUMN,
                        "پوشه هیچ پروندهٔ CSV ندارد",
                        "folder holds no CSV file",
                    )
                )
        elif path.is_file():
            entries = [path]
        else:
            problems.append(
                ImportProblem(
                    str(path),
                    WHOLE_FILE,
                    NO_COLUMN,
                    "پرونده یا پوشه وجود ندارد",
                    "no such file or folder",
                )
            )
            continue
        for entry in entries:
            if entry.name in origins:
                problems.append(
                    ImportProblem(
                        entry.name,
                        WHOLE_FILE,
                        NO_COLUMN,
                        f"دو بار داده شده: {origins[entry.name]} و {entry}",
                        f"given twice: {origins[entry.name]} and {entry}",
                    )
                )
                continue
            origins[entry.name] = entry
            try:
                files[entry.name] = entry.read_bytes()
            except OSError as exc:
                problems.append(
                    ImportProblem(
                        entry.name,
                        WHOLE_FILE,
                        NO_COLUMN,
                        "خواندن پرونده ممکن نشد",
                        f"cannot read: {exc}",
                    )
                )
    if problems:
        raise ImportRejected(problems)
    return files


def parse_files(files: Mapping[str, bytes]) -> ParsedFiles:
    """Read and type-check CSV files given by name, without touching the database."""
    problems: list[ImportProblem] = []
    if not files:
        problems.append(
            ImportProblem("-", WHOLE_FILE, NO_COLUMN, "هیچ پرونده‌ای داده نشده", "no files given")
        )
    for name in sorted(files):
        if name not in _SPEC_BY_FILE:
            problems.append(
                ImportProblem(
                    name,
                    WHOLE_FILE,
                    NO_COLUMN,
                    "نام پرونده شناخته نیست؛ نام‌های مجاز: " + "، ".join(FILE_NAMES),
                    "unknown file name; expected one of " + ", ".join(FILE_NAMES),
                )
            )
    tables: dict[str, list[ParsedRow]] = {}
    for spec in SPECS:
        if spec.file in files:
            tables[spec.table] = _parse_file(spec, files[spec.file], problems)
    return ParsedFiles(
        tables=tables, files=[s.file for s in SPECS if s.file in files], problems=problems
    )


def _parse_file(spec: _FileSpec, data: bytes, problems: list[ImportProblem]) -> list[ParsedRow]:
    def problem(line: int, column: str, reason_fa: str, reason_en: str) -> None:
        problems.append(ImportProblem(spec.file, line, column, reason_fa, reason_en))

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problem(line, NO_COLUMN, "پرونده UTF-8 نیست", "file is not UTF-8")
        return []

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[ParsedRow] = []
    try:
        header_cells = next(reader, None)
        if not header_cells or not any(cell.strip() for cell in header_cells):
            problem(
                WHOLE_FILE,
                NO_COLUMN,
                "پرونده خالی است یا سطر عنوان ندارد",
                "file is empty or has no header row",
            )
            return []
        header = [normalize_text(cell).lower() for cell in header_cells]
        positions = _check_header(spec, header, problem)
        present = [column for column in spec.columns if column.name in positions]
        key_present = all(name in positions for name in spec.key)
        seen: dict[tuple[Any, ...], int] = {}
        # Columns repeat values heavily (municipality, year, month, dates, source): parse each
        # distinct raw value once. Only immutable results are shared between rows.
        memo: dict[str, dict[str, Any]] = {column.name: {} for column in present}
        last_line = reader.line_num
        for cells in reader:
            # A record may span lines (quoted newlines): report the line it starts on.
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # blank lines and spreadsheet ",,,," rows carry nothing
            if len(cells) != len(header):
                problem(
                    line,
                    NO_COLUMN,
                    _fa(f"سطر {len(cells)} مقدار دارد ولی سطر عنوان {len(header)} ستون"),
                    f"row has {len(cells)} values but the header has {len(header)} columns",
                )
                continue
            values: dict[str, Any] = {}
            for column in present:
                raw = cells[positions[column.name]]
                known = memo[column.name]
                if raw in known:
                    values[column.name] = known[raw]
                    continue
                try:
                    if raw.strip():
                        value = column.parse(raw)
                        if isinstance(value, str | int | float | date):
                            known[raw] = value
                        values[column.name] = value
                    elif column.empty is _REQUIRED:
                        raise _Invalid("مقدار این ستون نباید خالی باشد", "value must not be empty")
                    else:
                        values[column.name] = column.empty
                except _Invalid as exc:
                    problem(line, column.name, exc.reason_fa, exc.reason_en)
            for check in spec.checks:
                for column_name, reason_fa, reason_en in check(values):
                    problem(line, column_name, reason_fa, reason_en)
            if key_present and all(name in values for name in spec.key):
                key = tuple(values[name] for name in spec.key)
                if key in seen:
                    problem(
                        line,
                        "+".join(spec.key),
                        _fa(f"کلید تکراری است؛ همان کلید در سطر {seen[key]} آمده"),
                        f"duplicate of line {seen[key]}",
                    )
                else:
                    seen[key] = line
            rows.append(ParsedRow(line, values))
    except csv.Error as exc:
        problem(
            reader.line_num or WHOLE_FILE, NO_COLUMN, "ساختار CSV خراب است", f"malformed CSV: {exc}"
        )
    return rows


def _check_header(
    spec: _FileSpec, header: list[str], problem: Callable[[int, str, str, str], None]
) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        if name not in spec.column_names:
            problem(
                WHOLE_FILE,
                name or NO_COLUMN,
                f"ستون «{name}» شناخته نیست",
                f'unknown column "{name}"; expected {", ".join(spec.column_names)}',
            )
        elif name in positions:
            problem(
                WHOLE_FILE, name, f"ستون «{name}» دو بار آمده", f'column "{name}" appears twice'
            )
        else:
            positions[name] = index
    for name in spec.column_names:
        if name not in positions:
            problem(
                WHOLE_FILE,
                name,
                f"ستون الزامی «{name}» نیست",
                f'required column "{name}" is missing',
            )
    return positions


# --------------------------------------------------------------------------- validation


async def validate(session: AsyncSession, files: Mapping[str, bytes]) -> ValidatedImport:
    """Check every file, row and cross-reference (against the database and the files together)."""
    # Parsing 10 MB is a second or so of pure CPU: keep it off the event loop.
    parsed = await asyncio.to_thread(parse_files, files)
    problems = list(parsed.problems)
    problems.extend(await _check_references(session, parsed.tables))
    if problems:
        rank = {name: index for index, name in enumerate(FILE_NAMES)}
        problems.sort(key=lambda p: (rank.get(p.file, -1), p.file, p.line))
        raise ImportRejected(problems)
    return ValidatedImport(
        tables={table: [row.values for row in rows] for table, rows in parsed.tables.items()},
        files=parsed.files,
    )


async def _check_references(
    session: AsyncSession, tables: Mapping[str, list[ParsedRow]]
) -> list[ImportProblem]:
    problems: list[ImportProblem] = []

    def rows(table: str) -> list[ParsedRow]:
        return tables.get(table, [])

    def unknown(table: str, row: ParsedRow, column: str, what_fa: str, what_en: str) -> None:
        value = row.values[column]
        problems.append(
            ImportProblem(
                f"{table}.csv",
                row.line,
                column,
                f"{what_fa} «{value}» نه در پایگاه داده هست و نه در همین ورودی",
                f'{what_en} "{value}" is neither in the database nor in this import',
            )
        )

    # Known keys = the database's rows ∪ this import's rows (even rows with other problems, so one
    # bad cell does not cascade into "unknown" errors everywhere that refers to its row).
    referrers = {"districts", "vat_shares", "projects", "reports"}
    municipalities: set[str] = set()
    if referrers & tables.keys():
        municipalities = set((await session.execute(select(Municipality.slug))).scalars())
        municipalities |= _keys(rows("municipalities"), "slug")
    districts: set[tuple[str, str]] = set()
    categories: set[str] = set()
    if "projects" in tables:
        query = select(Municipality.slug, District.code).join(District.municipality)
        districts = {(slug, code) for slug, code in (await session.execute(query)).tuples()}
        districts |= {
            (row.values["municipality"], row.values["code"])
            for row in rows("districts")
            if "municipality" in row.values and "code" in row.values
        }
        categories = set((await session.execute(select(Category.slug))).scalars())
        categories |= _keys(rows("categories"), "slug")
    projects: set[str] = set()
    if "project_funding" in tables:
        projects = set((await session.execute(select(Project.code))).scalars())
        projects |= _keys(rows("projects"), "code")

    for table in ("districts", "vat_shares", "projects", "reports"):
        for row in rows(table):
            if (
                row.values.get("municipality") is not None
                and row.values["municipality"] not in municipalities
            ):
                unknown(table, row, "municipality", "شهرداری", "municipality")
    for row in rows("projects"):
        values = row.values
        if values.get("category") is not None and values["category"] not in categories:
            unknown("projects", row, "category", "دسته", "category")
        municipality, district = values.get("municipality"), values.get("district")
        if (
            district is not None
            and municipality in municipalities
            and (municipality, district) not in districts
        ):
            problems.append(
                ImportProblem(
                    "projects.csv",
                    row.line,
                    "district",
                    f"منطقهٔ «{district}» از منطقه‌های شهرداری «{municipality}» نیست",
                    f'district "{district}" is not a district of municipality "{municipality}"',
                )
            )
    for row in rows("project_funding"):
        if (
            row.values.get("project_code") is not None
            and row.values["project_code"] not in projects
        ):
            unknown("project_funding", row, "project_code", "طرح", "project")
    return problems


def _keys(rows: Iterable[ParsedRow], column: str) -> set[Any]:
    return {row.values[column] for row in rows if column in row.values}


# --------------------------------------------------------------------------- applying


async def apply(
    session: AsyncSession, plan: ValidatedImport, *, origin: str, is_sample: bool = False
) -> ImportSummary:
    """Upsert a validated import by natural key, in dependency order; the caller commits."""
    now = utcnow()
    counts: dict[str, dict[str, int]] = {}
    for spec in SPECS:
        rows = plan.tables.get(spec.table)
        if rows is None:
            continue
        counts[spec.table] = await _UPSERTS[spec.table](session, rows, now)
    changed = any(c["inserted"] or c["updated"] for c in counts.values())
    import_id: int | None = None
    if changed:
        record = DataImport(
            imported_at=now,
            origin=origin,
            files=list(plan.files),
            counts=counts,
            is_sample=is_sample,
        )
        session.add(record)
        await session.flush()
        import_id = record.id
    return ImportSummary(
        counts=counts, files=list(plan.files), changed=changed, import_id=import_id
    )


async def import_files(
    sessionmaker: async_sessionmaker[AsyncSession],
    files: Mapping[str, bytes],
    *,
    origin: str,
    is_sample: bool = False,
) -> ImportSummary:
    """Validate and apply CSV files in one transaction and commit (raises ImportRejected)."""
    async with sessionmaker() as session, session.begin():
        plan = await validate(session, files)
        return await apply(session, plan, origin=origin, is_sample=is_sample)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, float) and isinstance(new, float):
        # NUMERIC and REAL round-trips may differ in the last binary digit.
        return abs(old - new) <= 1e-9 * max(1.0, abs(old), abs(new))
    return bool(old == new)


async def _upsert(
    session: AsyncSession,
    model: type[Base],
    key: tuple[str, ...],
    rows: Iterable[dict[str, Any]],
    *,
    stamp: tuple[str, datetime] | None = None,
) -> dict[str, int]:
    """Diff rows against the table in memory, then bulk INSERT new and bulk UPDATE changed ones."""
    incoming = list(rows)
    if not incoming:
        return {"inserted": 0, "updated": 0, "unchanged": 0}
    table = cast(Table, model.__table__)
    names = list(incoming[0])
    result = await session.execute(select(table.c.id, *(table.c[name] for name in names)))
    key_positions = [names.index(name) + 1 for name in key]
    existing = {tuple(row[i] for i in key_positions): row for row in result.tuples()}

    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    unchanged = 0
    for values in incoming:
        old = existing.get(tuple(values[name] for name in key))
        if old is None:
            inserts.append(values)
        elif old[1:] == tuple(values.values()) or all(
            _same(old[i + 1], values[name]) for i, name in enumerate(names)
        ):
            unchanged += 1
        else:
            updates.append({"id": old[0], **values})
    if stamp is not None:
        for values in (*inserts, *updates):
            values[stamp[0]] = stamp[1]
    if inserts:
        # Core executemany skips the ORM's per-row bookkeeping (about twice as fast).
        await session.execute(insert(table), inserts)
    if updates:
        await session.execute(update(model), updates)
    return {"inserted": len(inserts), "updated": len(updates), "unchanged": unchanged}


Rows = Sequence[Mapping[str, Any]]


async def _municipality_ids(session: AsyncSession) -> dict[str, int]:
    result = await session.execute(select(Municipality.slug, Municipality.id))
    return dict(result.tuples().all())


async def _upsert_municipalities(
    session: AsyncSession, rows: Rows, now: datetime
) -> dict[str, int]:
    return await _upsert(session, Municipality, ("slug",), (dict(row) for row in rows))


async def _upsert_districts(session: AsyncSession, rows: Rows, now: datetime) -> dict[str, int]:
    ids = await _municipality_ids(session)
    return await _upsert(
        session,
        District,
        ("municipality_id", "code"),
        (
            {"municipality_id": ids[r["municipality"]], "code": r["code"], "name_fa": r["name_fa"]}
            for r in rows
        ),
    )


async def _upsert_categories(session: AsyncSession, rows: Rows, now: datetime) -> dict[str, int]:
    return await _upsert(session, Category, ("slug",), (dict(row) for row in rows))


async def _upsert_vat_rates(session: AsyncSession, rows: Rows, now: datetime) -> dict[str, int]:
    return await _upsert(session, VatRate, ("valid_from",), (dict(row) for row in rows))


async def _upsert_vat_shares(session: AsyncSession, rows: Rows, now: datetime) -> dict[str, int]:
    ids = await _municipality_ids(session)
    return await _upsert(
        session,
        VatShare,
        ("municipality_id", "year", "month"),
        (
            {
                "municipality_id": ids[r["municipality"]],
                "year": r["year"],
                "month": r["month"],
                "amount_rial": r["amount_rial"],
                "published_on": r["published_on"],
                "source": r["source"],
            }
            for r in rows
        ),
    )


async def _upsert_projects(session: AsyncSession, rows: Rows, now: datetime) -> dict[str, int]:
    municipality_ids = await _municipality_ids(session)
    district_ids = {
        (municipality_id, code): district_id
        for district_id, municipality_id, code in (
            await session.execute(select(District.id, District.municipality_id, District.code))
        ).tuples()
    }
    category_ids = dict((await session.execute(select(Category.slug, Category.id))).tuples().all())

    def to_db(r: Mapping[str, Any]) -> dict[str, Any]:
        municipality_id = municipality_ids[r["municipality"]]
        values = {
            name: r[name] for name in r if name not in ("municipality", "district", "category")
        }
        values["municipality_id"] = municipality_id
        values["district_id"] = (
            None if r["district"] is None else district_ids[(municipality_id, r["district"])]
        )
        values["category_id"] = category_ids[r["category"]]
        return values

    # updated_at says when the project's own facts last changed, so only touched rows get it.
    return await _upsert(
        session, Project, ("code",), (to_db(r) for r in rows), stamp=("updated_at", now)
    )


async def _upsert_project_funding(
    session: AsyncSession, rows: Rows, now: datetime
) -> dict[str, int]:
    ids = dict((await session.execute(select(Project.code, Project.id))).tuples().all())
    return await _upsert(
        session,
        ProjectFunding,
        ("project_id", "year", "month"),
        (
            {
                "project_id": ids[r["project_code"]],
                "year": r["year"],
                "month": r["month"],
                "amount_rial": r["amount_rial"],
                "source": r["source"],
            }
            for r in rows
        ),
    )


async def _upsert_reports(session: AsyncSession, rows: Rows, now: datetime) -> dict[str, int]:
    ids = await _municipality_ids(session)

    def to_db(r: Mapping[str, Any]) -> dict[str, Any]:
        values = {name: r[name] for name in r if name != "municipality"}
        values["municipality_id"] = ids[r["municipality"]]
        return values

    return await _upsert(session, Report, ("code",), (to_db(r) for r in rows))


async def _upsert_faq(session: AsyncSession, rows: Rows, now: datetime) -> dict[str, int]:
    return await _upsert(session, Faq, ("slug",), (dict(row) for row in rows))


_UPSERTS: dict[str, Callable[[AsyncSession, Rows, datetime], Awaitable[dict[str, int]]]] = {
    "municipalities": _upsert_municipalities,
    "districts": _upsert_districts,
    "categories": _upsert_categories,
    "vat_rates": _upsert_vat_rates,
    "vat_shares": _upsert_vat_shares,
    "projects": _upsert_projects,
    "project_funding": _upsert_project_funding,
    "reports": _upsert_reports,
    "faq": _upsert_faq,
}
