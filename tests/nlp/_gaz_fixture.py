"""A small invented gazetteer shared by the nlp tests (names are made up for the tests)."""

from __future__ import annotations

from nlp.gazetteer import Gazetteer
from nlp.types import (
    GazetteerCategory,
    GazetteerData,
    GazetteerDistrict,
    GazetteerMunicipality,
    GazetteerProject,
)

DATA = GazetteerData(
    municipalities=(
        GazetteerMunicipality("mashhad", "مشهد"),
        GazetteerMunicipality("neyshabur", "نیشابور"),
        GazetteerMunicipality("torbat-heydarieh", "تربت حیدریه"),
        GazetteerMunicipality("quchan", "قوچان"),
        GazetteerMunicipality("sabzevar", "سبزوار"),
    ),
    districts=(
        *(GazetteerDistrict("mashhad", str(i), f"منطقه {i}") for i in range(1, 14)),
        GazetteerDistrict("mashhad", "samen", "منطقه ثامن"),
    ),
    categories=(
        GazetteerCategory(
            "transport", "حمل‌ونقل عمومی", ("مترو", "قطار شهری", "اتوبوس", "حمل و نقل عمومی")
        ),
        GazetteerCategory("roads", "معابر و تقاطع‌ها", ("پل", "زیرگذر", "تقاطع", "آسفالت")),
        GazetteerCategory("green", "فضای سبز", ("پارک", "بوستان", "فضای سبز")),
        GazetteerCategory("culture", "فرهنگی و ورزشی", ("کتابخانه", "فرهنگسرا", "ورزشگاه")),
        GazetteerCategory("safety", "ایمنی و آتش‌نشانی", ("آتش‌نشانی", "ایستگاه آتش نشانی")),
    ),
    projects=(
        GazetteerProject("P-201", "بوستان لاله منطقه ۴", "mashhad", "4", "green"),
        GazetteerProject("P-202", "بوستان ارغوان", "mashhad", "6", "green"),
        GazetteerProject("P-203", "ایستگاه آتش‌نشانی شماره ۱۲", "mashhad", "3", "safety"),
        GazetteerProject("P-204", "ایستگاه آتش‌نشانی بلوار سجاد", "mashhad", "1", "safety"),
        GazetteerProject("P-205", "خط ۲ قطار شهری مشهد", "mashhad", None, "transport"),
        GazetteerProject("P-206", "کتابخانه مرکزی نیشابور", "neyshabur", None, "culture"),
        GazetteerProject("P-207", "زیرگذر میدان جهاد", "mashhad", "2", "roads"),
        GazetteerProject("P-208", "فرهنگسرای منطقه ۹", "mashhad", "9", "culture"),
        GazetteerProject("P-209", "تقاطع غیرهمسطح بلوار معلم", "mashhad", "9", "roads"),
        GazetteerProject("P-210", "پیاده‌راه پیرامون بازار رضا", "mashhad", "samen", "roads"),
    ),
)

GAZ = Gazetteer.build(DATA)
