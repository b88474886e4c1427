"""Figures behind tests/dialogues/dialogues.json, computed from the sample CSVs only.

Run from the repository root (or anywhere):

    python3 tests/dialogues/compute_figures.py            # print every named figure
    python3 tests/dialogues/compute_figures.py --check    # also check dialogues.json uses them

Conventions (the dialogues' notes repeat them):
- amounts are rials, as in the CSVs (toman = rial / 10);
- a year alone is months 1..12; "today" is 1405-09-08 unless a dialogue says otherwise,
  so امسال = 1405 (data up to month 8), پارسال = 1404, پیارسال = 1403;
- per-person = total / population, in rials, rounded half up;
- calculator: tax = price_before_tax x vat_rate; city share = tax x municipal_share,
  with the vat_rates row in force on the date asked about (9 % / one third up to 1402,
  10 % / 30 % from 1403).  For a price that already includes the tax: tax = price x r / (1 + r).
  The 1400 row says 33.333 % (meaning "3 units of 9", i.e. one third); the calculator
  figures used in the dialogues are chosen so that 1/3 and 0.33333 round to the same toman.
- project spending = sum of project_funding rows; "by district" uses projects.district
  (projects with an empty district are city-wide and belong to no district).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent.parent / "data" / "sample"


def read(name: str) -> list[dict[str, str]]:
    with open(SAMPLE / f"{name}.csv", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


MUNIS = {r["slug"]: r for r in read("municipalities")}
POP = {s: int(r["population"]) for s, r in MUNIS.items()}
SHARES = {
    (r["municipality"], int(r["year"]), int(r["month"])): int(r["amount_rial"])
    for r in read("vat_shares")
}
PROJECTS = {r["code"]: r for r in read("projects")}
FUNDING = [
    (r["project_code"], int(r["year"]), int(r["month"]), int(r["amount_rial"]))
    for r in read("project_funding")
]
RATES = sorted(
    (r["valid_from"], Decimal(r["vat_rate_percent"]), Decimal(r["municipal_share_percent"]))
    for r in read("vat_rates")
)
CATS = {r["slug"]: r["name_fa"] for r in read("categories")}
FAQ = {r["slug"]: r for r in read("faq")}


def ym(y: int, m: int) -> int:
    return y * 12 + m


def in_period(y: int, m: int, period: tuple[tuple[int, int], tuple[int, int]]) -> bool:
    (fy, fm), (ty, tm) = period
    return ym(fy, fm) <= ym(y, m) <= ym(ty, tm)


def year(y: int) -> tuple[tuple[int, int], tuple[int, int]]:
    return ((y, 1), (y, 12))


ALL_TIME = ((1300, 1), (1500, 12))


def share(muni: str, period) -> int:
    return sum(a for (mu, y, m), a in SHARES.items() if mu == muni and in_period(y, m, period))


def round_half_up(x: Decimal) -> int:
    return int(x.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def per_capita(muni: str, period) -> int:
    return round_half_up(Decimal(share(muni, period)) / POP[muni])


def funding(period, pred=lambda p: True) -> int:
    return sum(a for code, y, m, a in FUNDING if in_period(y, m, period) and pred(PROJECTS[code]))


def funding_by(period, key, pred=lambda p: True) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for code, y, m, a in FUNDING:
        p = PROJECTS[code]
        if in_period(y, m, period) and pred(p):
            out[key(p)] += a
    return dict(out)


def rate_on(date: str) -> tuple[Decimal, Decimal]:
    row = [r for r in RATES if r[0] <= date][-1]
    return row[1] / 100, row[2] / 100


def calc_before_tax(price_rial: int, date: str) -> tuple[int, int]:
    """(tax, city share) in rials for a price before tax."""
    vat, city = rate_on(date)
    tax = Decimal(price_rial) * vat
    return round_half_up(tax), round_half_up(tax * city)


def calc_with_tax(price_rial: int, date: str) -> tuple[int, int]:
    vat, city = rate_on(date)
    tax = Decimal(price_rial) * vat / (1 + vat)
    return round_half_up(tax), round_half_up(tax * city)


def calc_units(price_rial: int, date: str, with_tax: bool) -> tuple[int, int]:
    """Like calc_before_tax/calc_with_tax but reads the local share as whole percentage units
    of the price (9 % x 33.333 % = 3 units), which is what the law and the FAQ say."""
    vat, city = rate_on(date)
    units = (vat * city * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 100
    base = Decimal(price_rial) / (1 + vat) if with_tax else Decimal(price_rial)
    return round_half_up(base * vat), round_half_up(base * units)


def mashhad(p) -> bool:
    return p["municipality"] == "mashhad"


def ranked(d: dict[str, int], reverse: bool = True) -> list[tuple[str, int]]:
    return sorted(d.items(), key=lambda kv: kv[1], reverse=reverse)


def compute() -> dict[str, object]:
    F: dict[str, object] = {}
    # --- shares per year
    for mu in MUNIS:
        for y in range(1400, 1406):
            F[f"share.{mu}.{y}"] = share(mu, year(y))
            F[f"percap.{mu}.{y}"] = per_capita(mu, year(y))
    F["share.mashhad.1405-08"] = SHARES[("mashhad", 1405, 8)]
    F["share.mashhad.1405-07"] = SHARES[("mashhad", 1405, 7)]
    F["share.mashhad.1404-08"] = SHARES[("mashhad", 1404, 8)]
    F["share.mashhad.1404-02"] = SHARES[("mashhad", 1404, 2)]
    F["share.mashhad.1403-02"] = SHARES[("mashhad", 1403, 2)]
    F["share.mashhad.1405-Q1"] = share("mashhad", ((1405, 1), (1405, 3)))
    F["share.mashhad.1405-Q2"] = share("mashhad", ((1405, 4), (1405, 6)))
    F["share.neyshabur.1405-Q1"] = share("neyshabur", ((1405, 1), (1405, 3)))
    F["share.mashhad.1404-H1"] = share("mashhad", ((1404, 1), (1404, 6)))
    F["share.mashhad.1405-H1"] = share("mashhad", ((1405, 1), (1405, 6)))
    # --- rankings of towns
    F["rank.towns.1404"] = ranked({mu: share(mu, year(1404)) for mu in MUNIS})
    F["rank.towns.1405"] = ranked({mu: share(mu, year(1405)) for mu in MUNIS}, reverse=False)
    F["rank.towns.percap.1404"] = ranked({mu: per_capita(mu, year(1404)) for mu in MUNIS})
    F["rank.months.mashhad.1405"] = ranked(
        {str(m): SHARES[("mashhad", 1405, m)] for m in range(1, 9)}
    )
    # --- spending
    for y in range(1400, 1406):
        F[f"spend.mashhad.{y}"] = funding(year(y), mashhad)
        F[f"rank.cats.mashhad.{y}"] = ranked(funding_by(year(y), lambda p: p["category"], mashhad))
        F[f"rank.districts.mashhad.{y}"] = ranked(
            funding_by(
                year(y), lambda p: p["district"], lambda p: mashhad(p) and p["district"] != ""
            )
        )
        F[f"spend.citywide.mashhad.{y}"] = funding(
            year(y), lambda p: mashhad(p) and p["district"] == ""
        )
    F["spend.mashhad.1405-Q2"] = funding(((1405, 4), (1405, 6)), mashhad)
    F["spend.mashhad.1404-Q1"] = funding(((1404, 1), (1404, 3)), mashhad)
    F["spend.green.mashhad.1405"] = funding(
        year(1405), lambda p: mashhad(p) and p["category"] == "green"
    )
    F["spend.green.d3.1405"] = funding(
        year(1405), lambda p: mashhad(p) and p["category"] == "green" and p["district"] == "3"
    )
    F["spend.green.d13.1405"] = funding(
        year(1405), lambda p: mashhad(p) and p["category"] == "green" and p["district"] == "13"
    )
    F["spend.d3.1404"] = funding(year(1404), lambda p: mashhad(p) and p["district"] == "3")
    F["spend.d4.all"] = funding(ALL_TIME, lambda p: mashhad(p) and p["district"] == "4")
    F["spend.d4.1405"] = funding(year(1405), lambda p: mashhad(p) and p["district"] == "4")
    F["spend.samen.1404"] = funding(year(1404), lambda p: mashhad(p) and p["district"] == "samen")
    F["spend.transport.mashhad.1403"] = funding(
        year(1403), lambda p: mashhad(p) and p["category"] == "transport"
    )
    F["spend.transport.mashhad.all"] = funding(
        ALL_TIME, lambda p: mashhad(p) and p["category"] == "transport"
    )
    metro = lambda p: "قطار شهری" in p["name_fa"]
    F["metro.codes"] = sorted(c for c, p in PROJECTS.items() if metro(p))
    F["spend.metro.1403"] = funding(year(1403), metro)
    F["spend.metro.all"] = funding(ALL_TIME, metro)
    # --- projects
    F["rank.projects.funding.all"] = ranked(funding_by(ALL_TIME, lambda p: p["code"], mashhad))[:8]
    F["rank.projects.funding.1404"] = ranked(funding_by(year(1404), lambda p: p["code"], mashhad))[
        :8
    ]
    F["rank.projects.budget.d13"] = ranked(
        {
            c: int(p["total_budget_rial"])
            for c, p in PROJECTS.items()
            if p["district"] == "13" and mashhad(p)
        }
    )
    F["rank.projects.progress.inprogress.mashhad"] = ranked(
        {
            c: int(p["progress_percent"])
            for c, p in PROJECTS.items()
            if mashhad(p) and p["status"] == "in_progress"
        },
        reverse=False,
    )
    for c in ("P-1001", "P-1007", "P-1022", "P-1034", "P-1011", "P-1039", "P-1009"):
        F[f"project.{c}.budget"] = int(PROJECTS[c]["total_budget_rial"])
        F[f"project.{c}.funding.all"] = funding(ALL_TIME, lambda p, c=c: p["code"] == c)
        F[f"project.{c}.funding.1404"] = funding(year(1404), lambda p, c=c: p["code"] == c)
        F[f"project.{c}.end"] = PROJECTS[c]["planned_end_date"]
        F[f"project.{c}.progress"] = int(PROJECTS[c]["progress_percent"])

    # --- project lists by filter (Mashhad unless said)
    def codes(pred) -> list[str]:
        return sorted(c for c, p in PROJECTS.items() if pred(p))

    F["list.d9"] = codes(lambda p: mashhad(p) and p["district"] == "9")
    F["list.d9.in_progress"] = codes(
        lambda p: mashhad(p) and p["district"] == "9" and p["status"] == "in_progress"
    )
    F["list.d12"] = codes(lambda p: mashhad(p) and p["district"] == "12")
    F["list.d12.completed"] = codes(
        lambda p: mashhad(p) and p["district"] == "12" and p["status"] == "completed"
    )
    F["list.samen"] = codes(lambda p: mashhad(p) and p["district"] == "samen")
    F["list.samen.suspended"] = codes(
        lambda p: mashhad(p) and p["district"] == "samen" and p["status"] == "suspended"
    )
    F["list.suspended.mashhad"] = codes(lambda p: mashhad(p) and p["status"] == "suspended")
    F["list.green.in_progress.mashhad"] = codes(
        lambda p: mashhad(p) and p["category"] == "green" and p["status"] == "in_progress"
    )
    F["list.delayed.mashhad"] = codes(
        lambda p: (
            mashhad(p)
            and p["status"] in ("in_progress", "suspended")
            and p["planned_end_date"]
            and p["planned_end_date"] < "1405-09-08"
        )
    )
    F["list.d4"] = codes(lambda p: mashhad(p) and p["district"] == "4")
    # --- calculator
    F["calc.1401.before.1000000toman"] = calc_before_tax(10_000_000, "1401-06-01")
    F["calc.1405.before.1000000toman"] = calc_before_tax(10_000_000, "1405-09-08")
    F["calc.1402.with.1090000toman"] = calc_with_tax(10_900_000, "1402-05-01")
    F["calc.1405.before.2000000toman"] = calc_before_tax(20_000_000, "1405-09-08")
    F["calc.1405.before.5000000toman"] = calc_before_tax(50_000_000, "1405-09-08")
    F["calc.1405.before.20000000toman"] = calc_before_tax(200_000_000, "1405-09-08")
    F["calc.1405.before.500000toman"] = calc_before_tax(5_000_000, "1405-09-08")
    F["calc.1405.taxonly.300000toman"] = (
        3_000_000,
        round_half_up(Decimal(3_000_000) * rate_on("1405-09-08")[1]),
    )
    F["calc.1405.taxonly.500000toman"] = (
        5_000_000,
        round_half_up(Decimal(5_000_000) * rate_on("1405-09-08")[1]),
    )
    F["calc.1400.before.1500000toman"] = calc_before_tax(15_000_000, "1400-03-01")
    F["share.mashhad.1404-01..08"] = share("mashhad", ((1404, 1), (1404, 8)))
    F["share.mashhad.1405-01..08"] = share("mashhad", ((1405, 1), (1405, 8)))
    F["rank.towns.percap.1403.asc"] = ranked(
        {mu: per_capita(mu, year(1403)) for mu in MUNIS}, reverse=False
    )
    F["rank.towns.percap.1404.asc"] = ranked(
        {mu: per_capita(mu, year(1404)) for mu in MUNIS}, reverse=False
    )
    F["rank.months.mashhad.1405.asc"] = ranked(
        {str(m): SHARES[("mashhad", 1405, m)] for m in range(1, 9)}, reverse=False
    )
    F["rank.projects.funding.d13.all"] = ranked(
        funding_by(ALL_TIME, lambda p: p["code"], lambda p: mashhad(p) and p["district"] == "13")
    )
    F["rank.projects.progress.inprogress.mashhad.desc"] = ranked(
        {
            c: int(p["progress_percent"])
            for c, p in PROJECTS.items()
            if mashhad(p) and p["status"] == "in_progress"
        }
    )[:4]
    F["list.d3.1404.funded"] = sorted(
        funding_by(year(1404), lambda p: p["code"], lambda p: mashhad(p) and p["district"] == "3")
    )
    # calculator figures with the 1400-1402 share read as exactly one third ("3 units of 9"):
    # the same toman as 0.33333 for the small amounts used (299,997 -> 29,999.7 toman -> 30,000).
    F["calc.units.1401.before.1000000toman"] = calc_units(10_000_000, "1401-06-01", with_tax=False)
    F["calc.units.1402.with.1090000toman"] = calc_units(10_900_000, "1402-05-01", with_tax=True)
    # --- five-year trend
    F["trend.mashhad.1400-1404"] = [share("mashhad", year(y)) for y in range(1400, 1405)]
    return F


def names(pairs, table) -> list[str]:
    return [table(k) for k, _ in pairs]


def main() -> None:
    F = compute()
    for k, v in F.items():
        if isinstance(v, list) and v and isinstance(v[0], tuple):

            def label(k2):
                if k2 in MUNIS:
                    return MUNIS[k2]["name_fa"]
                if k2 in CATS:
                    return CATS[k2]
                if k2 in PROJECTS:
                    return f"{k2} {PROJECTS[k2]['name_fa']}"
                return k2

            print(k)
            for k2, v2 in v:
                print(f"    {label(k2)}: {v2}")
        else:
            print(f"{k}: {v}")
    if "--check" in sys.argv:
        check(F)


def check(F) -> None:
    """Every figure in dialogues.json must be one of the values computed here."""
    values: set[int] = set()
    for v in F.values():
        if isinstance(v, int):
            values.add(v)
        elif isinstance(v, (list, tuple)):
            for x in v:
                if isinstance(x, int):
                    values.add(x)
                elif isinstance(x, tuple):
                    values.update(i for i in x if isinstance(i, int))
    dialogues = json.loads((HERE / "dialogues.json").read_text(encoding="utf-8"))
    bad = 0
    for d in dialogues:
        for i, t in enumerate(d["turns"]):
            e = t.get("expect", {})
            for fig in e.get("figures_rial", []) + (
                [e["headline_rial"]] if "headline_rial" in e else []
            ):
                if fig not in values:
                    bad += 1
                    print(f"UNKNOWN FIGURE {d['id']} turn {i}: {fig}")
    print("figure check:", "OK" if not bad else f"{bad} unknown")


if __name__ == "__main__":
    main()
