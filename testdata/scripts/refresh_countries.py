#!/usr/bin/env python3
"""Write testdata/iso3166/alpha2.txt: the officially assigned ISO 3166-1 alpha-2 codes.

    pip install pycountry   # the Debian iso-codes data, packaged for Python
    testdata/scripts/refresh_countries.py

tests/names.rs compares src/country.rs's compiled-in table with this file, so a refresh that
changes the list makes the test fail until the table is updated by hand (deliberately: a
country code change deserves a look).
"""

import pathlib

import pycountry

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "testdata" / "iso3166" / "alpha2.txt"

codes = sorted(country.alpha_2 for country in pycountry.countries)
OUT.write_text("".join(code + "\n" for code in codes), encoding="ascii")
print(f"wrote {OUT.relative_to(ROOT)}: {len(codes)} codes (pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else '?'})")
